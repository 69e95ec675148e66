package io.github.camelazureavatar.avatar.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.processor.idempotent.jdbc.JdbcCachedMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One member of the cluster in {@link ClusterFailoverIT}, run in its own JVM: the route a user would deploy on
 * several hosts. Every member runs the same route under a {@link ClusteredRoutePolicy} over a
 * {@link FileLockClusterService}, so only the leader polls Azure. Each delivery is recorded as a row in the
 * {@code deliveries} table (the route's "work"); the key {@code jobId:status} is committed to the idempotent repository
 * by the consumer after the route completed, in a separate transaction. A member killed between the two leaves a
 * delivery without a commit: that is what "in flight" means here.
 *
 * <p>
 * Arguments are {@code name=value}: {@code node}, {@code endpoint}, {@code key}, {@code jdbcUrl}, {@code clusterDir},
 * {@code repository} ({@code jdbc}, {@code jdbc-cached} or {@code memory}), {@code lockIntervalMs}, {@code heartbeatMultiplier},
 * {@code workMs}.
 */
public final class ClusterNode {

    static final String NAMESPACE = "azure-avatar-jobs";
    static final String ROUTE_ID = "avatar-jobs";
    static final String READY = "CLUSTER-NODE-READY";

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            opts.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String node = opts.get("node");
        String jdbcUrl = opts.get("jdbcUrl");
        long lockIntervalMs = Long.parseLong(opts.getOrDefault("lockIntervalMs", "500"));
        long workMs = Long.parseLong(opts.getOrDefault("workMs", "0"));

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("node-" + node);

        // leader election: an OS file lock in a directory every member sees, plus a heartbeat in <namespace>.dat
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(node);
        cluster.setRoot(opts.get("clusterDir"));
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(lockIntervalMs, TimeUnit.MILLISECONDS);
        cluster.setHeartbeatTimeoutMultiplier(Integer.parseInt(opts.getOrDefault("heartbeatMultiplier", "2")));
        context.addService(cluster);

        String repositoryOption = "";
        String repository = opts.get("repository");
        if (repository.startsWith("jdbc")) {
            // one connection, used by the consumer thread alone; a real deployment uses a pool (HikariCP, Agroal)
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(jdbcUrl, true);
            // the cached one answers "delivered" from memory for what it loaded at start or added itself, and asks
            // the database otherwise: each poll checks every finished job, so this saves one query per job per poll
            JdbcMessageIdRepository delivered = repository.equals("jdbc-cached")
                    ? new JdbcCachedMessageIdRepository(dataSource, NAMESPACE)
                    : new JdbcMessageIdRepository(dataSource, NAMESPACE);
            // the test creates the table once; members starting together would race to create it
            delivered.setCreateTableIfNotExists(false);
            // test instrumentation: each commit names its member, in the same statement, so the test can tell a
            // delivery its member committed from one that was still in flight when the member died
            delivered.setInsertString("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt, committed_by)"
                                      + " VALUES (?, ?, ?, '" + node.replaceAll("[^A-Za-z0-9-]", "") + "')");
            context.getRegistry().bind("delivered", delivered);
            repositoryOption = "&idempotentRepository=#delivered";
        }

        Connection deliveries = DriverManager.getConnection(jdbcUrl);
        PreparedStatement recordDelivery = deliveries.prepareStatement(
                "INSERT INTO deliveries (node, job_key, at_ms) VALUES (?, ?, ?)");

        String uri = "azure-avatar:jobs?endpoint=" + opts.get("endpoint") + "&subscriptionKey=RAW(" + opts.get("key") + ")"
                     // the scenario creates its waves elsewhere: resting for idleDelay is scaled down with delay
                     + "&status=Succeeded,Failed&initialDelay=0&delay=100&idleDelay=400" + repositoryOption;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from(uri).routeId(ROUTE_ID)
                        .routePolicy(ClusteredRoutePolicy.forNamespace(NAMESPACE))
                        .process(exchange -> {
                            String key = exchange.getMessage().getHeader(AzureAvatarConstants.JOB_ID) + ":"
                                         + exchange.getMessage().getHeader(AzureAvatarConstants.STATUS);
                            recordDelivery.setString(1, node);
                            recordDelivery.setString(2, key);
                            recordDelivery.setLong(3, System.currentTimeMillis());
                            recordDelivery.executeUpdate();
                            if (workMs > 0) {
                                // the rest of the route's work (a download, a message sent on): widens the window in
                                // which a kill falls between delivery and commit, and makes a batch take a while
                                Thread.sleep(workMs);
                            }
                        });
            }
        });

        context.start();
        // the view the policy uses; the listener is told the current leader at once, then every change
        cluster.getView(NAMESPACE).addEventListener((CamelClusterEventListener.Leadership) (view, leader) -> {
            if (leader != null && leader.isLocal()) {
                recordLeadership(jdbcUrl, node);
            }
        });
        System.out.println(READY + " " + node);
        System.out.flush();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                context.close();
            } catch (Exception ignored) {
                // exiting
            }
            try {
                deliveries.close();
            } catch (SQLException ignored) {
                // exiting
            }
        }));
        // the test's end of the pipe closes when the test JVM dies, whatever killed it: no orphan members
        Thread orphanGuard = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is sent on stdin
                }
            } catch (java.io.IOException ignored) {
                // closed
            }
            Runtime.getRuntime().halt(3);
        }, "orphan-guard");
        orphanGuard.setDaemon(true);
        orphanGuard.start();
        new CountDownLatch(1).await();
    }

    private static void recordLeadership(String jdbcUrl, String node) {
        long now = System.currentTimeMillis();
        System.out.println("LEADER " + node + " at " + now);
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement insert = c.prepareStatement("INSERT INTO leaderships (node, at_ms) VALUES (?, ?)")) {
            insert.setString(1, node);
            insert.setLong(2, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            System.out.println("could not record leadership: " + e);
        }
    }
}
