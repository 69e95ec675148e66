package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.SeedSpec;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental polling reads only the top of the list, and misses nothing a consumer reading the whole list sees: both
 * poll the same emulator through random lifecycles, creations, deletions and route failures, and must deliver the
 * same changes poll after poll.
 */
class AzureAvatarConsumerIncrementalTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";

    @ParameterizedTest(name = "status={0}, maxMessagesPerPoll={1}")
    @CsvSource({ "'', 0", "'Succeeded,Failed', 700" })
    void deliversWhatAFullScanDeliversPollAfterPollOver10000JobsWithRandomLifecycles(String status, int maxPerPoll)
            throws Exception {
        azure.close();
        azure = AvatarEmulator.builder().subscriptionKey(KEY).failureRate(0.2, 7L).start();
        Random random = new Random(20_260_101L);
        List<String> ids = new ArrayList<>();
        // the list interleaves finished jobs with jobs that move with the clock, so unsettled jobs sit deep in it
        ids.addAll(azure.seedJobs(6_000, SeedState.SUCCEEDED));
        ids.addAll(azure.seedJobs(1_500, SeedState.FAILED));
        ids.addAll(azure.seedJobs(2_400, SeedState.LIFECYCLE));
        ids.addAll(azure.seedJobs(100, SeedState.RUNNING));
        String options = (status.isEmpty() ? "" : "status=" + status + "&") + "maxMessagesPerPoll=" + maxPerPoll;
        Map<String, List<String>> delivered = new HashMap<>();
        Set<String> deleted = new HashSet<>();
        for (String mode : List.of("full", "incremental")) {
            delivered.put(mode, failingOnceRoute(mode, avatarUri(API, options + "&fullScanInterval="
                                                                   + (mode.equals("full") ? "0" : "24h"))));
        }

        long fullRequests = 0;
        long incrementalRequests = 0;
        int rounds = 25;
        for (int round = 0; round < rounds + 6; round++) {
            if (round < rounds) {
                for (int i = random.nextInt(25); i > 0; i--) {
                    String id = "r" + round + "-" + i;
                    azure.createJob(id, "random job", random.nextInt(5) == 0);
                    ids.add(id);
                }
                for (int i = random.nextInt(6); i > 0; i--) {
                    String id = ids.get(random.nextInt(ids.size()));
                    String now = azure.jobStatus(id).orElse("gone");
                    if (now.equals("Succeeded") || now.equals("Failed")) {
                        azure.deleteJob(id);
                        deleted.add(id);
                    }
                }
                azure.advance(Duration.ofMillis(random.nextInt(8_000)));
            } else {
                azure.advance(Duration.ofSeconds(20)); // let everything finish, then drain
            }
            int fullBefore = delivered.get("full").size();
            int incrementalBefore = delivered.get("incremental").size();
            azure.requests().clear();
            pollOnce("full");
            fullRequests += azure.requests().count("GET", listPath(API));
            azure.requests().clear();
            pollOnce("incremental");
            incrementalRequests += azure.requests().count("GET", listPath(API));

            TreeSet<String> fullNews = new TreeSet<>(delivered.get("full").subList(fullBefore, delivered.get("full").size()));
            assertThat(new TreeSet<>(delivered.get("incremental").subList(incrementalBefore, delivered.get("incremental").size())))
                    .as("round %d", round).isEqualTo(fullNews);
        }

        assertThat(delivered.get("full")).as("the lifecycles made news").hasSizeGreaterThan(maxPerPoll > 0 ? 3_000 : 7_000);
        assertThat(new TreeSet<>(delivered.get("incremental"))).isEqualTo(new TreeSet<>(delivered.get("full")));
        assertThat(delivered.get("incremental")).as("each change once").doesNotHaveDuplicates();
        assertThat(incrementalRequests).as("list requests, incremental against %d of full scans", fullRequests)
                .isLessThan(fullRequests / 2);
    }

    @Test
    void aQuietPollOver10000JobsOf50ActiveReadsDownToTheOldestActiveOnly() throws Exception {
        azure.seedJobs(9_950, SeedState.SUCCEEDED);
        azure.seedJobs(50, SeedState.RUNNING);
        List<String> received = recordingRoute("jobs", avatarUri(API, "fullScanInterval=24h"));
        List<String> full = recordingRoute("full", avatarUri(API, "fullScanInterval=0").replace("jobs?", "full?"));

        List<Long> requests = new ArrayList<>();
        for (int poll = 0; poll < 9; poll++) {
            azure.requests().clear();
            pollOnce("jobs");
            requests.add(azure.requests().count("GET", listPath(API)));
        }
        azure.requests().clear();
        pollOnce("full");
        pollOnce("full");

        assertThat(received).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(requests).containsExactly(100L, 2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L);
        assertThat(azure.requests().count("GET", listPath(API))).as("fullScanInterval=0: every walk whole").isEqualTo(200);
    }

    @Test
    void aNewJobAndAFinishedOneAreSeenAtOnceWhateverTheirPlace() throws Exception {
        azure.seedJobs(8_000, SeedState.SUCCEEDED);
        // created 3 000 s ago, in the middle of the list, and only now starting its lifecycle
        String deep = azure.seed(SeedSpec.of(1, SeedState.LIFECYCLE).withIdPrefix("deep-")
                .withSpacing(Duration.ofSeconds(3_000))).get(0);
        List<String> received = recordingRoute("jobs", avatarUri(API, ""));
        pollOnce("jobs");
        received.clear();

        azure.advance(Duration.ofSeconds(6));
        azure.requests().clear();
        pollOnce("jobs");
        assertThat(received).containsExactly(deep + ":Running");
        assertThat(azure.requests().count("GET", listPath(API))).as("down to the page of the job in progress")
                .isLessThan(40);

        azure.advance(Duration.ofSeconds(10));
        azure.createJob("fresh", "new at the top", false);
        pollOnce("jobs");
        assertThat(received).as("as listed: the new job at the top first")
                .containsExactly(deep + ":Running", "fresh:NotStarted", deep + ":Succeeded");

        azure.requests().clear();
        pollOnce("jobs");
        assertThat(azure.requests().count("GET", listPath(API)))
                .as("only the page of the new job in progress, which reaches below it").isEqualTo(1);
    }

    @Test
    void aFailedDeliveryIsOfferedAgainFromMemoryWithoutWalkingDownToIt() throws Exception {
        azure.seedJobs(3_000, SeedState.SUCCEEDED);
        List<String> received = failingOnceRoute("jobs", avatarUri(API, ""));

        pollOnce("jobs");
        int failedFirst = 3_000 - received.size();
        assertThat(failedFirst).isPositive();
        azure.requests().clear();
        pollOnce("jobs");

        assertThat(received).hasSize(3_000).doesNotHaveDuplicates();
        assertThat(azure.requests().count("GET", listPath(API))).isEqualTo(1);
        azure.requests().clear();
        pollOnce("jobs");
        assertThat(azure.requests().count("GET", listPath(API))).isEqualTo(1);
    }

    /**
     * A finished job deleted between two page requests shifts the list up, and the job after it moves onto the page
     * already read: that walk does not see it. A route that downloads and deletes each finished job does this on every
     * page, so the consumer asks for an unfinished job a complete walk did not list by id: one GET, nothing late.
     */
    @Test
    void aJobThatADeletionHidFromOneWalkIsAskedForById() throws Exception {
        List<String> newer = azure.seed(SeedSpec.of(20, SeedState.SUCCEEDED).withIdPrefix("done-"));
        // created 10.5 s ago: 10 jobs are newer, so it is the first job of page 2
        String hidden = azure.seed(SeedSpec.of(1, SeedState.LIFECYCLE).withIdPrefix("hidden-")
                .withSpacing(Duration.ofMillis(10_500))).get(0);
        List<String> received = recordingRoute("jobs", avatarUri(API, "pageSize=10&fullScanInterval=24h"));
        pollOnce("jobs");
        assertThat(received).hasSize(21).contains(hidden + ":NotStarted");

        azure.advance(Duration.ofSeconds(6));
        azure.faults().betweenListPages(() -> azure.deleteJob(newer.get(19)));
        azure.requests().clear();
        pollOnce("jobs");
        assertThat(received).as("the deletion hid it from the walk, not from the GET").hasSize(22)
                .endsWith(hidden + ":Running");
        assertThat(azure.requests().count("GET", listPath(API) + "/" + hidden)).isEqualTo(1);

        azure.advance(Duration.ofSeconds(20));
        pollOnce("jobs");
        assertThat(received).hasSize(23).endsWith(hidden + ":Succeeded");
    }

    /**
     * A route that fails the first delivery of every key whose hash is a multiple of 13, the same keys whatever the
     * consumer, and records the deliveries that succeeded.
     */
    private List<String> failingOnceRoute(String routeId, String uri) throws Exception {
        List<String> received = new ArrayList<>();
        Map<String, Integer> attempts = new HashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(e -> {
                    String key = key(e);
                    if (attempts.merge(key, 1, Integer::sum) == 1 && Math.floorMod(key.hashCode(), 13) == 0) {
                        throw new IllegalStateException("first delivery of " + key + " fails");
                    }
                    received.add(key);
                });
            }
        });
        return received;
    }
}
