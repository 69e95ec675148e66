package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Polls rest while nothing is in progress: a scheduled poll then walks the list only once idleDelay passed, unless a
 * job was created through this CamelContext, a job is in progress, or a createAndWait exchange waits.
 */
class AdaptivePollingTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";
    private static final String JOB_SETTINGS = "voice=en-US-AvaMultilingualNeural&avatarCharacter=lisa"
                                               + "&avatarStyle=casual-sitting";

    private List<String> received;

    @BeforeEach
    void restingConsumer() throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        // delay is the scheduler's (off here: the test polls); idleDelay above it turns resting on
        received = recordingRoute("events", avatarUri(API, "delay=100&idleDelay=1h").replace("&idleDelay=0", ""));
        pollOnce("events");
        assertThat(received).hasSize(250);
        azure.requests().clear();
    }

    private void idleDelay(long millis) {
        ((AzureAvatarEndpoint) context.getRoute("events").getEndpoint()).getConfiguration().setIdleDelay(millis);
    }

    private long requestsOfAPoll() {
        azure.requests().clear();
        pollOnce("events");
        return azure.requests().all().size();
    }

    @Test
    void withNothingInProgressPollsRestUntilIdleDelayPassedAndThenFindJobsCreatedElsewhere() {
        assertThat(requestsOfAPoll()).as("resting").isZero();
        String elsewhere = azure.createJob("made-in-the-portal", "created by another application", false);
        assertThat(requestsOfAPoll()).as("still resting: this CamelContext did not create it").isZero();

        // the first poll once idleDelay passed walks, one page, and finds it (a short idleDelay instead of an hour)
        idleDelay(150);
        await().until(() -> requestsOfAPoll() > 0);
        assertThat(azure.requests().all()).hasSize(1);
        assertThat(received).contains(elsewhere + ":NotStarted");
        idleDelay(3_600_000);

        assertThat(requestsOfAPoll()).as("a job in progress: every poll walks").isEqualTo(1);
        azure.advance(Duration.ofSeconds(20));
        assertThat(requestsOfAPoll()).isEqualTo(1);
        assertThat(received).contains(elsewhere + ":Succeeded");
        assertThat(requestsOfAPoll()).as("nothing in progress any more: resting again").isZero();
    }

    @Test
    void aJobCreatedThroughThisCamelContextWakesTheNextPoll() {
        assertThat(requestsOfAPoll()).isZero();
        Exchange created = context.createProducerTemplate().request(avatarUri(API, "operation=create&" + JOB_SETTINGS),
                e -> e.getMessage().setBody("Wake up"));
        String jobId = created.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);

        assertThat(requestsOfAPoll()).as("woken by the create").isEqualTo(1);
        assertThat(received).contains(jobId + ":NotStarted");
    }

    @Test
    void aWaitingCreateAndWaitKeepsPollsWalkingAtDelay() throws Exception {
        CompletableFuture<Exchange> wait = context.createProducerTemplate().asyncSend(
                avatarUri(API, "operation=createAndWait&waitDelay=1h&" + JOB_SETTINGS), e -> e.getMessage().setBody("Wait"));
        await().until(() -> azure.jobCount() == 251);
        requestsOfAPoll();

        azure.advance(Duration.ofSeconds(20));
        assertThat(requestsOfAPoll()).as("a wait on the resource: the poll walks").isEqualTo(1);
        assertThat(wait.get().getException()).isNull();
        assertThat(requestsOfAPoll()).as("the wait ended, nothing in progress: resting").isZero();
    }
}
