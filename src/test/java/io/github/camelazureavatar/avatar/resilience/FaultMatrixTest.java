package io.github.camelazureavatar.avatar.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.Fault;
import io.github.camelazureavatar.avatar.emulator.ManualClock;
import io.github.camelazureavatar.avatar.support.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a thousand jobs go through their lifecycle while the emulator misbehaves in every way Azure does, at random
 * but reproducibly (four fixed seeds, or one of your own with {@code -DfaultMatrix.seed=N}). The consumer must deliver every job's final status exactly
 * once, keep polling, and never log the key.
 */
class FaultMatrixTest {

    private static final String KEY = "fault-matrix-key-93b0f1c2";
    private static final int JOBS = 1_000;
    private static final Path SUMMARY = Path.of("target/fault-matrix-summary.txt");

    enum FaultClass {
        RETRY_AFTER_SECONDS, RETRY_AFTER_DATE, SERVER_ERROR, SERVER_ERROR_BURST, RESET, TIMEOUT, MALFORMED, TRUNCATED,
        SHIFT_INSERT, SHIFT_DELETE, UNREADABLE_JOB
    }

    private Random random;
    private final Map<FaultClass, Integer> injected = new EnumMap<>(FaultClass.class);
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    // written by list-shifting actions on emulator threads too
    private final List<String> jobIds = new CopyOnWriteArrayList<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private AvatarEmulator azure;

    @BeforeAll
    static void freshSummary() throws Exception {
        Files.deleteIfExists(SUMMARY);
    }

    /** Four fixed seeds in every build; another with -DfaultMatrix.seed=N. */
    static Stream<Long> seeds() {
        Long chosen = Long.getLong("faultMatrix.seed");
        return chosen != null ? Stream.of(chosen) : Stream.of(20261124L, 7L, 424242L, 20261125L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyFinalStatusOnceWhateverAzureDoes(long seed) throws Exception {
        random = new Random(seed);
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (AvatarEmulator emulator = AvatarEmulator.builder().subscriptionKey(KEY).clock(clock)
                .notStartedFor(Duration.ofSeconds(5)).runningFor(Duration.ofSeconds(10)).start();
             LogCapture logs = LogCapture.attach();
             CamelContext context = new DefaultCamelContext()) {
            azure = emulator;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("azure-avatar:jobs?endpoint=" + azure.baseUrl() + "&subscriptionKey=RAW(" + KEY + ")"
                         + "&startScheduler=false&maxRetries=3&retryInitialDelay=5&retryMaxDelay=20"
                         + "&maxRetryAfter=1500&requestTimeout=300").routeId("jobs")
                            .process(e -> deliveries.merge(
                                    e.getMessage().getHeader(AzureAvatarConstants.JOB_ID) + ":"
                                                           + e.getMessage().getHeader(AzureAvatarConstants.STATUS),
                                    1, Integer::sum));
                }
            });
            context.start();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("jobs").getConsumer();

            int rounds = 0;
            long failedPolls = 0;
            while (rounds < 400 && (jobIds.size() < JOBS || !everyFinalStatusDelivered())) {
                if (jobIds.size() < JOBS) {
                    createJobs(Math.min(JOBS - jobIds.size(), 15 + random.nextInt(25)));
                }
                if (jobIds.size() < JOBS || rounds % 2 == 0) {
                    injectFaults();
                }
                long errorsBefore = consumer.getErrorCounter();
                consumer.run();
                failedPolls += consumer.getErrorCounter() > errorsBefore ? 1 : 0;
                clock.advance(Duration.ofSeconds(1 + random.nextInt(3)));
                rounds++;
            }

            List<String> lost = jobIds.stream().filter(id -> !deleted.contains(id))
                    .map(id -> id + ":" + azure.jobStatus(id).orElseThrow())
                    .filter(key -> !deliveries.containsKey(key)).toList();
            List<String> duplicated = deliveries.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey).toList();
            String summary = "fault-matrix: seed=" + seed + " jobs=" + jobIds.size() + " rounds=" + rounds
                             + " failedPolls=" + failedPolls + " faults=" + injected + " lost=" + lost.size()
                             + " duplicated=" + duplicated.size() + " requests=" + azure.requests().all().size()
                             + " deliveries=" + deliveries.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println(summary);
            Files.createDirectories(SUMMARY.getParent());
            Files.writeString(SUMMARY, summary + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);

