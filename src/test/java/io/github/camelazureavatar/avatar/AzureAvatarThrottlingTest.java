package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.camelazureavatar.avatar.emulator.Fault;
import io.github.camelazureavatar.avatar.emulator.RecordedRequest;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.health.HealthCheck;
import io.github.camelazureavatar.avatar.client.ResourceGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Throttling and passing faults: retried within reason, never busy-polled, always explained. */
class AzureAvatarThrottlingTest extends EmulatorTestSupport {

    @Test
    void aShortRetryAfterInSecondsIsWaitedOutWithinThePoll() throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
        azure.faults().next(1, Fault.tooManyRequests(Duration.ofSeconds(1)));

        long start = System.nanoTime();
        pollOnce("jobs");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(received).hasSize(3);
        assertThat(azure.requests().all()).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aRetryAfterAsAnHttpDateIsHonoured() throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
        Instant until = Instant.now().plusSeconds(2);
        azure.faults().next(1, Fault.tooManyRequestsUntil(until));

        pollOnce("jobs");

        // an HTTP date has whole seconds: the retry goes out no earlier than the second Azure named
        assertThat(Instant.now()).isAfterOrEqualTo(until.minusSeconds(1));
        assertThat(received).hasSize(3);
        assertThat(azure.requests().all()).extracting(RecordedRequest::status).containsExactly(429, 200);
    }

    @Test
    void aLongRetryAfterClosesTheResourceForEveryEndpointUntilThen() throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        List<String> finished = recordingRoute("finished", avatarUri("2024-08-01", "status=Succeeded&maxRetryAfter=200"));
        List<String> all = recordingRoute("all", avatarUri("2024-08-01", "maxRetryAfter=200"));
        azure.faults().next(1, Fault.tooManyRequests(Duration.ofSeconds(2)));

        pollOnce("finished");

        HealthCheck.Result health = consumerHealth("finished");
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 429);
        assertThat(health.getError().orElseThrow().getMessage())
                .contains("(HTTP 429)").contains("Azure asked to wait 2 s");

        pollOnce("finished");
        pollOnce("all");

        assertThat(azure.requests().all()).as("no request while Azure asked to wait").hasSize(1);
        assertThat(consumerHealth("all").getError().orElseThrow().getMessage())
                .startsWith("Not sending list jobs to " + azure.baseUrl() + ": Azure asked to wait until");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            pollOnce("finished");
            assertThat(finished).hasSize(3);
        });
        pollOnce("all");
        assertThat(all).hasSize(3);
        assertThat(consumerHealth("all").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void passingServerFaultsAndResetsAreRetried() throws Exception {
        azure.seedJobs(150, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
        azure.faults().next(1, Fault.status(503)).next(1, Fault.connectionReset()).next(1, Fault.status(502));

        pollOnce("jobs");

        assertThat(received).hasSize(150).doesNotHaveDuplicates();
        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aHungAzureFailsThePollWithinRequestTimeout() throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs",
                avatarUri("2024-08-01", "maxRetries=0&requestTimeout=300&responseTimeout=10000"));
        azure.faults().next(1, Fault.delay(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        pollOnce("jobs");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(received).isEmpty();
        assertThat(consumerHealth("jobs").getError().orElseThrow().getMessage())
                .contains("no complete answer within requestTimeout 300 ms");
    }

    /** Each value Azure should not send: the ordinary backoff, a retry within the poll, no block of the resource. */
    @ParameterizedTest
    @ValueSource(strings = { "abc", "-5", "1.5" })
    void anUnreadableOrNegativeRetryAfterFallsBackToTheOrdinaryBackoff(String retryAfter) throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
        azure.faults().next(1, Fault.tooManyRequests(retryAfter, null));

        pollOnce("jobs");

        assertThat(received).hasSize(3);
        assertThat(azure.requests().all()).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(guard().blockedUntil()).isNull();
        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @ParameterizedTest
    @CsvSource({ "86400, 5", "3, 3" })
    void maxThrottleWaitCapsOnlyAReadableWaitThatIsTooLong(String retryAfter, long blockedSeconds) throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        recordingRoute("jobs", avatarUri("2024-08-01", "maxRetryAfter=1s&maxThrottleWait=5s"));
        azure.faults().next(1, Fault.tooManyRequests(retryAfter, null));

        Instant before = Instant.now();
        pollOnce("jobs");
        Instant after = Instant.now();

        assertThat(guard().blockedUntil()).isBetween(before.plusSeconds(blockedSeconds), after.plusSeconds(blockedSeconds));
        assertThat(azure.requests().all()).extracting(RecordedRequest::status).containsExactly(429);
    }

    /**
     * Four requests (three pages, then a list from a producer of the same resource) at 300 a minute take at least three
     * spacings of 200 ms on the client's own clock, however late each reaches the emulator; ResourceGuardTest checks
     * the spacing itself on a manual ticker.
     */
    @Test
    void theRateLimitSpacesRequestsEvenly() throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        context.getComponent("azure-avatar", AzureAvatarComponent.class).setRequestsPerMinute(300);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
        azure.requests().clear();

        long start = System.nanoTime();
        pollOnce("jobs");
        context.createProducerTemplate().requestBody(avatarUri("2024-08-01", "operation=list"), (Object) null);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(azure.requests().all()).hasSize(4);
        assertThat(received).hasSize(250);
    }

    private ResourceGuard guard() {
        return context.getComponent("azure-avatar", AzureAvatarComponent.class).resources().iterator().next().guard();
    }
}
