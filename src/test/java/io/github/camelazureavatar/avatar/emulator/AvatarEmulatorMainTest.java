package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvatarEmulatorMainTest {

    private static AvatarEmulator launch(ByteArrayOutputStream bytes, String... args) {
        return EmulatorCommandLine.launch(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    @Test
    void launchPrintsTheReadyLineFirstThenWhatItAcceptsAndRunsInRealTime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AvatarEmulator emu = launch(bytes, "--port", "0", "--key", "k-123", "--bind", "127.0.0.1")) {
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0)).isEqualTo("Azure avatar emulator listening on " + emu.baseUrl()
                    + " (blob host " + emu.blobBaseUrl() + "), key k-123");
            assertThat(lines.subList(1, lines.size())).allMatch(line -> line.startsWith("  "))
                    .anyMatch(line -> line.contains("auth: Ocp-Apim-Subscription-Key: k-123"))
                    .anyMatch(line -> line.contains("quota: none"))
                    .anyMatch(line -> line.contains("destination container") && line.contains(emu.blobBaseUrl() + "/outputs?"));
            assertThat(emu.clock()).isInstanceOf(SystemClock.class);
            assertThat(emu.clock().now()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
            assertThat(new EmulatorHttp(emu, "k-123").get(EmulatorHttp.A).statusCode()).isEqualTo(200);
            emu.createJob("real-time", null, false);
            assertThat(emu.jobStatus("real-time")).hasValue("NotStarted");
            assertThatThrownBy(() -> emu.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void bearerTokenAndQuotaFromTheCommandLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AvatarEmulator emu = launch(bytes, "--token", "entra-token", "--quota", "2/1m", "--rate-limit-headers")) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("Authorization: Bearer entra-token").contains("quota: 2 requests per 1m, with X-RateLimit-* headers");
            EmulatorHttp bearer = new EmulatorHttp(emu, null);
            String[] auth = {"Authorization", "Bearer entra-token"};
            assertThat(bearer.send("GET", B + "?" + V, null, auth).statusCode()).isEqualTo(200);
            assertThat(bearer.send("GET", B + "?" + V, null, auth).headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            var throttled = bearer.send("GET", B + "?" + V, null, auth);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValueAsLong("Retry-After").getAsLong()).isBetween(1L, 60L);
        }
    }

    @Test
    void anyTokenTimeScaleAndFaults() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AvatarEmulator emu = launch(bytes, "--any-token", "--time-scale", "60", "--fault", "503:2",
                "--sas-lifetime", "PT10M", "--not-started", "1s", "--running", "500ms", "--failure-rate", "0.5")) {
            assertThat(emu.clock()).isInstanceOf(ScaledClock.class);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Bearer <any token>").contains("faults queued: 2");
            EmulatorHttp anyone = new EmulatorHttp(emu, null);
            assertThat(anyone.send("GET", B + "?" + V, null, "Authorization", "Bearer whatever").statusCode()).isEqualTo(503);
            assertThat(anyone.send("GET", B + "?" + V, null, "Authorization", "Bearer whatever").statusCode()).isEqualTo(503);
            assertThat(anyone.send("GET", B + "?" + V, null, "Authorization", "Bearer whatever").statusCode()).isEqualTo(200);
            assertThat(anyone.send("GET", B + "?" + V, null, "Authorization", "Bearer ").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void helpPrintsTheOptionsAndStartsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(launch(bytes, "--help")).isNull();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--quota N/WINDOW").contains("--any-token");
    }

    @Test
    void unknownOptionsAndBadValuesAreRefused() {
        assertThatThrownBy(() -> launch(new ByteArrayOutputStream(), "--verbose", "yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> launch(new ByteArrayOutputStream(), "--quota", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("N/WINDOW");
        assertThatThrownBy(() -> launch(new ByteArrayOutputStream(), "--fault", "explode"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a fault");
        assertThatThrownBy(() -> launch(new ByteArrayOutputStream(), "--running", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a duration");
    }
}
