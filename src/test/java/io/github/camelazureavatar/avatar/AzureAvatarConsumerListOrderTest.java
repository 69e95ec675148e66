package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelazureavatar.avatar.emulator.Faults;
import io.github.camelazureavatar.avatar.emulator.SeedSpec;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the consumer's walk must not trust (the list's order and dates, one walk's word that a job is gone) and what
 * must cost nothing extra (a route that always fails, a repository that fails once, a long list). Every event is
 * delivered within two polls, each request counted.
 */
class AzureAvatarConsumerListOrderTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";

    @Test
    void aListServedOldestFirstIsReadWholeAndMissesNothing() throws Exception {
        assertThat(everyEventWithinTwoPolls(() -> azure.faults().listOrder(Faults.ListOrder.OLDEST_FIRST, 0)))
                .as("list requests a poll: the whole list, 4 pages").containsOnly(4L);
    }

    @Test
    void aListServedInShuffledPagesIsReadWholeAndMissesNothing() throws Exception {
        assertThat(everyEventWithinTwoPolls(() -> azure.faults().listOrder(Faults.ListOrder.SHUFFLED_PAGES, 7)))
                .as("list requests a poll: the whole list, 4 pages").containsOnly(4L);
    }

    @Test
    void aJobDatedAheadDoesNotHideABurstOfNewJobs() throws Exception {
        assertThat(everyEventWithinTwoPolls(() -> azure.faults().datedAhead("old-000250", Duration.ofDays(1))))
                .as("list requests a poll: down to the first page that ends with a known job").containsOnly(2L);
    }

    /**
     * 250 finished jobs read once, then a burst of 150 new jobs (more than a page) that start and finish: each poll
     * delivers every change since the last, and the list requests of each poll are returned.
     */
    private List<Long> everyEventWithinTwoPolls(Runnable fault) throws Exception {
        azure.seed(SeedSpec.of(250, SeedState.SUCCEEDED).withIdPrefix("old-"));
        fault.run();
        List<String> received = recordingRoute("jobs", avatarUri(API, ""));
        pollOnce("jobs");
        assertThat(received).hasSize(250);

        List<String> created = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            azure.advance(Duration.ofMillis(10));
            created.add(azure.createJob("new-" + i, null, false));
        }
        List<Long> requests = new ArrayList<>();
        for (String status : List.of("NotStarted", "Succeeded")) {
            azure.requests().clear();
            pollOnce("jobs");
            requests.add(azure.requests().count("GET", listPath(API)));
            assertThat(received).as("every job's %s after one poll", status)
                    .containsAll(created.stream().map(id -> id + ":" + status).toList());
            azure.advance(Duration.ofSeconds(20));
        }
        assertThat(received).hasSize(250 + 300).doesNotHaveDuplicates();
        return requests;
    }

    @Test
    void aRunningJobListedWithoutADateIsFollowedToItsEnd() throws Exception {
        azure.seedJobs(5, SeedState.SUCCEEDED);
        String undated = azure.createJob("undated", "x", false);
        azure.faults().undatedInLists(undated);
        List<String> received = recordingRoute("jobs", avatarUri(API, "status=Succeeded"));

        pollOnce("jobs");
        pollOnce("jobs");
        azure.advance(Duration.ofSeconds(20));
        pollOnce("jobs");

        assertThat(consumer("jobs").getErrorCounter()).as("no poll failed").isZero();
        assertThat(received).hasSize(6).contains(undated + ":Succeeded");
    }

    @Test
    void aPoisonJobUnder3000CostsOneRequestAQuietPollAndIsOfferedEveryPoll() throws Exception {
        String poison = azure.seed(SeedSpec.of(1, SeedState.SUCCEEDED).withIdPrefix("poison-")
                .withSpacing(Duration.ofHours(2))).get(0);
        azure.seedJobs(3_000, SeedState.SUCCEEDED);
        AtomicInteger attempts = new AtomicInteger();
        List<String> received = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "")).routeId("jobs").process(e -> {
                    if (key(e).startsWith(poison)) {
                        attempts.incrementAndGet();
                        throw new IllegalStateException("this route always fails on " + poison);
                    }
                    received.add(key(e));
                });
            }
        });
        pollOnce("jobs");
        assertThat(received).hasSize(3_000);
        for (int poll = 0; poll < 5; poll++) {
            azure.requests().clear();
            pollOnce("jobs");
            assertThat(azure.requests().count("GET", listPath(API))).as("poll %d", poll).isEqualTo(1);
        }
        assertThat(attempts).as("offered again from memory on every poll").hasValue(6);
        azure.createJob("fresh", null, false);
        pollOnce("jobs");
        assertThat(received).hasSize(3_001).endsWith("fresh:NotStarted");
    }

    /**
     * 62 000 listed jobs, 20 000 of which went through three statuses: 102 000 keys, more than an LRU of 100 000 kept,
     * and a whole walk afterwards announces nothing again.
     */
    @Test
    void sixtyTwoThousandListedJobsAreNotAnnouncedAgainByAWholeWalk() throws Exception {
        azure.seed(SeedSpec.of(42_000, SeedState.SUCCEEDED).withIdPrefix("old-").withSpacing(Duration.ofMillis(100)));
        azure.seed(SeedSpec.of(20_000, SeedState.LIFECYCLE).withIdPrefix("life-").withSpacing(Duration.ofNanos(100)));
        AtomicInteger received = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "fullScanInterval=0")).routeId("jobs").process(e -> received.incrementAndGet());
            }
        });
        pollOnce("jobs");
        azure.advance(Duration.ofSeconds(6));
        pollOnce("jobs");
        azure.advance(Duration.ofSeconds(20));
        pollOnce("jobs");
        assertThat(received).as("42 000 + 3 x 20 000 changes").hasValue(102_000);
        azure.requests().clear();
        pollOnce("jobs");
        assertThat(azure.requests().count("GET", listPath(API))).as("a whole walk").isEqualTo(620);
        assertThat(received).as("0 repeated").hasValue(102_000);
    }

    @Test
    void anInProgressRepositoryThatThrowsOnceLosesNoJob() throws Exception {
        azure.seedJobs(10, SeedState.SUCCEEDED);
        AtomicInteger adds = new AtomicInteger();
        context.getRegistry().bind("flaky", new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                if (adds.incrementAndGet() == 4) {
                    throw new IllegalStateException("the database blinked");
                }
                return super.add(key);
            }
        });
        List<String> received = recordingRoute("jobs", avatarUri(API, "inProgressRepository=#flaky"));
        pollOnce("jobs");
        assertThat(received).as("the failing batch routed nothing").isEmpty();
        pollOnce("jobs");
        assertThat(received).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void aDeliveredRepositoryThatThrowsJustBeforeAnExchangeLosesNoJob() throws Exception {
        azure.seedJobs(10, SeedState.SUCCEEDED);
        AtomicInteger lookups = new AtomicInteger();
        context.getRegistry().bind("flaky", new MemoryIdempotentRepository() {
            @Override
            public boolean contains(String key) {
                // 10 while the page's batch is reserved, then 3 an exchange: again just before it, and its earlier statuses
                if (lookups.incrementAndGet() == 17) {
                    throw new IllegalStateException("the database blinked");
                }
                return super.contains(key);
            }
        });
        List<String> received = recordingRoute("jobs", avatarUri(API, "idempotentRepository=#flaky"));
        pollOnce("jobs");
        assertThat(received).as("the exchanges before the failing lookup").hasSize(2);
        pollOnce("jobs");
        assertThat(received).as("the job whose lookup failed was freed").hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void aDuplicateKeyFromASharedRepositoryMeansAnotherInstanceHasTheJob() throws Exception {
        List<String> ids = azure.seedJobs(10, SeedState.SUCCEEDED);
        context.getRegistry().bind("shared", new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                if (key.contains(ids.get(3))) {
                    throw new DuplicateKeyException();
                }
                return super.add(key);
            }
        });
        List<String> received = recordingRoute("jobs", avatarUri(API, "inProgressRepository=#shared"));
        pollOnce("jobs");
        assertThat(consumer("jobs").isRunAllowed()).isTrue();
        assertThat(received).as("the other instance routes it").hasSize(9).noneMatch(k -> k.startsWith(ids.get(3)));
    }

    /** Named as Spring's: what a JDBC repository shared by two instances throws when the other reserved the key. */
    private static final class DuplicateKeyException extends RuntimeException {
    }
}
