package io.github.camelazureavatar.avatar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelazureavatar.avatar.AzureAvatarComponent;
import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.RecordedRequest;
import io.github.camelazureavatar.avatar.emulator.Faults;
import io.github.camelazureavatar.avatar.emulator.ScaledClock;
import io.github.camelazureavatar.avatar.emulator.SeedSpec;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Requests, throttling and lateness, the currency Azure charges in: the consumer, createAndWait and what users write
 * without them, each against its own emulator with Azure's quota on, time compressed by {@code --scale} (the
 * emulator's clock, the quota window, every delay of every contestant alike). Writes {@code target/bench/economy.csv}
 * and {@code economy.md}. Run it with
 * {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.class=EconomyBenchmark} (see docs/benchmark.md); it is no
 * test, and {@code mvn verify} never runs it.
 *
 * <p>
 * Arguments: {@code --scale 240} (emulated seconds per real second), {@code --hours 6} (the measured window of
 * steady and idle), {@code --only steady,idle,wait}, {@code --quota 2/min} or {@code 50/5s} and
 * {@code --contestant NAME} (the rows whose contestant starts with NAME) to run some rows only,
 * {@code --out target/bench}.
 */
public final class EconomyBenchmark {

    static final String KEY = "bench-key-economy-3b8e";
    static final String API = "2024-08-01";
    static final String LIST_PATH = "/avatar/batchsyntheses";
    static final int LISTED = 10_000;
    static final Duration QUEUED = Duration.ofMinutes(5);
    static final Duration RENDERING = Duration.ofMinutes(45);
    /** Jobs that finish this close to the end of the window are not counted lost when nobody announced them yet. */
    static final Duration GRACE = Duration.ofMinutes(30);
    static final String JOB_SETTINGS = "voice=en-US-AvaMultilingualNeural&avatarCharacter=lisa&avatarStyle=casual-sitting";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Azure's quotas for batch avatar: 2 a minute per S0 resource, and 50 per 5 s on 3.1-preview1. */
    enum Quota {
        PER_MINUTE("2/min", 2, Duration.ofMinutes(1)),
        PER_5S("50/5s", 50, Duration.ofSeconds(5));

        final String label;
        final int requests;
        final Duration window;

        Quota(String label, int requests, Duration window) {
            this.label = label;
            this.requests = requests;
            this.window = window;
        }

        double perEmulatedMinute() {
            return requests * 60_000.0 / window.toMillis();
        }
    }

    record Row(String scenario, String contestant, long requests, double requestsPerHour, long http429,
            double p50, double p95, int lost, int duplicated, String notes) {

        String csv() {
            return String.join(",", scenario, contestant, Long.toString(requests),
                    String.format(Locale.ROOT, "%.1f", requestsPerHour), Long.toString(http429), seconds(p50),
                    seconds(p95), Integer.toString(lost), Integer.toString(duplicated));
        }

        static String seconds(double s) {
            return Double.isNaN(s) ? "" : String.format(Locale.ROOT, "%.1f", s);
        }
    }

    private final PrintStream out = System.out;
    private final double scale;
    private final Duration window;
    private String quotaFilter;
    private String contestantFilter;

    EconomyBenchmark(double scale, Duration window) {
        this.scale = scale;
        this.window = window;
    }

    public static void main(String[] args) throws Exception {
        double scale = 240;
        double hours = 6;
        Set<String> only = Set.of("steady", "idle", "wait");
        Path outDir = Path.of("target/bench");
        String quotaFilter = null;
        String contestantFilter = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--hours" -> hours = Double.parseDouble(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--out" -> outDir = Path.of(args[++i]);
                case "--quota" -> quotaFilter = args[++i];
                case "--contestant" -> contestantFilter = args[++i];
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        EconomyBenchmark bench = new EconomyBenchmark(scale, Duration.ofSeconds((long) (hours * 3600)));
        bench.quotaFilter = quotaFilter;
        bench.contestantFilter = contestantFilter;
        bench.write(outDir, bench.run(only), args);
    }

    // ---------------------------------------------------------------------------------------------------- scenarios

