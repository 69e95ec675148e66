package io.github.camelazureavatar.avatar.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A default emulator per test, spoken to over real HTTP with the JDK's client (never with project code). */
abstract class EmulatorHttpTestSupport {

    protected AvatarEmulator emu;
    protected EmulatorHttp http;

    @BeforeEach
    void startEmulator() {
        emu = AvatarEmulator.builder().start();
        http = new EmulatorHttp(emu);
    }

    @AfterEach
    void stopEmulator() {
        emu.close();
    }
}