            assertThat(jobIds).hasSizeGreaterThanOrEqualTo(JOBS);
            assertThat(injected.keySet()).containsExactlyInAnyOrder(FaultClass.values());
            assertThat(lost).as("lost").isEmpty();
            assertThat(duplicated).as("duplicated").isEmpty();
            assertThat(failedPolls).as("some faults must get through the retries").isPositive();
            assertThat(context.getRouteController().getRouteStatus("jobs").isStarted()).isTrue();
            assertThat(logs.lines()).isNotEmpty();
            assertThat(logs.linesContaining(KEY)).as("log lines with the key").isEmpty();
        }
    }

    private boolean everyFinalStatusDelivered() {
        for (String id : jobIds) {
            if (deleted.contains(id)) {
                continue;
            }
            String status = azure.jobStatus(id).orElseThrow();
            if (!status.equals("Succeeded") && !status.equals("Failed") || !deliveries.containsKey(id + ":" + status)) {
                return false;
            }
        }
        return true;
    }

    private void createJobs(int count) {
        boolean[] failing = new boolean[count];
        for (int i = 0; i < count; i++) {
            failing[i] = random.nextInt(100) < 15;
        }
        createJobs(failing);
    }

    /** Draws nothing from the random source: it may run on an emulator thread, whose timing is not reproducible. */
    private synchronized void createJobs(boolean[] failing) {
        for (boolean fails : failing) {
            String id = "fm-" + jobIds.size();
            azure.createJob(id, "fault matrix", fails);
            jobIds.add(id);
        }
    }

    private void injectFaults() {
        int faults = random.nextInt(4);
        for (int i = 0; i < faults; i++) {
            FaultClass kind = FaultClass.values()[random.nextInt(FaultClass.values().length)];
            inject(kind);
            injected.merge(kind, 1, Integer::sum);
        }
    }

    private void inject(FaultClass kind) {
        switch (kind) {
            // mostly 0 s so that the suite stays fast; now and then a real second to sit out
            case RETRY_AFTER_SECONDS -> azure.faults().next(1,
                    Fault.tooManyRequests(Duration.ofSeconds(random.nextInt(8) == 0 ? 1 : 0)));
            case RETRY_AFTER_DATE -> azure.faults().next(1, Fault.tooManyRequestsUntil(Instant.now()));
            case SERVER_ERROR -> azure.faults().next(1, Fault.status(new int[] { 500, 502, 503, 504 }[random.nextInt(4)]));
            // more than maxRetries in a row: this poll fails, the next one must make up for it
            case SERVER_ERROR_BURST -> azure.faults().next(5, Fault.status(503));
            case RESET -> azure.faults().next(1, Fault.connectionReset());
            case TIMEOUT -> azure.faults().next(1, Fault.delay(Duration.ofMillis(700)));
            case MALFORMED -> azure.faults().next(1, Fault.malformedJson());
            case TRUNCATED -> azure.faults().next(1, Fault.truncatedJson());
            case SHIFT_INSERT -> {
                boolean[] failing = new boolean[1 + random.nextInt(5)];
                azure.faults().betweenListPages(() -> createJobs(failing));
            }
            case SHIFT_DELETE -> {
                int count = 1 + random.nextInt(4);
                azure.faults().betweenListPages(() -> deleteDeliveredFinishedJobs(count));
            }
            // one job of a good page that cannot be read, whatever its status, for one to three list pages
            case UNREADABLE_JOB -> {
                if (!jobIds.isEmpty()) {
                    azure.faults().unreadableInLists(jobIds.get(random.nextInt(jobIds.size())), 1 + random.nextInt(3));
                }
            }
        }
    }

    /** Deletes a few jobs whose final status was delivered: what users do, and it shifts the list under the poll. */
    private void deleteDeliveredFinishedJobs(int count) {
        Set<String> deliveredFinal = deliveries.keySet().stream()
                .filter(k -> k.endsWith(":Succeeded") || k.endsWith(":Failed"))
                .map(k -> k.substring(0, k.lastIndexOf(':'))).collect(Collectors.toSet());
        deliveredFinal.removeAll(deleted);
        deliveredFinal.stream().sorted().limit(count).forEach(id -> {
            azure.deleteJob(id);
            deleted.add(id);
        });
    }
}
