package io.github.camelazureavatar.avatar.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;

import io.github.camelazureavatar.avatar.cluster.ClusterScenario.KillOutcome;
import io.github.camelazureavatar.avatar.cluster.ClusterScenario.Result;
import io.github.camelazureavatar.avatar.cluster.ClusterScenario.Settings;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route run as a cluster of separate JVMs ({@link ClusterNode}) under a {@code ClusteredRoutePolicy} with a
 * {@code FileLockClusterService}, the leader killed with SIGKILL in the middle of a batch, several times.
 * <ul>
 * <li>On PostgreSQL (the machine's, {@code -Davatar.it.postgresql.url} to point elsewhere; skipped loudly where none
 * answers; with camel-sql's {@code JdbcCachedMessageIdRepository}, the one the docs recommend) and on H2 in server mode
 * over TCP (runs everywhere; with the plain {@code JdbcMessageIdRepository}), the repository shared by every member: every completion is delivered, and the only repeats are the deliveries in flight when a
 * leader died (recorded by the route, not yet committed), at most one per kill for this synchronous route.</li>
 * <li>With the default in-memory repository: nothing is lost either, but every successor announces every completion
 * again. The test asserts the duplicates, as documentation of the hazard.</li>
 * </ul>
 * Each prints one summary line starting with {@code cluster failover}.
 */
class ClusterFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFailoverIT.class);

    static final String POSTGRESQL_URL_PROPERTY = "avatar.it.postgresql.url";
    static final String DEFAULT_POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /** Kill to first delivery by the successor: staleness (interval x multiplier) + one interval + start + one poll. */
    static final long TAKEOVER_LIMIT_MS = 15_000;

    /** 1000 jobs in 8 waves of 125; the leader killed in waves 2, 4 and 6; a new member joins after each kill. */
    private static Settings shared(String label, String repository) {
        return new Settings(label, repository, 3, 8, 125, Set.of(2, 4, 6), 5);
    }

    @Test
    @Timeout(240)
    void postgresqlRepositoryDeliversEveryCompletionThroughThreeLeaderKills() throws Exception {
        String url = System.getProperty(POSTGRESQL_URL_PROPERTY, DEFAULT_POSTGRESQL_URL);
        String reason = PostgresDatabase.unreachable(url);
        if (reason != null) {
            LOG.warn("SKIPPED: the PostgreSQL cluster failover test needs a PostgreSQL server at {} ({}); set -D{}=<jdbc url>"
                     + " to point it at one. The H2 variant still runs.", url, reason, POSTGRESQL_URL_PROPERTY);
        }
        Assumptions.assumeTrue(reason == null,
                "SKIPPED: no PostgreSQL at " + url + " (" + reason + "); set -D" + POSTGRESQL_URL_PROPERTY + "=<jdbc url>");
        try (PostgresDatabase db = new PostgresDatabase(url)) {
            assertSharedRepositoryHolds(run(shared("postgresql, JdbcCachedMessageIdRepository", "jdbc-cached"), db));
        }
    }

    @Test
    @Timeout(240)
    void h2ServerRepositoryDeliversEveryCompletionThroughThreeLeaderKills() throws Exception {
        try (H2ServerDatabase db = new H2ServerDatabase()) {
            assertSharedRepositoryHolds(run(shared("h2 server, JdbcMessageIdRepository", "jdbc"), db));
        }
    }

    @Test
    @Timeout(240)
    void inMemoryRepositoryAnnouncesEveryCompletionAgainAfterEachFailover() throws Exception {
        try (H2ServerDatabase db = new H2ServerDatabase()) {
            Result result = run(new Settings("in-memory repository (the default)", "memory", 3, 3, 125, Set.of(1, 2), 5),
                    db);
            assertThat(result.lost()).as("lost").isEmpty();
            assertThat(result.unexpected()).as("unexpected").isEmpty();
            assertThat(result.kills()).hasSize(2);
            for (KillOutcome kill : result.kills()) {
                // the hazard: a successor with an empty memory announces every completion still in Azure's list
                assertThat(kill.repeats()).as("repeats after killing %s", kill.kill().member())
                        .isEqualTo(kill.deliveredBefore()).isGreaterThanOrEqualTo(125);
            }
            assertThat(result.repeats()).isGreaterThanOrEqualTo(
                    result.kills().stream().mapToInt(KillOutcome::deliveredBefore).sum());
        }
    }

    private static Result run(Settings settings, ClusterScenario.Database db) throws Exception {
        try (ClusterScenario scenario = new ClusterScenario(settings, db)) {
            Result result;
            try {
                result = scenario.run();
            } catch (Exception | AssertionError e) {
                LOG.error("cluster scenario {} failed; member logs:\n{}", settings.label(), scenario.logs());
                throw e;
            }
            String line = result.summary();
            System.out.println(line);
            LOG.info(line);
            for (KillOutcome k : result.kills()) {
                LOG.info("kill of {} in wave {}: successor {}, leadership after {} ms, first delivery after {} ms,"
                         + " victim delivered {} of the wave, in flight {}, repeated {}", k.kill().member(),
                        k.kill().wave(), k.successor(), k.leadershipMs(), k.takeoverMs(), k.waveDeliveredByVictim(),
                        k.inFlight(), k.repeats());
            }
            return result;
        }
    }

    private static void assertSharedRepositoryHolds(Result result) {
        assertThat(result.jobs()).isEqualTo(1000);
        assertThat(result.lost()).as("completions never delivered").isEmpty();
        assertThat(result.unexpected()).as("deliveries of keys that are not completions").isEmpty();
        assertThat(result.kills()).hasSize(3);
        int repeatsAtKills = 0;
        for (KillOutcome kill : result.kills()) {
            String who = kill.kill().member() + " in wave " + kill.kill().wave();
            assertThat(kill.waveDeliveredByVictim()).as("kill of %s fell mid-batch", who).isBetween(1, 124);
            assertThat(kill.leadershipMs()).as("leadership taken after killing %s", who).isBetween(0L, TAKEOVER_LIMIT_MS);
            assertThat(kill.takeoverMs()).as("takeover after killing %s", who).isBetween(0L, TAKEOVER_LIMIT_MS);
            // one consumer thread, a synchronous route: at most one exchange between its record and its commit
            assertThat(kill.inFlight()).as("in flight when %s died", who).isBetween(0, 1);
            assertThat(kill.repeats()).as("repeats after killing %s", who).isLessThanOrEqualTo(kill.inFlight());
            repeatsAtKills += kill.repeats();
        }
        assertThat(result.repeats()).as("every repeat is one in flight at a kill").isEqualTo(repeatsAtKills);
        // one leader at a time: the delivering member changes at the kills only
        assertThat(result.leaderChanges()).as("changes of the delivering member").isEqualTo(result.kills().size());
    }

    /** The machine's PostgreSQL; the scenario's tables live in a schema of their own, dropped afterwards. */
    static final class PostgresDatabase extends ClusterScenario.Database {
        private final String schema;

        PostgresDatabase(String url) throws SQLException {
            this(url, "avatar_cluster_" + UUID.randomUUID().toString().substring(0, 8));
        }

        private PostgresDatabase(String url, String schema) throws SQLException {
            super(inNewSchema(url, schema));
            this.schema = schema;
        }

        /** Creates the schema and gives the URL whose connections work in it. */
        private static String inNewSchema(String url, String schema) throws SQLException {
            try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        /** Null when a connection opens within 5 s, else why not. */
        static String unreachable(String url) {
            DriverManager.setLoginTimeout(5);
            try (Connection c = DriverManager.getConnection(url)) {
                return c.isValid(5) ? null : "connection not valid";
            } catch (SQLException e) {
                return e.getMessage();
            }
        }

        @Override
        public void close() throws SQLException {
            try (Statement s = connection().createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } finally {
                connection().close();
            }
        }
    }

    /** H2 in server mode on an ephemeral TCP port, an in-memory database that lives as long as the server. */
    static final class H2ServerDatabase extends ClusterScenario.Database {
        private final Server server;

        H2ServerDatabase() throws SQLException {
            this(Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start());
        }

        private H2ServerDatabase(Server server) throws SQLException {
            // in-memory databases are named per JVM: a name of its own, so one test's tables never meet another's
            super("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:avatar-cluster-" + UUID.randomUUID()
                  + ";DB_CLOSE_DELAY=-1");
            this.server = server;
        }

        @Override
        public void close() throws SQLException {
            try (Statement s = connection().createStatement()) {
                s.execute("SHUTDOWN"); // frees the in-memory database, which DB_CLOSE_DELAY=-1 keeps otherwise
            } finally {
                connection().close();
                server.stop();
            }
        }
    }
}
