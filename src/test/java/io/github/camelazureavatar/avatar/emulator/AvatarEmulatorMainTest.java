package io.github.camelazureavatar.avatar.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AvatarEmulatorMainTest {

    @Test
    void launchPrintsExactlyOneReadyLineAndRunsInRealTime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AvatarEmulator emu = AvatarEmulator.launch(new String[] {"--port", "0", "--key", "k-123", "--bind", "127.0.0.1"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(out.lines()).containsExactly("Azure avatar emulator listening on " + emu.baseUrl()
                    + " (blob host " + emu.blobBaseUrl() + "), key k-123");
            assertThat(emu.clock()).isInstanceOf(SystemClock.class);
            assertThat(emu.clock().now()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
            assertThat(new EmulatorHttp(emu, "k-123").get(EmulatorHttp.A).statusCode()).isEqualTo(200);
            emu.createJob("real-time", null, false);
            assertThat(emu.jobStatus("real-time")).hasValue("NotStarted");
            assertThatThrownBy(() -> emu.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void unknownOptionsAreRefused() {
        assertThatThrownBy(() -> AvatarEmulator.launch(new String[] {"--verbose", "yes"}, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--verbose");
    }
}
