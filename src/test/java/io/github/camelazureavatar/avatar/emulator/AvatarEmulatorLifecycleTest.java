package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AvatarEmulatorLifecycleTest extends EmulatorHttpTestSupport {

    @Test
    void batchJobGoesNotStartedRunningSucceededWithAzureDateQuirks() {
        HttpResponse<String> created = http.createB("my-job-01", EmulatorHttp.bodyB("Hello"), "Operation-Id", "op-1");
        HttpResponse<String> withContainer = http.createB("my-job-02", EmulatorHttp.bodyB("Hello", EmulatorHttp.FOREIGN_CONTAINER));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Operation-Id")).hasValue("op-1");
        assertThat(created.headers().firstValue("Operation-Location"))
                .hasValue(emu.baseUrl() + "/avatar/operations/op-1?api-version=2024-08-01");
        JsonNode job = json(created);
        assertThat(job.get("id").asText()).isEqualTo("my-job-01");
        assertThat(job.get("internalId").asText()).matches("[0-9a-f-]{36}");
        assertThat(job.get("status").asText()).isEqualTo("NotStarted");
        assertThat(job.get("createdDateTime").asText()).isEqualTo("2026-01-01T00:00:00.1234567Z");
        assertThat(job.get("lastActionDateTime").asText()).isEqualTo("2026-01-01T00:00:00.1234567Z");
        assertThat(job.get("description").asText()).isEqualTo("a test job");
        assertThat(job.at("/properties/timeToLiveInHours").asInt()).isEqualTo(48);
        assertThat(job.at("/avatarConfig/videoFormat").asText()).isEqualTo("Mp4");
        assertThat(job.at("/avatarConfig/bitrateKbps").asInt()).isEqualTo(2000);
        assertThat(job.at("/avatarConfig/customized").asBoolean(true)).isFalse();
        assertThat(job.has("outputs")).isFalse();
        assertThat(job.has("inputs")).isFalse();
        assertThat(withContainer.statusCode()).isEqualTo(201);
        assertThat(withContainer.body()).doesNotContain("destinationContainerUrl").doesNotContain("c2VjcmV0");
        assertThat(json(http.get("/avatar/operations/op-1?" + V)).get("status").asText()).isEqualTo("NotStarted");

        emu.advance(Duration.ofSeconds(5));
        job = json(http.get(B + "/my-job-01?" + V));
        assertThat(job.get("status").asText()).isEqualTo("Running");
        assertThat(job.get("lastActionDateTime").asText()).isEqualTo("2026-01-01T00:00:05.1234567Z");
        assertThat(job.has("outputs")).isFalse();
        assertThat(emu.jobStatus("my-job-01")).hasValue("Running");

        emu.advance(Duration.ofSeconds(10));
        job = json(http.get(B + "/my-job-01?" + V));
        assertThat(job.get("status").asText()).isEqualTo("Succeeded");
        // Azure's quirk: a finished job's lastActionDateTime has no offset and no trailing zeros (7 digits here)
        assertThat(job.get("lastActionDateTime").asText()).isEqualTo("2026-01-01T00:00:15.1234567");
        assertThat(job.get("createdDateTime").asText()).isEqualTo("2026-01-01T00:00:00.1234567Z");
        assertThat(job.at("/properties/sizeInBytes").asLong()).isEqualTo(emu.resultVideo().length);
        assertThat(job.at("/properties/durationInMilliseconds").asInt()).isEqualTo(2000);
        assertThat(job.at("/properties/succeededCount").asInt()).isEqualTo(1);
        assertThat(job.at("/properties/failedCount").asInt()).isZero();
        assertThat(job.at("/properties/billingDetails/neuralCharacters").asInt()).isEqualTo(5);
        assertThat(job.at("/properties").has("error")).isFalse();
        assertThat(job.at("/outputs/result").asText()).startsWith(emu.blobBaseUrl() + "/batchsynthesis-output/")
                .contains("/my-job-01/0001.mp4?").contains("sr=b").contains("sp=r").contains("sig=");
        assertThat(job.at("/outputs/summary").asText()).contains("/my-job-01/summary.json?");
        assertThat(json(http.get("/avatar/operations/op-1?" + V)))
                .isEqualTo(EmulatorHttp.MAPPER.createObjectNode().put("id", "op-1").put("status", "Succeeded"));
    }

    @Test
    void previewJobLifecycleWithServerGuidAndMillisecondDates() {
        HttpResponse<String> created = http.createA(EmulatorHttp.bodyA("Hi, I'm a virtual assistant."));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode job = json(created);
        String id = job.get("id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(job.get("displayName").asText()).isEqualTo("avatar batch synthesis sample");
        assertThat(job.get("textType").asText()).isEqualTo("PlainText");
        assertThat(job.get("status").asText()).isEqualTo("NotStarted");
        assertThat(job.get("createdDateTime").asText()).isEqualTo("2026-01-01T00:00:00.123Z");
        assertThat(job.at("/properties/timeToLive").asText()).isEqualTo("P31D");
        assertThat(job.at("/properties/kBitrate").asInt()).isEqualTo(2000);
        assertThat(job.at("/properties/outputFormat").asText()).isEqualTo("riff-24khz-16bit-mono-pcm");
        assertThat(job.at("/properties/talkingAvatarCharacter").asText()).isEqualTo("lisa");
        assertThat(created.headers().firstValue("Operation-Id")).isEmpty();

        emu.advance(Duration.ofSeconds(15));
        job = json(http.get(A + "/" + id));
        assertThat(job.get("status").asText()).isEqualTo("Succeeded");
        assertThat(job.get("lastActionDateTime").asText()).isEqualTo("2026-01-01T00:00:15.123Z");
        assertThat(job.at("/properties/audioSize").asLong()).isEqualTo(emu.resultVideo().length);
        assertThat(job.at("/properties/durationInTicks").asLong()).isEqualTo(20_000_000L);
        assertThat(job.at("/properties/duration").asText()).isEqualTo("PT2S");
        assertThat(job.at("/properties/succeededAudioCount").asInt()).isEqualTo(1);
        assertThat(job.at("/properties/billingDetails/neural").asInt()).isEqualTo(28);
        assertThat(job.at("/outputs/result").asText()).contains("/0001.mp4?");
    }

    @Test
    void failMarkerMakesTheJobFailWithAnErrorAndOnlyASummary() {
        http.createB("doomed", EmulatorHttp.bodyB("please [fail] here"));
        emu.advance(Duration.ofSeconds(15));
        JsonNode job = json(http.get(B + "/doomed?" + V));
        assertThat(job.get("status").asText()).isEqualTo("Failed");
        assertThat(job.at("/properties/succeededCount").asInt()).isZero();
        assertThat(job.at("/properties/failedCount").asInt()).isEqualTo(1);
        assertThat(job.at("/properties/error/code").asText()).isEqualTo("InvalidRequest");
        assertThat(job.at("/properties/error/message").asText()).isNotBlank();
        assertThat(job.at("/properties").has("sizeInBytes")).isFalse();
        assertThat(job.at("/outputs").has("result")).isFalse();
        assertThat(job.at("/outputs/summary").asText()).contains("summary.json");
    }

    @Test
    void failureRateIsSeededAndDeterministic() {
        try (AvatarEmulator all = AvatarEmulator.builder().failureRate(1.0, 7L).start();
                AvatarEmulator some1 = AvatarEmulator.builder().failureRate(0.5, 7L).start();
                AvatarEmulator some2 = AvatarEmulator.builder().failureRate(0.5, 7L).start()) {
            all.createJob("j1", null, false);
            all.advance(Duration.ofSeconds(15));
            assertThat(all.jobStatus("j1")).hasValue("Failed");
            StringBuilder p1 = new StringBuilder();
            StringBuilder p2 = new StringBuilder();
            for (AvatarEmulator e : new AvatarEmulator[] {some1, some2}) {
                e.seed(SeedSpec.of(40, SeedState.LIFECYCLE).withIdPrefix("s-"));
                e.advance(Duration.ofSeconds(15));
            }
            for (int i = 1; i <= 40; i++) {
                p1.append(some1.jobStatus(String.format("s-%06d", i)).orElseThrow().charAt(0));
                p2.append(some2.jobStatus(String.format("s-%06d", i)).orElseThrow().charAt(0));
            }
            assertThat(p1.toString()).isEqualTo(p2.toString()).contains("F").contains("S");
        }
    }

    @Test
    void seededStatesArePinnedAndLifecycleSeedsMoveWithTheClock() {
        var notStarted = emu.seedJobs(2, SeedState.NOT_STARTED);
        var running = emu.seedJobs(2, SeedState.RUNNING);
        var failed = emu.seedJobs(2, SeedState.FAILED);
        var fresh = emu.seedJobs(3, SeedState.LIFECYCLE);
        assertThat(emu.jobStatus(notStarted.get(0))).hasValue("NotStarted");
        assertThat(emu.jobStatus(running.get(0))).hasValue("Running");
        assertThat(emu.jobStatus(failed.get(0))).hasValue("Failed");
        assertThat(emu.jobStatus(fresh.get(0))).hasValue("NotStarted");
        emu.advance(Duration.ofHours(1));
        assertThat(emu.jobStatus(notStarted.get(1))).hasValue("NotStarted");
        assertThat(emu.jobStatus(running.get(1))).hasValue("Running");
        assertThat(emu.jobStatus(fresh.get(2))).hasValue("Succeeded");

        JsonNode newest = json(http.get(B + "?maxpagesize=1&" + V)).get("value").get(0);
        assertThat(newest.get("id").asText()).isEqualTo(fresh.get(2));
        assertThat(Instant.parse(newest.get("createdDateTime").asText())).isEqualTo(AvatarEmulator.DEFAULT_START.minusSeconds(1));
    }

    @Test
    void deleteRulesPerGeneration() {
        String a = json(http.createA(EmulatorHttp.bodyA("x"))).get("id").asText();
        http.createB("b-1", EmulatorHttp.bodyB("x"));

        HttpResponse<String> aEarly = http.delete(A + "/" + a);
        assertThat(aEarly.statusCode()).isEqualTo(400);
        assertThat(json(aEarly).get("code").asText()).isEqualTo("InvalidRequest");
        assertThat(http.delete(B + "/b-1?" + V).statusCode()).isEqualTo(400);
        assertThat(http.delete(A + "/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(204);
        HttpResponse<String> bUnknown = http.delete(B + "/nope-1?" + V);
        assertThat(bUnknown.statusCode()).isEqualTo(404);
        assertThat(json(bUnknown).at("/error/code").asText()).isEqualTo("NotFound");

        emu.advance(Duration.ofSeconds(15));
        assertThat(http.delete(A + "/" + a).statusCode()).isEqualTo(204);
        HttpResponse<String> bDone = http.delete(B + "/b-1?" + V);
        assertThat(bDone.statusCode()).isEqualTo(204);
        assertThat(bDone.body()).isEmpty();
        HttpResponse<String> gone = http.get(A + "/" + a);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("code").asText()).isEqualTo("NotFound");
        assertThat(http.get(B + "/b-1?" + V).statusCode()).isEqualTo(404);
        assertThat(emu.jobCount()).isZero();
    }

    @Test
    void finishedJobsExpireAfterTheirTimeToLive() {
        http.createB("short-lived", EmulatorHttp.bodyB("x").replace("\"timeToLiveInHours\":48", "\"timeToLiveInHours\":1"));
        emu.createJob("long-lived", null, false);
        emu.advance(Duration.ofSeconds(15).plusHours(1).minusMillis(1));
        assertThat(http.get(B + "/short-lived?" + V).statusCode()).isEqualTo(200);
        emu.advance(Duration.ofMillis(1));
        assertThat(http.get(B + "/short-lived?" + V).statusCode()).isEqualTo(404);
        assertThat(emu.jobCount()).isEqualTo(1);
        emu.advance(Duration.ofHours(744));
        assertThat(emu.jobStatus("long-lived")).isEmpty();
    }

    @Test
    void serverSideHelpers() {
        assertThat(emu.createJob("helper-1", "described", false)).isEqualTo("helper-1");
        assertThatThrownBy(() -> emu.createJob("helper-1", null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(emu.jobCount()).isEqualTo(1);
        assertThat(json(http.get(B + "/helper-1?" + V)).get("description").asText()).isEqualTo("described");
        assertThat(emu.deleteJob("helper-1")).isTrue();
        assertThat(emu.deleteJob("helper-1")).isFalse();
        assertThat(emu.jobStatus("helper-1")).isEmpty();
        assertThat(emu.clock().now()).isEqualTo(AvatarEmulator.DEFAULT_START);
        try (AvatarEmulator real = AvatarEmulator.builder().clock(new SystemClock()).start()) {
            assertThatThrownBy(() -> real.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void customDurationsAreHonoured() {
        try (AvatarEmulator quick = AvatarEmulator.builder().notStartedFor(Duration.ZERO).runningFor(Duration.ofSeconds(1)).start()) {
            quick.createJob("q", null, false);
            assertThat(quick.jobStatus("q")).hasValue("Running");
            quick.advance(Duration.ofSeconds(1));
            assertThat(quick.jobStatus("q")).hasValue("Succeeded");
        }
    }
}
