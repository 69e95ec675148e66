package io.github.camelazureavatar.avatar.emulator;

import java.time.Instant;

/** Real time, for the stand-alone emulator (demos, manual runs). */
public final class SystemClock implements EmulatorClock {

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