    List<Row> run(Set<String> only) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Quota quota : Quota.values()) {
            if (only.contains("steady")) {
                add(rows, quota, "consumer", () -> steady(quota, "consumer", new ConsumerContestant("status=Succeeded,Failed")));
                if (quota == Quota.PER_5S) {
                    add(rows, quota, "consumer delay=5s", () -> steady(quota, "consumer delay=5s",
                            new ConsumerContestant("status=Succeeded,Failed&delay=" + realMillis(Duration.ofSeconds(5)))));
                    // the hand-written route's interval: every contestant faces a consumer polling as often as it does
                    add(rows, quota, "consumer delay=30s", () -> steady(quota, "consumer delay=30s",
                            new ConsumerContestant("status=Succeeded,Failed&delay=" + realMillis(Duration.ofSeconds(30)))));
                }
                // a finished job 10 hours (600 jobs) down the list whose route fails every time, for ever
                add(rows, quota, "consumer (poison job)", () -> steady(quota, "consumer (poison job)",
                        new ConsumerContestant("status=Succeeded,Failed", run -> run.emulator.seed(SeedSpec.of(1,
                                SeedState.SUCCEEDED).withIdPrefix("poison-").withSpacing(Duration.ofHours(10))))));
                if (quota == Quota.PER_5S) {
                    // at 2/min a whole walk of 100 pages takes 55 minutes: only the 5 s quota can afford this order
                    add(rows, quota, "consumer (oldest first)", () -> steady(quota, "consumer (oldest first)",
                            new ConsumerContestant("status=Succeeded,Failed",
                                    run -> run.emulator.faults().listOrder(Faults.ListOrder.OLDEST_FIRST, 0))));
                }
                add(rows, quota, "sample pattern", () -> steady(quota, "sample pattern", new SamplePattern()));
                add(rows, quota, "hand-written route", () -> steady(quota, "hand-written route", new HandWrittenRoute()));
            }
        }
        for (Quota quota : Quota.values()) {
            if (only.contains("idle")) {
                add(rows, quota, "consumer", () -> idle(quota));
            }
        }
        if (only.contains("wait")) {
            add(rows, Quota.PER_5S, "createAndWait", () -> waitFor(Quota.PER_5S, "createAndWait", true));
            add(rows, Quota.PER_5S, "per-exchange loop", () -> waitFor(Quota.PER_5S, "per-exchange loop", false));
        }
        return rows;
    }

    interface Measurement {
        Row run() throws Exception;
    }

    private void add(List<Row> rows, Quota quota, String contestant, Measurement measurement) throws Exception {
        if ((quotaFilter == null || quotaFilter.equals(quota.label))
            && (contestantFilter == null || contestant.startsWith(contestantFilter))) {
            rows.add(measurement.run());
        }
    }

    /**
     * 10 000 jobs listed; another client creates a job every emulated minute, each queued 5 and rendering 45 minutes,
     * so that 50 are in progress and about one finishes a minute. Measured after the contestant's first walk and 50
     * minutes of ramp, for the window.
     */
    Row steady(Quota quota, String name, Contestant contestant) throws Exception {
        out.printf("steady %s, %s ...%n", quota.label, name);
        try (Run run = new Run(quota, LISTED - 50, Duration.ZERO)) {
            contestant.start(run);
            run.awaitReal(contestant::warmedUp, Duration.ofMinutes(10), name + " read the list once");
            ScheduledExecutorService creator = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger created = new AtomicInteger();
            creator.scheduleAtFixedRate(() -> {
                String id = run.emulator.createJob("steady-" + created.incrementAndGet(), null, false);
                run.allCreated.add(id);
                contestant.created(id);
            }, 0, realMillis(Duration.ofMinutes(1)), TimeUnit.MILLISECONDS);
            Instant from = run.now().plus(QUEUED).plus(RENDERING);
            run.sleepUntil(from);
            long fromNanos = System.nanoTime();
            Instant to = from.plus(window);
            run.sleepUntil(to);
            long toNanos = System.nanoTime();
            creator.shutdownNow();
            contestant.stop();
            return run.row("steady@" + quota.label, name, fromNanos, toNanos, from, to.minus(GRACE), contestant.notes());
        }
    }

    /** The list with nothing in progress for the window, then one job created by another client. */
    Row idle(Quota quota) throws Exception {
        out.printf("idle %s ...%n", quota.label);
        try (Run run = new Run(quota, LISTED, Duration.ZERO)) {
            // no status filter: the late job's first event says when it was found
            ConsumerContestant consumer = new ConsumerContestant("");
            consumer.start(run);
            run.awaitReal(consumer::warmedUp, Duration.ofMinutes(10), "the consumer read the list once");
            long fromNanos = System.nanoTime();
            Instant from = run.now();
            run.sleepUntil(from.plus(window));
            long toNanos = System.nanoTime();
            Instant createdAt = run.now();
            String late = run.emulator.createJob("late-1", null, false);
            run.allCreated.add(late);
            Instant finishes = run.emulator.jobFinishedAt(late).orElseThrow();
            run.sleepUntil(finishes.plus(Duration.ofMinutes(20)));
            consumer.stop();
            List<Instant> seen = run.everyEvent.getOrDefault(late, List.of());
            String found = seen.isEmpty() ? "never found"
                    : String.format(Locale.ROOT, "late job found %.0f s after its creation (idle interval 900 s)",
                            Duration.between(createdAt, seen.get(0)).toMillis() / 1000.0);
            return run.row("idle@" + quota.label, "consumer", fromNanos, toNanos, createdAt, finishes.plusNanos(1), found);
        }
    }

    /**
     * 200 jobs (Azure's limit of unfinished jobs) created and waited for at once, each exchange completing when its
     * job finished: createAndWait against a loop a user writes (create, then delay and get until finished).
     */
    Row waitFor(Quota quota, String name, boolean createAndWait) throws Exception {
        out.printf("wait %s, %s ...%n", quota.label, name);
        int exchanges = 200;
        Duration waitDelay = Duration.ofMinutes(1);
        try (Run run = new Run(quota, 1_000, Duration.ofMinutes(10).plusSeconds(30))) {
            CamelContext context = run.camel();
            AtomicInteger completed = new AtomicInteger();
            // an exchange is complete when its job came back, Succeeded or Failed (then as an exception)
            Processor complete = e -> {
                completed.incrementAndGet();
                String id = e.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
                if (id != null && !(e.getProperty(Exchange.EXCEPTION_CAUGHT) instanceof ExchangeTimedOutException)) {
                    run.allCreated.add(id);
                    run.announce(id, true);
                }
            };
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(complete);
                    if (createAndWait) {
                        from("direct:job").to("azure-avatar:wait?operation=createAndWait&" + JOB_SETTINGS
                                              + "&waitDelay=" + realMillis(waitDelay)
                                              + "&waitTimeout=" + realMillis(Duration.ofHours(2)))
                                .process(complete);
                    } else {
                        from("direct:job").to("azure-avatar:create?operation=create&" + JOB_SETTINGS)
                                .loopDoWhile(simple("${header.CamelAzureAvatarStatus} != 'Succeeded' "
                                                    + "&& ${header.CamelAzureAvatarStatus} != 'Failed'"))
                                    .delay(realMillis(waitDelay))
                                        .to("azure-avatar:get?operation=get")
                                    .end()
                                .end()
                                .process(complete);
                    }
                }
            });
            context.start();
            AsyncProducer producer = context.getEndpoint("direct:job").createAsyncProducer();
            producer.start();
            int threadsBefore = THREADS.getThreadCount();
            long fromNanos = System.nanoTime();
            Instant from = run.now();
            List<CompletableFuture<Exchange>> futures = new ArrayList<>();
            int threadsAt50 = 0;
            for (int i = 1; i <= exchanges; i++) {
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody("Job " + i + " of the wait scenario.");
                futures.add(producer.processAsync(exchange));
                if (i == 50) {
                    threadsAt50 = THREADS.getThreadCount();
                }
            }
            int threadsAt200 = THREADS.getThreadCount();
            int peak = threadsAt200;
            Instant deadline = from.plus(Duration.ofHours(3));
            while (!futures.stream().allMatch(CompletableFuture::isDone) && run.now().isBefore(deadline)) {
                peak = Math.max(peak, THREADS.getThreadCount());
                Thread.sleep(Math.max(1, realMillis(Duration.ofSeconds(10))));
            }
            long toNanos = System.nanoTime();
            Instant to = run.now();
            long creates = run.apiRequests(fromNanos, toNanos).stream().filter(r -> r.method().equals("PUT")).count();
            long waits = run.apiRequests(fromNanos, toNanos).stream().filter(r -> r.method().equals("GET")).count();
            double intervals = Duration.between(from, to).toMillis() / (double) waitDelay.toMillis();
            context.stop();
            String notes = String.format(Locale.ROOT,
                    "%d creates, %d waiting requests over %.1f intervals of %d s = %.2f an interval; live threads %d "
                    + "before, %d with 50 waiting, %d with 200, peak %d",
                    creates, waits, intervals, waitDelay.toSeconds(), waits / intervals, threadsBefore, threadsAt50,
                    threadsAt200, peak);
            out.println("  " + notes);
            Row row = run.row("wait@" + quota.label, name, fromNanos, toNanos, from, to, notes);
            // lost: an exchange that did not come back with its job by the deadline (or timed out)
            int cameBack = run.finished.size();
            return new Row(row.scenario(), row.contestant(), row.requests(), row.requestsPerHour(), row.http429(),
                    row.p50(), row.p95(), exchanges - cameBack, row.duplicated() + Math.max(0, completed.get() - exchanges),
                    notes);
        }
    }

    // ---------------------------------------------------------------------------------------------------- one run

    long realMillis(Duration emulated) {
        return Math.max(1, Math.round(emulated.toMillis() / scale));
    }

    /** An emulator with its quota and listed jobs, and what the contestant announced, on emulated time. */
    final class Run implements AutoCloseable {

        final Quota quota;
        final AvatarEmulator emulator;
        /** Finished jobs the route saw, with the emulated instants it saw them. */
        final Map<String, List<Instant>> finished = new ConcurrentHashMap<>();
        /** Every event per job, any status. */
        final Map<String, List<Instant>> everyEvent = new ConcurrentHashMap<>();
        private final List<AutoCloseable> closeables = new ArrayList<>();

        Run(Quota quota, int listed, Duration jobDuration) {
            this.quota = quota;
            AvatarEmulator.Builder builder = AvatarEmulator.builder().subscriptionKey(KEY)
                    .clock(ScaledClock.startingNow(scale)).failureRate(0.02, 11).threads(8);
            builder = quota == Quota.PER_5S
                    ? builder.quotaWithRateLimitHeaders(quota.requests, quota.window)
                    : builder.quota(quota.requests, quota.window);
            if (jobDuration.isZero()) {
                builder.notStartedFor(QUEUED).runningFor(RENDERING);
            } else {
                builder.notStartedFor(Duration.ofMinutes(2)).runningFor(jobDuration.minusMinutes(2));
            }
            this.emulator = builder.start();
            emulator.seed(SeedSpec.of(listed, SeedState.SUCCEEDED).withSpacing(Duration.ofMinutes(1)));
        }

        Instant now() {
            return emulator.clock().now();
        }

        /** A CamelContext whose azure-avatar component talks to this emulator, rate-limited to 90% of the quota. */
        CamelContext camel() {
            DefaultCamelContext context = new DefaultCamelContext();
            AzureAvatarComponent component = new AzureAvatarComponent();
            component.getConfiguration().setEndpoint(emulator.baseUrl());
            component.getConfiguration().setSubscriptionKey(KEY);
            component.setRequestsPerMinute((int) (quota.perEmulatedMinute() * scale * 0.9));
            context.addComponent("azure-avatar", component);
            closeables.add(context);
            return context;
        }

        void announce(String jobId, boolean isFinished) {
            Instant at = now();
            everyEvent.computeIfAbsent(jobId, k -> new CopyOnWriteArrayList<>()).add(at);
            if (isFinished) {
                finished.computeIfAbsent(jobId, k -> new CopyOnWriteArrayList<>()).add(at);
            }
        }

        void sleepUntil(Instant emulated) throws InterruptedException {
            Duration left;
            while (!(left = Duration.between(now(), emulated)).isNegative() && !left.isZero()) {
                Thread.sleep(Math.max(1, Math.min(realMillis(left), 500)));
            }
        }

        void awaitReal(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("Timed out waiting until " + what);
                }
                Thread.sleep(20);
            }
        }

        List<RecordedRequest> apiRequests(long fromNanos, long toNanos) {
            return emulator.requests().byHost("api").stream()
                    .filter(r -> r.arrivedNanos() >= fromNanos && r.arrivedNanos() < toNanos).toList();
        }

        /**
         * Requests sent between the two instants, and the lateness of every job that finished between
         * {@code finishedFrom} and {@code finishedTo}: from when it finished in the emulator to when the route saw it,
         * in emulated seconds; a job nobody announced is lost.
         */
        Row row(String scenario, String contestant, long fromNanos, long toNanos, Instant finishedFrom,
                Instant finishedTo, String notes) {
            List<RecordedRequest> sent = apiRequests(fromNanos, toNanos);
            long http429 = sent.stream().filter(r -> r.status() == 429).count();
            double hours = (toNanos - fromNanos) * scale / 3.6e12;
            List<Double> lateness = new ArrayList<>();
            int lost = 0;
            for (String id : finishedIds(finishedFrom, finishedTo)) {
                List<Instant> seen = finished.get(id);
                if (seen == null) {
                    lost++;
                } else {
                    lateness.add(Duration.between(emulator.jobFinishedAt(id).orElseThrow(), seen.get(0)).toMillis() / 1000.0);
                }
            }
            int duplicated = finished.values().stream().mapToInt(l -> l.size() - 1).sum();
            double[] sorted = lateness.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            Row row = new Row(scenario, contestant, sent.size(), sent.size() / hours, http429, percentile(sorted, 50),
                    percentile(sorted, 95), lost, duplicated, notes);
            out.printf("  %s: %d requests (%.1f/h), %d answered 429, lateness p50 %s s p95 %s s over %d jobs, "
                       + "lost %d, duplicated %d%n", contestant, row.requests(), row.requestsPerHour(), http429,
                    Row.seconds(row.p50()), Row.seconds(row.p95()), sorted.length, lost, duplicated);
            return row;
        }

        private List<String> finishedIds(Instant from, Instant to) {
            List<String> ids = new ArrayList<>();
            for (String id : allCreated) {
                emulator.jobFinishedAt(id).filter(at -> !at.isBefore(from) && at.isBefore(to)).ifPresent(at -> ids.add(id));
            }
            return ids;
        }

        /** The jobs whose lateness counts. */
        final Set<String> allCreated = ConcurrentHashMap.newKeySet();

        @Override
        public void close() throws Exception {
            for (AutoCloseable c : closeables) {
                c.close();
            }
            emulator.close();
        }
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    // ---------------------------------------------------------------------------------------------------- contestants

    interface Contestant {
        void start(Run run) throws Exception;

        /** Ready to be measured: the list was read once where the contestant reads it. */
        boolean warmedUp();

        /** Another client created this job: only the sample pattern is told, as if it had created it. */
        default void created(String jobId) {
        }

        void stop() throws Exception;

        /** What the row should say besides its figures. */
        default String notes() {
            return "";
        }
    }

    /** The component's consumer with its defaults, the rate limit under the quota, delays scaled. */
    final class ConsumerContestant implements Contestant {

        private final String options;
        private final java.util.function.Consumer<Run> setup;
        private Run run;
        private CamelContext context;
        private final AtomicInteger events = new AtomicInteger();
        private final AtomicInteger poisoned = new AtomicInteger();

        ConsumerContestant(String options) {
            this(options, run -> { });
        }

        /** @param setup what to do to the emulator first: a poison job (id poison-...), a list order */
        ConsumerContestant(String options, java.util.function.Consumer<Run> setup) {
            this.options = options;
            this.setup = setup;
        }

        @Override
        public void start(Run run) throws Exception {
            this.run = run;
            setup.accept(run);
            context = run.camel();
            String uri = "azure-avatar:jobs?idleDelay=" + realMillis(Duration.ofMinutes(15))
                         + (options.contains("delay=") ? "" : "&delay=" + realMillis(Duration.ofMinutes(1)))
                         + (options.isEmpty() ? "" : "&" + options);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("events").process(e -> {
                        if (e.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class).startsWith("poison-")) {
                            if (poisoned.getAndIncrement() == 0) {
                                events.incrementAndGet(); // it was read: the list was read once
                            }
                            throw new IllegalStateException("this route fails on the poison job every time");
                        }
                        String status = e.getMessage().getHeader(AzureAvatarConstants.STATUS, String.class);
                        run.announce(e.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class),
                                "Succeeded".equals(status) || "Failed".equals(status));
                        events.incrementAndGet();
                    });
                }
            });
            context.start();
        }

        @Override
        public boolean warmedUp() {
            return events.get() >= run.emulator.jobCount();
        }

        @Override
        public void stop() throws Exception {
            context.stop();
        }

        @Override
        public String notes() {
            return poisoned.get() == 0 ? "" : "the poison job was offered " + poisoned.get() + " times";
        }
    }

    /**
     * Azure's samples: create a job, then GET it every 5 s until it finishes (a failed GET, a 429 among them, is
     * logged and the loop goes on). Each job in progress has its own loop.
     */
    final class SamplePattern implements Contestant {

        private final ObjectMapper mapper = new ObjectMapper();
        private final ScheduledExecutorService loops = Executors.newScheduledThreadPool(4);
        private CloseableHttpClient http;
        private Run run;

        @Override
        public void start(Run run) {
            this.run = run;
            http = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(8)
                            .setMaxConnPerRoute(8).build())
                    .disableAutomaticRetries().build();
        }

        @Override
        public boolean warmedUp() {
            return true;
        }

        @Override
        public void created(String jobId) {
            URI uri = URI.create(run.emulator.baseUrl() + LIST_PATH + "/" + jobId + "?api-version=" + API);
            ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
            Runnable poll = () -> {
                HttpGet get = new HttpGet(uri);
                get.setHeader("Ocp-Apim-Subscription-Key", KEY);
                try {
                    String status = http.execute(get, r -> r.getCode() == 200
                            ? mapper.readTree(EntityUtils.toString(r.getEntity())).path("status").asText()
                            : null);
                    if ("Succeeded".equals(status) || "Failed".equals(status)) {
                        run.announce(jobId, true);
                        synchronized (self) {
                            self[0].cancel(false);
                        }
                    }
                } catch (IOException e) {
                    // the sample logs and polls again
                }
            };
            synchronized (self) {
                self[0] = loops.scheduleWithFixedDelay(poll, realMillis(Duration.ofSeconds(5)),
                        realMillis(Duration.ofSeconds(5)), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void stop() throws Exception {
            loops.shutdownNow();
            loops.awaitTermination(10, TimeUnit.SECONDS);
            http.close();
        }
    }

    /**
     * What a good Camel user writes without the component: a timer every 30 s walks the whole list with camel-http,
     * splits each page and announces each finished job once (an idempotent consumer with room for every job). A
     * failed request (a 429) fails the walk; the next tick starts again.
     */
    final class HandWrittenRoute implements Contestant {

        private Run run;
        private CamelContext context;
        private final AtomicInteger walks = new AtomicInteger();
        private final AtomicInteger failedWalks = new AtomicInteger();

        @Override
        public void start(Run run) throws Exception {
            this.run = run;
            context = run.camel();
            URI base = URI.create(run.emulator.baseUrl());
            String firstPage = base + LIST_PATH + "?maxpagesize=100&api-version=" + API;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(e -> failedWalks.incrementAndGet());
                    from("timer:walk?delay=0&period=" + realMillis(Duration.ofSeconds(30)))
                            .setProperty("nextLink", constant(firstPage))
                            .loopDoWhile(exchangeProperty("nextLink").isNotNull())
                                .removeHeaders("*")
                                .setHeader("Ocp-Apim-Subscription-Key", constant(KEY))
                                .setHeader(Exchange.HTTP_URI, exchangeProperty("nextLink"))
                                .setBody(constant(null))
                                .to("http://" + base.getAuthority())
                                .unmarshal().json(JsonLibrary.Jackson)
                                .setProperty("nextLink", simple("${body[nextLink]}"))
                                .split(simple("${body[value]}"))
                                    .filter(simple("${body[status]} in 'Succeeded,Failed'"))
                                    .idempotentConsumer(simple("${body[id]}:${body[status]}"),
                                            MemoryIdempotentRepository.memoryIdempotentRepository(50_000))
                                    .process(e -> run.announce(e.getMessage().getBody(Map.class).get("id").toString(), true))
                                    .end() // idempotentConsumer
                                    .end() // filter
                                .end() // split
                            .end() // loop
                            .process(e -> walks.incrementAndGet());
                }
            });
            context.start();
        }

        @Override
        public boolean warmedUp() {
            return true;
        }

        @Override
        public void stop() throws Exception {
            context.stop();
        }

        @Override
        public String notes() {
            return walks.get() + " walks of the whole list completed and " + failedWalks.get()
                   + " failed (a 429) from the start of the ramp to the end";
        }
    }

    // ---------------------------------------------------------------------------------------------------- report

    void write(Path dir, List<Row> rows, String[] args) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("scenario,contestant,requests,requests_per_hour,http_429,p50_latency_s,"
                                              + "p95_latency_s,lost,duplicated\n");
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "Time x%.0f (one real second is %.0f emulated seconds), measured window %.1f emulated hours, "
                + "arguments %s%n%n", scale, scale, window.toMinutes() / 60.0, Arrays.toString(args)));
        md.append("| scenario | contestant | requests | requests/h | 429 | p50 latency (s) | p95 latency (s) | lost "
                  + "| duplicated | notes |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            csv.append(r.csv()).append('\n');
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,.1f | %,d | %s | %s | %d | %d | %s |%n",
                    r.scenario(), r.contestant(), r.requests(), r.requestsPerHour(), r.http429(), Row.seconds(r.p50()),
                    Row.seconds(r.p95()), r.lost(), r.duplicated(), r.notes()));
        }
        Files.writeString(dir.resolve("economy.csv"), csv);
        Files.writeString(dir.resolve("economy.md"), md);
        out.println();
        out.print(md);
    }
}
