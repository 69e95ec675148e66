package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvatarEmulatorFaultsTest extends EmulatorHttpTestSupport {

    @Test
    void nextNRequestsGetAnAzureShapedStatusThenNormalService() {
        emu.faults().next(2, Fault.status(503));
        HttpResponse<String> first = http.get(B + "?" + V);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(json(first).at("/error/code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(first.headers().firstValue("x-ms-error-code")).hasValue("ServiceUnavailable");
        assertThat(http.get(A).statusCode()).isEqualTo(503);
        assertThat(http.get(A).statusCode()).isEqualTo(200);
        assertThat(emu.requests().all()).extracting(RecordedRequest::status).containsExactly(503, 503, 200);
        assertThat(emu.faults().pending()).isZero();
    }

    @Test
    void previewFaultsUseTheFlatErrorBody() {
        emu.faults().next(1, Fault.status(500));
        HttpResponse<String> r = http.get(A);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r).get("code").asText()).isEqualTo("InternalServerError");
        assertThat(json(r).at("/innerError/code").asText()).isEqualTo("UnexpectedError");
    }

    @Test
    void aFaultedCreateCreatesNothing() {
        emu.faults().next(1, Fault.status(500));
        assertThat(http.createB("job-1", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(500);
        assertThat(emu.jobCount()).isZero();
    }

    @Test
    void matchingFaultsOnlyHitTheirMethodAndPath() {
        emu.faults().nextMatching("PUT", B, 1, Fault.status(502));
        assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(200);
        assertThat(http.createB("job-1", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(502);
        assertThat(http.createB("job-1", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
    }

    @Test
    void tooManyRequestsCarriesRetryAfterSecondsAndRateLimitHeaders() {
        emu.faults().next(1, Fault.tooManyRequests(Duration.ofSeconds(7)));
        HttpResponse<String> r = http.get(B + "?" + V);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("50");
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(Instant.parse(r.headers().firstValue("X-RateLimit-Reset").orElseThrow())).isAfter(Instant.now().minusSeconds(60));
        assertThat(json(r).at("/error/code").asText()).isEqualTo("TooManyRequests");
    }

    @Test
    void tooManyRequestsUntilAnInstantUsesAnHttpDate() {
        emu.faults().next(1, Fault.tooManyRequestsUntil(Instant.parse("2026-01-01T00:01:00Z")));
        HttpResponse<String> r = http.get(A);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("Thu, 01 Jan 2026 00:01:00 GMT");
        assertThat(json(r).get("code").asText()).isEqualTo("TooManyRequests");
    }

    @Test
    void delayMakesAClientTimeOutAndStillServesTheRequestLater() throws Exception {
        emu.faults().next(1, Fault.delay(Duration.ofSeconds(3)));
        var request = http.request("GET", B + "?" + V, null).timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> http.client().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(http.get(B + "?" + V).statusCode()).isEqualTo(200);
    }

    @Test
    void delayedRequestsAnswerNormallyAfterTheDelay() {
        emu.faults().next(1, Fault.delay(Duration.ofMillis(400)));
        long start = System.nanoTime();
        assertThat(http.createB("slow-1", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(emu.jobCount()).isEqualTo(1);
    }

    @Test
    void connectionResetGivesNoHttpAnswerAndCreatesNothing() {
        emu.faults().next(1, Fault.connectionReset());
        assertThatThrownBy(() -> http.createB("job-1", EmulatorHttp.bodyB("x"))).hasRootCauseInstanceOf(IOException.class);
        assertThat(emu.jobCount()).isZero();
        assertThat(emu.requests().all()).singleElement().satisfies(r -> assertThat(r.status()).isZero());
        assertThat(http.createB("job-1", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
    }

    @Test
    void anUnreadableJobSpoilsOnlyItselfAndOnlyInTheNextListPages() {
        List<String> ids = emu.seedJobs(3, SeedState.SUCCEEDED);
        emu.faults().unreadableInLists(ids.get(1), 1);

        List<String> created = new ArrayList<>();
        json(http.get(B + "?" + V)).get("value").forEach(job -> created.add(job.get("id").asText() + " "
                                                                           + job.get("createdDateTime").asText()));
        assertThat(created).hasSize(3).filteredOn(job -> job.endsWith(" the day before yesterday"))
                .containsExactly(ids.get(1) + " the day before yesterday");
        assertThat(emu.faults().pending()).isZero();

        json(http.get(B + "?" + V)).get("value")
                .forEach(job -> assertThat(Instant.parse(job.get("createdDateTime").asText())).isNotNull());
    }

    @Test
    void malformedJsonIs200WithANonJsonBody() {
        emu.faults().next(1, Fault.malformedJson());
        HttpResponse<String> r = http.get(B + "?" + V);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> EmulatorHttp.MAPPER.readTree(r.body())).isInstanceOf(IOException.class);
    }

    @Test
    void truncatedJsonIsTheRealBodyCutInHalfWithMatchingLength() {
        emu.seedJobs(3, SeedState.SUCCEEDED);
        String whole = http.get(B + "?" + V).body();
        emu.faults().next(1, Fault.truncatedJson());
        HttpResponse<String> r = http.get(B + "?" + V);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(whole.substring(0, whole.length() / 2));
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(whole.length() / 2);
        assertThatThrownBy(() -> EmulatorHttp.MAPPER.readTree(r.body())).isInstanceOf(IOException.class);
    }

    @Test
    void foreignNextLinkPointsTheNextPageElsewhereOnce() {
        emu.seedJobs(5, SeedState.SUCCEEDED);
        emu.faults().foreignNextLink("http://attacker.example:4444/");
        assertThat(json(http.get(B + "?maxpagesize=5&" + V)).has("nextLink")).isFalse();
        JsonNode page = json(http.get(B + "?maxpagesize=2&" + V));
        assertThat(page.get("nextLink").asText())
                .isEqualTo("http://attacker.example:4444/avatar/batchsyntheses/?maxpagesize=2&skip=2&api-version=2024-08-01");
        assertThat(json(http.get(A + "?top=2")).get("@nextLink").asText()).startsWith(emu.baseUrl());
    }

    @Test
    void nextLinkCyclePointsBackAtTheSamePage() {
        emu.seedJobs(5, SeedState.SUCCEEDED);
        emu.faults().nextLinkCycle();
        JsonNode page = json(http.get(A + "?skip=2&top=2"));
        assertThat(page.get("@nextLink").asText()).isEqualTo(emu.baseUrl() + A + "?skip=2&top=2");
    }

    @Test
    void betweenListPagesShiftsTheListUnderAPagingClient() {
        List<String> seeded = emu.seedJobs(150, SeedState.SUCCEEDED);
        emu.faults().betweenListPages(() -> emu.createJob("inserted", null, false));
        JsonNode first = json(http.get(B + "?" + V));
        assertThat(first.get("value").get(0).get("id").asText()).isEqualTo(seeded.get(149));
        JsonNode second = json(http.get(first.get("nextLink").asText()));
        List<String> ids = new ArrayList<>();
        second.get("value").forEach(j -> ids.add(j.get("id").asText()));
        // the last job of page one shows again: the list moved by one
        assertThat(ids).hasSize(51).first().isEqualTo(first.get("value").get(99).get("id").asText());
        assertThat(emu.jobCount()).isEqualTo(151);
        assertThat(json(http.get(B + "?" + V)).get("value").get(0).get("id").asText()).isEqualTo("inserted");
    }

    @Test
    void clearDropsPendingFaults() {
        emu.faults().next(3, Fault.status(500)).foreignNextLink("http://x.example").nextLinkCycle().betweenListPages(() -> { });
        assertThat(emu.faults().pending()).isEqualTo(6);
        emu.faults().clear();
        assertThat(emu.faults().pending()).isZero();
        assertThat(http.get(A).statusCode()).isEqualTo(200);
    }

    @Test
    void blobRequestsCanBeFaultedByPath() {
        emu.createJob("done-1", null, false);
        emu.advance(Duration.ofSeconds(15));
        String result = json(http.get(B + "/done-1?" + V)).at("/outputs/result").asText();
        emu.faults().nextMatching("GET", "/batchsynthesis-output/", 1, Fault.status(503));
        HttpResponse<String> r = http.get(result);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("<Error><Code>ServiceUnavailable</Code>");
        assertThat(http.get(result).statusCode()).isEqualTo(200);
    }
}
