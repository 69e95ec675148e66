package io.github.camelazureavatar.avatar.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.Fault;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Answers Azure should never send lose nothing else, and reach no header, file name, URL or log line raw. */
class BadAnswersTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";
    private static final List<String> HOSTILE_IDS = List.of("..", "../../etc/passwd", "forged\r\nINFO all is well",
            "a/b", "has space", "x");

    @Test
    void listedJobsWithHostileIdsAreSkippedAloneWithAnEscapedWarning() throws Exception {
        List<String> good = azure.seedJobs(3, SeedState.SUCCEEDED);
        HOSTILE_IDS.forEach(id -> azure.createJob(id, "hostile", false));
        azure.advance(Duration.ofSeconds(20));
        List<Map<String, Object>> headers = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "")).routeId("jobs").process(e -> headers.add(e.getMessage().getHeaders()));
            }
        });

        try (LogCapture logs = LogCapture.attach()) {
            pollOnce("jobs");

            assertThat(headers).extracting(h -> h.get(AzureAvatarConstants.JOB_ID)).containsExactlyInAnyOrderElementsOf(good);
            assertThat(logs.linesContaining("breaks Azure's id pattern")).singleElement().asString()
                    .contains("Left out " + HOSTILE_IDS.size() + " unreadable jobs")
                    .doesNotContain("\r").doesNotContain("\n");
            List<String> warned = logs.linesContaining("breaks Azure's id pattern");
            assertThat(logs.lines()).noneMatch(line -> line.contains("\n") || line.contains("\r"));
            assertThat(warned.get(0)).contains("'..'").contains("\\u000d\\u000a");
        }
        assertThat(azure.requests().all()).allSatisfy(r -> assertThat(r.path()).doesNotContain(".."));
    }

    /** A link in upper case is still a link, not a path in the user's container; a SAS Azure echoes stays masked. */
    @Test
    void aLinkInUpperCaseIsALinkAndAnEchoedSignatureIsMasked() {
        String link = azure.blobBaseUrl().replace("http://", "HTTP://") + "/no/such/0001.mp4?sv=1&sig=secret-signature";
        AvatarSynthesisJob job = AvatarSynthesisJob.of(JsonNodeFactory.instance.objectNode().put("id", "upper-case-link")
                .put("status", "Succeeded").set("outputs", JsonNodeFactory.instance.objectNode().put("result", link)));

        Exchange exchange = context.createProducerTemplate().request(avatarUri(API, "operation=downloadResult"),
                e -> e.getMessage().setBody(job));

        assertThat(exchange.getException()).hasMessageNotContaining("destination container")
                .hasMessageNotContaining("secret-signature");
        assertThat(azure.blobHost().requests()).as("the link was followed").hasSize(1);
    }

    @Test
    void anEndlessNextLinkChainEndsAtTheBoundAndTheNextPollStartsAgain() throws Exception {
        azure.seedJobs(5, SeedState.SUCCEEDED);
        azure.faults().endlessNextLinks();
        List<String> received = recordingRoute("jobs", avatarUri(API, "maxPagesPerPoll=50"));
        azure.requests().clear();

        try (LogCapture logs = LogCapture.attach()) {
            pollOnce("jobs");
            assertThat(logs.linesContaining("reached maxPagesPerPoll=50 after 50 pages")).isNotEmpty();
        }

        assertThat(azure.requests().count("GET", listPath(API))).isEqualTo(50);
        assertThat(received).as("each job once, though listed 50 times").hasSize(5);
        HealthCheck.Result health = consumerHealth("jobs");
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getDetails()).containsEntry("azure.avatar.walk.bound", "maxPagesPerPoll=50");
        azure.faults().clear();
        pollOnce("jobs");
        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void stoppingARouteWhoseWalkNeverEndsReturnsPromptly() throws Exception {
        azure.seedJobs(5, SeedState.SUCCEEDED);
        azure.faults().endlessNextLinks();
        recordingRoute("jobs", avatarUri(API, "maxPagesPerPoll=100000000&maxPollDuration=1h"));
        context.getShutdownStrategy().setTimeout(60);
        Thread poll = new Thread(() -> pollOnce("jobs"), "endless-walk");
        poll.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> azure.requests().count("GET", listPath(API)) > 20);

        long start = System.nanoTime();
        context.getRouteController().stopRoute("jobs");
        poll.join(10_000);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(poll.isAlive()).isFalse();
    }

    /** Absurd or out-of-range waits block the resource for maxThrottleWait at most; it then recovers. */
    @ParameterizedTest
    @CsvSource({ "99999999999,", "999999999999999999999999,", ",+1000000000-01-01T00:00:00Z",
                 ",99999999999999999999" })
    void aWaitNoClientShouldSitOutBlocksForTheCapAndRequestsResumeOnTheirOwn(String retryAfter, String reset)
            throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri(API, "maxRetryAfter=1s&maxThrottleWait=2s"));
        azure.faults().next(1, Fault.tooManyRequests(retryAfter, reset));

        pollOnce("jobs");
        assertThat(consumerHealth("jobs").getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 429);
        azure.requests().clear();
        pollOnce("jobs");
        assertThat(azure.requests().all()).as("blocked: nothing is sent").isEmpty();
        assertThat(consumerHealth("jobs").getError().orElseThrow().getMessage()).contains("Azure asked to wait until");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            pollOnce("jobs");
            return received.size() == 3;
        });
        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aSignatureThatBlobStorageEchoesStaysMasked() {
        String id = azure.createJob("echoed", "x", false);
        azure.advance(Duration.ofSeconds(20));
        AvatarSynthesisJob job = context.createProducerTemplate().requestBodyAndHeader(avatarUri(API, "operation=get"), null,
                AzureAvatarConstants.JOB_ID, id, AvatarSynthesisJob.class);
        String signature = job.getResultUrl().replaceAll(".*[?&]sig=([^&]*).*", "$1");
        azure.faults().nextMatching("GET", "/batchsynthesis-output", 2, Fault.echoingRequest(403));

        Exchange exchange = context.createProducerTemplate().request(avatarUri(API, "operation=downloadResult"),
                e -> e.getMessage().setHeader(AzureAvatarConstants.JOB_ID, id));

        assertThat(signature).isNotBlank();
        assertThat(exchange.getException()).hasMessageContaining("Server failed to authenticate the request")
                .hasMessageContaining("sig=xxxxxx").hasMessageNotContaining(signature);
    }

    @Test
    void aLinkThatIsNoUrlFailsWithoutShowingItsSignature() {
        AvatarSynthesisJob job = AvatarSynthesisJob.of(JsonNodeFactory.instance.objectNode().put("id", "malformed-link")
                .put("status", "Succeeded").set("outputs", JsonNodeFactory.instance.objectNode()
                        .put("result", "https://blob.example/0001.mp4?sv=1&sig=secret signature with spaces")));

        Exchange exchange = context.createProducerTemplate().request(avatarUri(API, "operation=downloadResult"),
                e -> e.getMessage().setBody(job));

        assertThat(exchange.getException()).hasMessageContaining("not a URL").hasMessageContaining("sig=xxxxxx")
                .hasMessageNotContaining("secret");
        assertThat(exchange.getException().getCause()).isNull();
    }

    @Test
    void theProducerRefusesAJobInTheBodyWhoseIdIsHostile() {
        // the model refuses it, so no route can hand one to the producer
        Throwable forged = org.assertj.core.api.Assertions.catchThrowable(() -> AvatarSynthesisJob.of(
                JsonNodeFactory.instance.objectNode().put("id", "../../etc/cron.d/x").put("status", "Succeeded")));

        assertThat(forged).hasMessageContaining("breaks Azure's id pattern");
        assertThat(azure.requests().all()).isEmpty();
    }
}
