package io.github.camelazureavatar.avatar.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CamelContext stops in the middle of a batch, with an exchange in flight; a new one starts on the same persistent
 * repository. Nothing may be lost, and nothing repeated beyond what was in flight.
 */
class RestartMidBatchTest extends EmulatorTestSupport {

    private static final int JOBS = 200;
    private static final int STOP_AT = 60;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "file", "jdbc" })
    void nothingLostAcrossAStopInTheMiddleOfABatch(String repository) throws Exception {
        azure.seedJobs(JOBS, SeedState.SUCCEEDED);
        Supplier<IdempotentRepository> persistent = repository.equals("file")
                ? () -> FileIdempotentRepository.fileIdempotentRepository(dir.resolve("delivered.dat").toFile(), 10_000)
                : () -> new JdbcMessageIdRepository(h2(), "azure-avatar-jobs");
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();

        int inFlightAtStop = runUntilStopped(persistent.get(), deliveries);
        int afterFirstRun = deliveries.size();
        runOnePoll(persistent.get(), deliveries);

        assertThat(afterFirstRun).as("the first context was stopped mid-batch").isBetween(STOP_AT, JOBS - 1);
        assertThat(deliveries).as("every job delivered").hasSize(JOBS);
        int repeats = deliveries.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(repeats).as("repeats").isLessThanOrEqualTo(inFlightAtStop);
        System.out.println("restart[" + repository + "]: jobs=" + JOBS + " deliveredBeforeStop=" + afterFirstRun
                           + " inFlightAtStop=" + inFlightAtStop + " repeats=" + repeats + " lost="
                           + (JOBS - deliveries.size()));
    }

    /** Polls once; the STOP_AT-th exchange stops the context from another thread and finishes while it stops. */
    private int runUntilStopped(IdempotentRepository repository, Map<String, Integer> deliveries) throws Exception {
        CamelContext first = new DefaultCamelContext();
        first.getShutdownStrategy().setTimeout(20);
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger inFlightAtStop = new AtomicInteger(-1);
        first.getRegistry().bind("delivered", repository);
        first.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri("2024-08-01", "idempotentRepository=#delivered")).routeId("jobs")
                        .process(e -> {
                            record(e.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class), deliveries);
                            if (seen.incrementAndGet() == STOP_AT) {
                                Thread stopper = new Thread(first::stop, "stopper");
                                stopper.start();
                                // this exchange is in flight while the context stops
                                await().atMost(Duration.ofSeconds(10)).until(() -> first.isStopping());
                                inFlightAtStop.set(first.getInflightRepository().size("jobs"));
                            }
                        });
            }
        });
        first.start();
        ((ScheduledPollConsumer) first.getRoute("jobs").getConsumer()).run();
        await().atMost(Duration.ofSeconds(30)).until(first::isStopped);
        assertThat(inFlightAtStop.get()).as("exchanges in flight when the context began to stop").isPositive();
        return inFlightAtStop.get();
    }

    private void runOnePoll(IdempotentRepository repository, Map<String, Integer> deliveries) throws Exception {
        try (CamelContext second = new DefaultCamelContext()) {
            second.getRegistry().bind("delivered", repository);
            second.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(avatarUri("2024-08-01", "idempotentRepository=#delivered")).routeId("jobs")
                            .process(e -> record(e.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class),
                                    deliveries));
                }
            });
            second.start();
            ((ScheduledPollConsumer) second.getRoute("jobs").getConsumer()).run();
        }
    }

    private static void record(String jobId, Map<String, Integer> deliveries) {
        deliveries.merge(jobId, 1, Integer::sum);
    }

    private JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("repository").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

}
