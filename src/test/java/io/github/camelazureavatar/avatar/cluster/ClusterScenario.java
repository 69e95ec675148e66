package io.github.camelazureavatar.avatar.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.ManualClock;

import static org.awaitility.Awaitility.await;

/**
 * Runs the cluster scenario of {@link ClusterFailoverIT}: one emulator in this JVM on a clock the scenario moves,
 * several {@link ClusterNode} JVMs on one database and one lock directory, jobs finishing in waves, the leader killed
 * with SIGKILL in the middle of some waves. Then it reads back what was delivered and committed and measures it.
 */
final class ClusterScenario implements AutoCloseable {

    static final String KEY = "cluster-it-key-5f0e2a";
    /** Member heartbeat and lock attempt period; a dead leader is stale after {@code LOCK_INTERVAL * MULTIPLIER}. */
    static final long LOCK_INTERVAL_MS = 500;
    static final int HEARTBEAT_MULTIPLIER = 2;

    /** What to run. */
    record Settings(String label, String repository, int members, int waves, int waveSize, Set<Integer> killWaves,
                    long workMs) {
        boolean sharedRepository() {
            return repository.startsWith("jdbc");
        }

        int jobs() {
            return waves * waveSize;
        }
    }

    /** One SIGKILL: who, in which wave, and the wall-clock instants before the signal and once the process was gone. */
    record Kill(String member, int wave, long beforeMs, long deadMs) {
    }

    /** What one kill cost. */
    record KillOutcome(Kill kill, long takeoverMs, long leadershipMs, int inFlight, int repeats, int deliveredBefore,
                       int waveDeliveredByVictim, String successor) {
    }

    record Result(Settings settings, int jobs, int deliveredDistinct, int deliveryRows, int repeats, Set<String> lost,
                  Set<String> unexpected, List<KillOutcome> kills, int leaderChanges, int membersStarted, Duration wall) {

        String summary() {
            return String.format("cluster failover [%s]: jobs=%d delivered=%d kills=%d takeover_ms=%s leadership_ms=%s"
                                 + " in_flight=%s repeats_per_kill=%s repeats=%d lost=%d leader_changes=%d members=%d wall=%.1fs",
                    settings.label(), jobs, deliveredDistinct, kills.size(),
                    kills.stream().map(k -> k.takeoverMs()).toList(),
                    kills.stream().map(k -> k.leadershipMs()).toList(),
                    settings.sharedRepository() ? kills.stream().map(k -> k.inFlight()).toList() : "n/a",
                    kills.stream().map(k -> k.repeats()).toList(), repeats, lost.size(), leaderChanges, membersStarted,
                    wall.toMillis() / 1000.0);
        }
    }

    private final Settings settings;
    private final Database database;
    private final Path dir;
    private final AvatarEmulator azure;
    private final Map<String, Process> members = new LinkedHashMap<>();
    private final List<Kill> kills = new ArrayList<>();
    private final List<String> jobIds = new ArrayList<>();
    private int started;

    ClusterScenario(Settings settings, Database database) throws IOException {
        this.settings = settings;
        this.database = database;
        this.dir = Files.createTempDirectory("avatar-cluster-");
        this.azure = AvatarEmulator.builder().subscriptionKey(KEY)
                .clock(new ManualClock(Instant.parse("2026-03-01T00:00:00Z")))
                .notStartedFor(Duration.ofSeconds(5)).runningFor(Duration.ofSeconds(10))
                .maxActiveJobs(-1).start();
    }

    Result run() throws Exception {
        long begin = System.nanoTime();
        database.createTables(settings.sharedRepository());
        for (int i = 0; i < settings.members(); i++) {
            startMember();
        }
        await("every member started").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> members.keySet().stream().allMatch(this::ready));

