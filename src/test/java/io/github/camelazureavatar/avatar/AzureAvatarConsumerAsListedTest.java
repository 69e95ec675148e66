package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelazureavatar.avatar.emulator.Fault;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each page's changes are routed as soon as the page is read, before the next page is fetched; every change still
 * comes once, committed after its route, and nothing is lost when a later page fails.
 */
class AzureAvatarConsumerAsListedTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";

    private final List<Instant> created = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<Long> listRequestsAtFirstExchange = new CopyOnWriteArrayList<>();

    private void asListedRoute(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, options)).routeId("jobs").process(e -> {
                    if (received.isEmpty()) {
                        listRequestsAtFirstExchange.add(azure.requests().count("GET", listPath(API)));
                    }
                    received.add(key(e));
                    created.add(e.getMessage().getBody(AvatarSynthesisJob.class).getCreatedDateTime());
                    if (e.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)) {
                        batchSizes.add(e.getProperty(Exchange.BATCH_SIZE, Integer.class));
                    }
                });
            }
        });
    }

    @Test
    void eachPageIsRoutedAsListedBeforeTheLastPageIsRead() throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        asListedRoute("");
        azure.requests().clear();

        pollOnce("jobs");

        assertThat(received).hasSize(250).doesNotHaveDuplicates();
        assertThat(azure.requests().count("GET", listPath(API))).isEqualTo(3);
        assertThat(listRequestsAtFirstExchange).singleElement().as("page 2 not asked for yet").isEqualTo(1L);
        assertThat(created).as("newest first, as Azure lists").isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(batchSizes).as("one batch per page").containsExactly(100, 100, 50);

        received.clear();
        azure.requests().clear();
        pollOnce("jobs");
        assertThat(received).isEmpty();
        assertThat(azure.requests().count("GET", listPath(API))).as("incremental: the top page only").isEqualTo(1);
    }

    /** The batch properties describe a page: completionFromBatchConsumer aggregates each page's changes. */
    @Test
    void aBatchIsAPage() throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        List<Integer> aggregated = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "")).routeId("jobs")
                        .aggregate(constant(true), AggregationStrategies.groupedBody()).completionFromBatchConsumer()
                        .process(e -> aggregated.add(e.getMessage().getBody(List.class).size()));
            }
        });

        pollOnce("jobs");

        // the aggregator hands a completed group on in a thread of its own
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(aggregated).containsExactly(100, 100, 50));
    }

    @Test
    void maxMessagesPerPollAlsoStopsTheWalk() throws Exception {
        azure.seedJobs(25, SeedState.SUCCEEDED);
        asListedRoute("maxMessagesPerPoll=10&pageSize=10");

        List<Integer> perPoll = new ArrayList<>();
        List<Long> requestsPerPoll = new ArrayList<>();
        for (int poll = 0; poll < 4; poll++) {
            int before = received.size();
            azure.requests().clear();
            pollOnce("jobs");
            perPoll.add(received.size() - before);
            requestsPerPoll.add(azure.requests().count("GET", listPath(API)));
        }

        assertThat(perPoll).containsExactly(10, 10, 5, 0);
        // the walk ends with the tenth change; the next poll reads down to where it stopped
        assertThat(requestsPerPoll).containsExactly(1L, 2L, 3L, 1L);
        assertThat(received).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void aPageThatFailsWhileThePreviousIsRoutedLosesNothing() throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        asListedRoute("");
        // after page 1 was served: page 2 comes back cut off
        azure.faults().betweenListPages(() -> azure.faults().next(1, Fault.truncatedJson()));

        pollOnce("jobs");

        assertThat(received).as("page 1 was routed").hasSize(100);
        HealthCheck.Result health = consumerHealth("jobs");
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getError().orElseThrow().getMessage()).contains("unreadable JSON").doesNotContain(KEY);

        pollOnce("jobs");

        assertThat(received).hasSize(250).doesNotHaveDuplicates();
        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aFailedRouteGetsTheJobAgainNextPoll() throws Exception {
        List<String> ids = azure.seedJobs(150, SeedState.SUCCEEDED);
        String flaky = ids.get(0) + ":Succeeded";
        List<String> attempts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "")).routeId("jobs").process(e -> {
                    attempts.add(key(e));
                    if (key(e).equals(flaky) && attempts.stream().filter(flaky::equals).count() == 1) {
                        throw new IllegalStateException("downstream is down");
                    }
                });
            }
        });

        pollOnce("jobs");
        pollOnce("jobs");
        pollOnce("jobs");

        assertThat(attempts).hasSize(151).filteredOn(flaky::equals).hasSize(2);
        assertThat(attempts.stream().distinct()).hasSize(150);
    }
}
