package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Azure's quota, counted on the emulator's clock, told in real time. */
class AvatarEmulatorQuotaTest {

    @Test
    void twoRequestsAMinuteThen429InEachGenerationsShapeUntilTheWindowSlides() {
        try (AvatarEmulator emu = AvatarEmulator.builder().quota(2, Duration.ofMinutes(1)).start()) {
            EmulatorHttp http = new EmulatorHttp(emu);
            assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(200);
            emu.advance(Duration.ofSeconds(20));
            assertThat(http.get(A).statusCode()).isEqualTo(200);

            HttpResponse<String> b = http.get(B + "?" + V);
            assertThat(b.statusCode()).isEqualTo(429);
            assertThat(json(b).at("/error/code").asText()).isEqualTo("TooManyRequests");
            assertThat(b.headers().firstValue("x-ms-error-code")).hasValue("TooManyRequests");
            // the first request leaves the window 40 s from now: a ManualClock tells that as it is
            assertThat(b.headers().firstValue("Retry-After")).hasValue("40");
            assertThat(b.headers().firstValue("X-RateLimit-Limit")).isEmpty();
            HttpResponse<String> a = http.get(A);
            assertThat(a.statusCode()).isEqualTo(429);
            assertThat(json(a).get("code").asText()).isEqualTo("TooManyRequests");
            assertThat(json(a).get("message").asText()).contains("40 seconds");

            emu.advance(Duration.ofSeconds(40));
            assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(200);
            assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(429);
            emu.advance(Duration.ofSeconds(20));
            assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(200);
            assertThat(emu.requests().count(429)).isEqualTo(3);
            assertThat(emu.requests().count(200)).isEqualTo(4);
        }
    }

    @Test
    void refusedAndUnauthenticatedRequestsAndDownloadsDoNotCount() {
        try (AvatarEmulator emu = AvatarEmulator.builder().quota(2, Duration.ofMinutes(1)).start()) {
            EmulatorHttp http = new EmulatorHttp(emu);
            assertThat(new EmulatorHttp(emu, "wrong").get(B + "?" + V).statusCode()).isEqualTo(401);
            emu.createJob("job-1", null, false);
            emu.advance(Duration.ofSeconds(15));
            String result = json(http.get(B + "/job-1?" + V)).at("/outputs/result").asText();
            for (int i = 0; i < 5; i++) {
                assertThat(new EmulatorHttp(emu, null).get(result).statusCode()).isEqualTo(200);
            }
            assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(200);
            emu.advance(Duration.ofSeconds(30));
            for (int i = 0; i < 5; i++) {
                assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(429);
            }
            // the job's get and the list counted and leave the window now; had the 429s counted, it would still be full
            emu.advance(Duration.ofSeconds(30));
            assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(200);
            assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rateLimitHeadersOnEveryAnswerInThe31Style() {
        Instant before = Instant.now();
        try (AvatarEmulator emu = AvatarEmulator.builder().quotaWithRateLimitHeaders(50, Duration.ofSeconds(5)).start()) {
            EmulatorHttp http = new EmulatorHttp(emu);
            HttpResponse<String> first = http.get(A);
            assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("50");
            assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("49");
            Instant reset = Instant.parse(first.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertThat(reset).isBetween(before.plusSeconds(4).truncatedTo(ChronoUnit.SECONDS), Instant.now().plusSeconds(6));
            for (int i = 0; i < 49; i++) {
                http.get(A);
            }
            HttpResponse<String> refused = http.get(A);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        }
    }

    @Test
    void onAScaledClockTheWaitIsToldInRealSecondsRoundedUp() {
        ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 60);
        try (AvatarEmulator emu = AvatarEmulator.builder().clock(clock).quotaWithRateLimitHeaders(2, Duration.ofMinutes(1)).start()) {
            EmulatorHttp http = new EmulatorHttp(emu);
            http.get(B + "?" + V);
            http.get(B + "?" + V);
            HttpResponse<String> refused = http.get(B + "?" + V);
            if (refused.statusCode() == 200) {
                return; // this machine took a real second between the requests: the window moved on, nothing to check
            }
            // one emulated minute is one real second
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            // the window frees one real second after the first request (not 60 s): bounded from after the refusal, so
            // that a stall before the first request cannot push the reset past the bound
            Instant reset = Instant.parse(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertThat(reset).isBefore(Instant.now().plusSeconds(3));
        }
    }

    @Test
    void aScaledClockRunsFasterAndConvertsBack() {
        ScaledClock clock = new ScaledClock(Instant.parse("2026-01-01T00:00:00Z"), 120);
        assertThat(clock.realTime(Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(clock.realTime(Duration.ofMillis(1))).isEqualTo(Duration.ofNanos(8334));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> clock.now().isAfter(Instant.parse("2026-01-01T00:00:30Z")));
        assertThat(new ManualClock(Instant.EPOCH).realTime(Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    }
}