        for (int wave = 0; wave < settings.waves(); wave++) {
            createWave(wave);
            // every job of the wave finishes at once: a batch of waveSize completions for the leader
            ((ManualClock) azure.clock()).advance(Duration.ofSeconds(20));
            int w = wave;
            if (settings.killWaves().contains(wave)) {
                await("wave " + wave + " under way").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5))
                        .until(() -> database.deliveredOfWave(w) >= 5);
                killLeader(wave);
                startMember();
            }
            await("wave " + wave + " delivered").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> database.deliveredOfWave(w) == settings.waveSize());
        }
        Set<String> expected = expectedKeys();
        if (settings.sharedRepository()) {
            // settled: every key delivered is committed, the in-flight ones by the member that repeated them
            await("every delivery committed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> database.committed().keySet().containsAll(expected));
        } else {
            // settled: the last successor re-announced every completion it found in the list
            await("last successor re-announced every completion").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> analyse(expected).kills().stream().allMatch(k -> k.repeats() == k.deliveredBefore()));
        }
        Result result = analyse(expected);
        return new Result(settings, result.jobs(), result.deliveredDistinct(), result.deliveryRows(), result.repeats(),
                result.lost(), result.unexpected(), result.kills(), result.leaderChanges(), started,
                Duration.ofNanos(System.nanoTime() - begin));
    }

    private void createWave(int wave) {
        for (int i = 0; i < settings.waveSize(); i++) {
            String id = String.format("w%02d-%04d", wave, i);
            azure.createJob(id, "cluster wave " + wave, i % 10 == 9);
            jobIds.add(id);
        }
    }

    private Set<String> expectedKeys() {
        Set<String> keys = new HashSet<>();
        for (String id : jobIds) {
            String status = azure.jobStatus(id).orElseThrow();
            if (!status.equals("Succeeded") && !status.equals("Failed")) {
                throw new IllegalStateException("job " + id + " did not finish: " + status);
            }
            keys.add(id + ":" + status);
        }
        return keys;
    }

    private Result analyse(Set<String> expected) throws SQLException {
        List<Database.Delivery> rows = database.deliveries();
        Map<String, String> committedBy = settings.sharedRepository() ? database.committed() : Map.of();
        List<Database.Leadership> leaderships = database.leaderships();
        Set<String> distinct = rows.stream().map(Database.Delivery::key).collect(Collectors.toSet());
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(distinct);
        Set<String> unexpected = new HashSet<>(distinct);
        unexpected.removeAll(expected);

        List<KillOutcome> outcomes = new ArrayList<>();
        for (Kill kill : kills) {
            String victim = kill.member();
            Set<String> byVictim = rows.stream().filter(r -> r.node().equals(victim)).map(Database.Delivery::key)
                    .collect(Collectors.toSet());
            Set<String> before = rows.stream().filter(r -> r.atMs() < kill.beforeMs()).map(Database.Delivery::key)
                    .collect(Collectors.toSet());
            Database.Delivery first = rows.stream().filter(r -> r.atMs() >= kill.beforeMs() && !r.node().equals(victim))
                    .min(Comparator.comparingLong(Database.Delivery::atMs)).orElse(null);
            long leadership = leaderships.stream()
                    .filter(l -> l.atMs() >= kill.beforeMs() && !l.node().equals(victim))
                    .mapToLong(l -> l.atMs() - kill.beforeMs()).min().orElse(-1);
            // delivered again after the kill by someone else: the successor repeating what the victim delivered
            Set<String> repeatedAfter = rows.stream()
                    .filter(r -> r.atMs() >= kill.beforeMs() && !r.node().equals(victim))
                    .map(Database.Delivery::key).collect(Collectors.toSet());
            int repeats;
            int inFlight;
            if (settings.sharedRepository()) {
                repeats = (int) byVictim.stream().filter(repeatedAfter::contains).count();
                // recorded by the victim but never committed by it: between the route's work and the commit at death
                inFlight = (int) byVictim.stream().filter(k -> !victim.equals(committedBy.get(k))).count();
            } else {
                repeats = (int) before.stream().filter(repeatedAfter::contains).count();
                inFlight = -1;
            }
            String wavePrefix = String.format("w%02d-", kill.wave());
            int waveByVictim = (int) byVictim.stream().filter(k -> k.startsWith(wavePrefix)).count();
            outcomes.add(new KillOutcome(kill, first == null ? -1 : first.atMs() - kill.beforeMs(), leadership,
                    inFlight, repeats, before.size(), waveByVictim, first == null ? null : first.node()));
        }
        // in delivery order, how often the delivering member changed: once per kill unless two members led at once
        int leaderChanges = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i).node().equals(rows.get(i - 1).node())) {
                leaderChanges++;
            }
        }
        return new Result(settings, expected.size(), distinct.size(), rows.size(), rows.size() - distinct.size(), lost,
                unexpected, outcomes, leaderChanges, started, Duration.ZERO);
    }

    private void killLeader(int wave) throws Exception {
        String leader = database.lastDeliveryNode();
        Process process = members.get(leader);
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the last delivery came from " + leader + ", which is not a live member");
        }
        long before = System.currentTimeMillis();
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no route stop, the lock released by the OS
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(leader + " survived SIGKILL for 30 s");
        }
        kills.add(new Kill(leader, wave, before, System.currentTimeMillis()));
        members.remove(leader);
    }

    private void startMember() throws IOException {
        String name = "m" + (++started);
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dlogback.configurationFile=" + resource("/cluster-node-logback.xml"),
                "-cp", System.getProperty("java.class.path"),
                ClusterNode.class.getName(),
                "node=" + name,
                "endpoint=" + azure.baseUrl(),
                "key=" + KEY,
                "jdbcUrl=" + database.memberUrl(),
                "clusterDir=" + dir.resolve("lock"),
                "repository=" + settings.repository(),
                "lockIntervalMs=" + LOCK_INTERVAL_MS,
                "heartbeatMultiplier=" + HEARTBEAT_MULTIPLIER,
                "workMs=" + settings.workMs()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        members.put(name, process);
    }

    private boolean ready(String member) {
        try {
            Path log = dir.resolve(member + ".log");
            if (!members.get(member).isAlive()) {
                throw new IllegalStateException(member + " exited early:\n" + tail(member));
            }
            return Files.exists(log) && Files.readString(log).contains(ClusterNode.READY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines a member logged, for failure messages. */
    String tail(String member) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(member + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The tail of every member's log that was started, killed or not. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= started; i++) {
            sb.append("---- m").append(i).append('\n').append(tail("m" + i)).append('\n');
        }
        return sb.toString();
    }

    private static String resource(String name) {
        try {
            return new File(ClusterScenario.class.getResource(name).toURI()).getAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : members.values()) {
            process.destroyForcibly();
        }
        for (Process process : members.values()) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        members.clear();
        azure.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not a test failure
        }
    }

    /** The shared database as the test sees it: the same tables the members write. */
    abstract static class Database implements AutoCloseable {

        record Delivery(long id, String node, String key, long atMs) {
        }

        record Leadership(String node, long atMs) {
        }

        private final String memberUrl;
        private final Connection connection;

        /** @param memberUrl the JDBC URL handed to the members (credentials included); the test connects there too */
        Database(String memberUrl) throws SQLException {
            this.memberUrl = memberUrl;
            this.connection = DriverManager.getConnection(memberUrl);
        }

        final String memberUrl() {
            return memberUrl;
        }

        final Connection connection() {
            return connection;
        }

        void createTables(boolean repository) throws SQLException {
            try (Statement s = connection().createStatement()) {
                s.execute("CREATE TABLE deliveries (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                          + " node VARCHAR(32) NOT NULL, job_key VARCHAR(120) NOT NULL, at_ms BIGINT NOT NULL)");
                s.execute("CREATE TABLE leaderships (node VARCHAR(32) NOT NULL, at_ms BIGINT NOT NULL)");
                if (repository) {
                    // camel-sql's own DDL, plus the column the members' instrumented insert fills
                    s.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255), messageId VARCHAR(100),"
                              + " createdAt TIMESTAMP, committed_by VARCHAR(32), PRIMARY KEY (processorName, messageId))");
                }
            }
        }

        int deliveredOfWave(int wave) throws SQLException {
            try (PreparedStatement ps = connection().prepareStatement(
                    "SELECT COUNT(DISTINCT job_key) FROM deliveries WHERE job_key LIKE ?")) {
                ps.setString(1, String.format("w%02d-%%", wave));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }

        String lastDeliveryNode() throws SQLException {
            try (Statement s = connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT node FROM deliveries ORDER BY id DESC LIMIT 1")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        List<Delivery> deliveries() throws SQLException {
            List<Delivery> rows = new ArrayList<>();
            try (Statement s = connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, node, job_key, at_ms FROM deliveries ORDER BY id")) {
                while (rs.next()) {
                    rows.add(new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return rows;
        }

        List<Leadership> leaderships() throws SQLException {
            List<Leadership> rows = new ArrayList<>();
            try (Statement s = connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT node, at_ms FROM leaderships ORDER BY at_ms")) {
                while (rs.next()) {
                    rows.add(new Leadership(rs.getString(1), rs.getLong(2)));
                }
            }
            return rows;
        }

        /**
         * Committed {@code jobId:status} → the member whose commit it was; the repository's keys are
         * {@code label(statuses)/jobId/created/status}.
         */
        Map<String, String> committed() throws SQLException {
            Map<String, String> rows = new HashMap<>();
            try (Statement s = connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT messageId, committed_by FROM CAMEL_MESSAGEPROCESSED")) {
                while (rs.next()) {
                    String[] key = rs.getString(1).split("/");
                    rows.put(key[1] + ":" + key[3], rs.getString(2));
                }
            }
            return rows;
        }
    }
}
