package io.github.camelazureavatar.avatar.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.ManualClock;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one route without leader election, both polling, sharing one H2 database: the figure docs/cluster.md
 * states. Sharing the idempotent repository alone lets both instances route a job in the gap between one reserving and
 * the other committing; sharing the in-progress repository too (a second camel-sql repository, its table with a
 * primary key) closes that gap: the other instance's duplicate key means "someone has it", and delivered is checked
 * again just before each exchange.
 */
class TwoInstancesWithoutLeaderTest {

    private static final String KEY = "two-instances-key-1a2b";
    private static final int JOBS = 300;

    @Test
    @Timeout(180)
    void sharingBothRepositoriesDeliversEveryJobOnce() throws Exception {
        int[] sharedDeliveredOnly = run(false);
        int[] sharedBoth = run(true);
        System.out.printf("two instances without leader election [%d jobs]: shared idempotent repository only: lost=%d "
                          + "duplicated=%d; shared idempotent and in-progress repositories: lost=%d duplicated=%d%n",
                JOBS, sharedDeliveredOnly[0], sharedDeliveredOnly[1], sharedBoth[0], sharedBoth[1]);
        assertThat(sharedDeliveredOnly[0]).as("lost, idempotent repository shared").isZero();
        assertThat(sharedBoth[0]).as("lost, both shared").isZero();
        assertThat(sharedBoth[1]).as("duplicated, both shared").isZero();
    }

    /** @return lost and duplicated final statuses */
    private int[] run(boolean shareInProgress) throws Exception {
        String db = "jdbc:h2:mem:two-" + shareInProgress + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255), messageId VARCHAR(100),"
                      + " createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
        }
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        List<CamelContext> instances = new ArrayList<>();
        try (AvatarEmulator azure = AvatarEmulator.builder().subscriptionKey(KEY).clock(clock)
                .notStartedFor(Duration.ofSeconds(5)).runningFor(Duration.ofSeconds(10)).start()) {
            for (int i = 0; i < 2; i++) {
                CamelContext context = new DefaultCamelContext();
                context.getRegistry().bind("delivered", repository(db, "jobs"));
                String options = "";
                if (shareInProgress) {
                    context.getRegistry().bind("inProgress", repository(db, "jobs-in-progress"));
                    options = "&inProgressRepository=#inProgress";
                }
                String uri = "azure-avatar:jobs?endpoint=" + azure.baseUrl() + "&subscriptionKey=RAW(" + KEY + ")"
                             + "&status=Succeeded,Failed&initialDelay=0&delay=20&idleDelay=0"
                             + "&idempotentRepository=#delivered" + options;
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(uri).process(e -> deliveries.merge(e.getMessage().getHeader(AzureAvatarConstants.JOB_ID)
                                                                + ":" + e.getMessage().getHeader(AzureAvatarConstants.STATUS),
                                1, Integer::sum));
                    }
                });
                instances.add(context);
            }
            for (CamelContext context : instances) {
                context.start();
            }
            for (int wave = 0; wave < 10; wave++) {
                for (int i = 0; i < JOBS / 10; i++) {
                    azure.createJob("job-" + wave + "-" + i, null, i % 7 == 0);
                }
                clock.advance(Duration.ofSeconds(20)); // the whole wave finishes at once: both instances see it
                int expected = (wave + 1) * JOBS / 10;
                await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.size() >= expected);
            }
            // a few more polls of both instances: a late duplicate would show
            long polls = instances.stream().mapToLong(c -> c.getRoutes().get(0).getConsumer() instanceof
                    org.apache.camel.support.ScheduledPollConsumer p ? p.getCounter() : 0).sum();
            await().atMost(Duration.ofSeconds(30)).until(() -> instances.stream().mapToLong(c -> c.getRoutes().get(0)
                    .getConsumer() instanceof org.apache.camel.support.ScheduledPollConsumer p ? p.getCounter() : 0)
                    .sum() >= polls + 10);
        } finally {
            for (CamelContext context : instances) {
                context.close();
            }
        }
        int lost = JOBS - deliveries.size();
        int duplicated = deliveries.values().stream().mapToInt(n -> n - 1).sum();
        return new int[] { lost, duplicated };
    }

    private static JdbcMessageIdRepository repository(String db, String name) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(new SingleConnectionDataSource(db, true), name);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
