package io.github.camelazureavatar.avatar.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/**
 * Jobs delivered per second by the consumer, against the best hand-written Camel route and the raw floor (HttpClient 5
 * and Jackson in a plain loop), all in this process on one emulator; then requests and heap of steady-state polls,
 * full and incremental. Run it with {@code mvn -B -q -Pbench test-compile exec:exec} (see docs/benchmark.md); it is
 * no test, and {@code mvn verify} never runs it.
 *
 * <p>
 * Arguments: {@code --sizes 1000,10000,100000} (the default), {@code --quick} (fewer iterations, for a smoke run),
 * {@code --out target/bench}.
 */
public final class ConsumerBenchmark {

    static final String KEY = "bench-key-5f0c";
    static final String API = "2024-08-01";
    static final String LIST_PATH = "/avatar/batchsyntheses";

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final PrintStream out = System.out;
    private final boolean quick;

    private ConsumerBenchmark(boolean quick) {
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1_000, 10_000, 100_000);
        boolean quick = false;
        Path dir = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--quick" -> quick = true;
                case "--out" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                                                              + " (use --sizes 1000,10000 --quick --out DIR)");
            }
        }
        new ConsumerBenchmark(quick).run(sizes, dir);
        System.exit(0);
    }

    private void run(List<Integer> sizes, Path dir) throws Exception {
        out.printf("camel-azure-avatar consumer benchmark, %s, %d cores, JDK %s, max heap %d MiB%s%n",
                LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, quick ? " (quick)" : "");
        List<ThroughputRow> rows = new ArrayList<>();
        for (int n : sizes) {
            rows.add(throughput(n));
        }
        List<SteadyRow> steady = new ArrayList<>();
        steady.addAll(steadyState("10 000 jobs, 50 active", 9_950, 50));
        if (sizes.stream().anyMatch(n -> n >= 100_000)) {
            steady.addAll(steadyState("100 000 jobs, all finished", 100_000, 0));
        }
        String table = Report.throughputTable(rows) + "\n" + Report.steadyTable(steady);
        out.println();
        out.println(table);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"), Report.throughputCsv(rows), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("steady-state.csv"), Report.steadyCsv(steady), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.md"), table, StandardCharsets.UTF_8);
        out.println("Wrote " + dir.resolve("results.csv") + ", " + dir.resolve("steady-state.csv") + " and "
                    + dir.resolve("results.md"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (a) consumer, (b) hand-written route, (c) raw floor: the same N jobs, the same pages, one emulator

    private ThroughputRow throughput(int n) throws Exception {
        // warm-up: some 200 000 jobs through each contestant, so that the JIT has compiled all of them
        int warmups = quick ? 1 : Math.max(3, 200_000 / n);
        // a multiple of 3, so that each contestant takes each place in the rotating order equally often; and enough
        // rounds that the median moves by a few percent between runs of the command, where a walk is short enough to
        // afford them: single walks of the same contestant vary by a factor of 2 to 3 on a shared 2-core VM
        int measured = quick ? 3 : n <= 1_000 ? 99 : n <= 10_000 ? 60 : 9;
        out.printf("%nN = %,d: seeding, then %d warm-up and %d measured rounds of (a) (b) (c), in rotating order%n", n,
                warmups, measured);
        try (AvatarEmulator emulator = AvatarEmulator.builder().subscriptionKey(KEY).maxActiveJobs(-1).start()) {
            long seedStart = System.nanoTime();
            emulator.seedJobs(n, SeedState.SUCCEEDED);
            out.printf("  seeded in %d ms%n", (System.nanoTime() - seedStart) / 1_000_000);
            try (Contestants c = new Contestants(emulator, n)) {
                Samples a = new Samples();
                Samples b = new Samples();
                Samples floor = new Samples();
                List<TimedRun> contestants = List.of(keep -> {
                    c.freshConsumer();
                    time(emulator, n, c::consumerDelivery, keep ? a : null);
                }, keep -> time(emulator, n, c::handWritten, keep ? b : null),
                        keep -> time(emulator, n, c::rawFloor, keep ? floor : null));
                for (int round = 0; round < warmups + measured; round++) {
                    // the order rotates every round (a b c, b c a, ...), so that each runs as often right after each
                    // other one: the same consumer measured 10 to 15 % faster right after itself than after (c)
                    for (int k = 0; k < contestants.size(); k++) {
                        contestants.get((round + k) % contestants.size()).run(round >= warmups);
                    }
                }
                Heap heap = c.consumerDeliveryHeap();
                out.printf("  (a)  %s%n  (b)  %s%n  (c)  %s%n", a, b, floor);
                return new ThroughputRow(n, a, b, floor, heap);
            }
        }
    }

    /** A contestant's run in a round, kept among the measured ones or not (warm-up). */
    @FunctionalInterface
    private interface TimedRun {
        void run(boolean keep) throws Exception;
    }

    /** One timed run: delivers every job once and must see all n of them. */
    private static void time(AvatarEmulator emulator, int n, LongSupplier run, Samples into) {
        emulator.requests().clear();
        long start = System.nanoTime();
        long delivered = run.getAsLong();
        long nanos = System.nanoTime() - start;
        if (delivered != n) {
            throw new IllegalStateException("expected " + n + " jobs, got " + delivered);
        }
        if (into != null) {
            into.add(n, nanos, emulator.requests().servingTime().toNanos(),
                    emulator.requests().count("GET", LIST_PATH));
        }
    }

    /** The ways to walk the list, sharing one emulator; each counts the jobs it delivered. */
    private static final class Contestants implements AutoCloseable {
        private static final String CONSUMER = "consumer";
        private static final String PROBED_CONSUMER = "probed-consumer";
        private final AvatarEmulator emulator;
        private final int n;
        private final CamelContext context = new DefaultCamelContext();
        private final HeapProbingRepository probe;
        private final AtomicLong consumed = new AtomicLong();
        private final AtomicLong probedConsumed = new AtomicLong();
        private final AtomicLong split = new AtomicLong();
        private final ProducerTemplate template;
        private final CloseableHttpClient floorClient;
        private final ObjectMapper mapper = new ObjectMapper();
        private final URI firstPage;
        private final String consumerUri;

        Contestants(AvatarEmulator emulator, int n) throws Exception {
            this.emulator = emulator;
            this.n = n;
            // the kind of repository the consumer makes by default, large enough for every job
            this.probe = new HeapProbingRepository(
                    MemoryIdempotentRepository.memoryIdempotentRepository(Math.max(100_000, n)), n);
            context.getRegistry().bind("probe", probe);
            this.firstPage = URI.create(emulator.baseUrl() + LIST_PATH + "?api-version=" + API + "&skip=0&maxpagesize=100");
            this.consumerUri = "azure-avatar:bench?endpoint=" + emulator.baseUrl() + "&subscriptionKey=RAW(" + KEY
                                 + ")&apiVersion=" + API + "&startScheduler=false";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(consumerUri + "&idempotentRepository=#probe").routeId(PROBED_CONSUMER).autoStartup(false)
                            .process(e -> {
                                probedConsumed.incrementAndGet();
                                if (e.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class) == 0) {
                                    // a page was read and its batch is being routed: its peak
                                    probe.sample();
                                }
                            });

                    // (b) what a good Camel user writes without this component: a timer, camel-http with the key
                    // header, the next link followed in a loop, the value array split into one exchange per job
                    from("timer:jobs?period=60000").routeId("hand-written-timer").autoStartup(false)
                            .to("direct:walk");
                    from("direct:walk").routeId("hand-written")
                            .setProperty("nextLink", constant(firstPage.toString()))
                            .loopDoWhile(exchangeProperty("nextLink").isNotNull())
                                .removeHeaders("*")
                                .setHeader("Ocp-Apim-Subscription-Key", constant(KEY))
                                .setHeader(Exchange.HTTP_URI, exchangeProperty("nextLink"))
                                .setBody(constant(null))
                                .to("http://" + URI.create(emulator.baseUrl()).getAuthority())
                                .unmarshal().json(JsonLibrary.Jackson)
                                .setProperty("nextLink", simple("${body[nextLink]}"))
                                .split(simple("${body[value]}"))
                                    .process(e -> split.incrementAndGet())
                                .end()
                            .end();
                }
            });
            context.addRoutes(consumerRoute());
            context.start();
            template = context.createProducerTemplate();
            floorClient = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build())
                    .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().build();
        }

        /**
         * (a) the first poll of a consumer that has delivered nothing yet: every job is a change. The route and its
         * endpoint are made anew before (untimed), so that each round is a first poll, a full pass, as after a
         * deployment; the endpoint makes a new default (in-memory) repository.
         */
        long consumerDelivery() {
            consumed.set(0);
            ((ScheduledPollConsumer) context.getRoute(CONSUMER).getConsumer()).run();
            return consumed.get();
        }

        void freshConsumer() throws Exception {
            // the endpoint keeps what its consumers delivered across a route restart: a new endpoint polls afresh
            context.getRouteController().stopRoute(CONSUMER);
            Endpoint endpoint = context.getRoute(CONSUMER).getEndpoint();
            context.removeRoute(CONSUMER);
            context.removeEndpoint(endpoint);
            context.addRoutes(consumerRoute());
        }

        /** (a) the component with its default repository, no-op route. */
        private RouteBuilder consumerRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from(consumerUri).routeId(CONSUMER).process(e -> consumed.incrementAndGet());
                }
            };
        }

        /** (b) one walk of the hand-written route. */
        long handWritten() {
            split.set(0);
            template.sendBody("direct:walk", null);
            return split.get();
        }

        /** (c) the floor: GET, parse, touch each job, follow the link. No Camel. */
        long rawFloor() {
            long jobs = 0;
            URI next = firstPage;
            try {
                while (next != null) {
                    HttpGet get = new HttpGet(next);
                    get.setHeader("Ocp-Apim-Subscription-Key", KEY);
                    JsonNode page = floorClient.execute(get, r -> {
                        if (r.getCode() != 200) {
                            throw new IOException("HTTP " + r.getCode());
                        }
                        return mapper.readTree(r.getEntity().getContent());
                    });
                    for (JsonNode job : page.get("value")) {
                        if (job.get("id").asText().isEmpty() || job.get("status").asText().isEmpty()) {
                            throw new IllegalStateException("no id or status");
                        }
                        jobs++;
                    }
                    JsonNode link = page.get("nextLink");
                    next = link == null ? null : URI.create(link.asText());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return jobs;
        }

        /** The delivery poll again, untimed, sampling the retained heap as it goes. */
        Heap consumerDeliveryHeap() throws Exception {
            context.getRouteController().stopRoute(CONSUMER);
            context.getRouteController().startRoute(PROBED_CONSUMER);
            try {
                probe.clear();
                probedConsumed.set(0);
                Heap heap = probe.measure(
                        () -> ((ScheduledPollConsumer) context.getRoute(PROBED_CONSUMER).getConsumer()).run());
                if (probedConsumed.get() != n) {
                    throw new IllegalStateException("heap run delivered " + probedConsumed.get() + " of " + n);
                }
                return heap;
            } finally {
                context.getRouteController().stopRoute(PROBED_CONSUMER);
                context.getRouteController().startRoute(CONSUMER);
            }
        }

        @Override
        public void close() throws Exception {
            floorClient.close();
            context.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // steady state: what a poll costs once everything listed was delivered

    private List<SteadyRow> steadyState(String scenario, int finished, int active) throws Exception {
        out.printf("%nSteady state, %s%n", scenario);
        List<SteadyRow> rows = new ArrayList<>();
        try (AvatarEmulator emulator = AvatarEmulator.builder().subscriptionKey(KEY).maxActiveJobs(-1).start()) {
            emulator.seedJobs(finished, SeedState.SUCCEEDED);
            if (active > 0) {
                emulator.seedJobs(active, SeedState.RUNNING);
            }
            for (Mode mode : Mode.values()) {
                rows.add(steadyPoll(emulator, scenario, mode, finished + active));
            }
        }
        return rows;
    }

    enum Mode {
        FULL("full scan", "fullScanInterval=0"),
        INCREMENTAL("incremental", "fullScanInterval=24h");

        final String label;
        final String options;

        Mode(String label, String options) {
            this.label = label;
            this.options = options;
        }
    }

    private SteadyRow steadyPoll(AvatarEmulator emulator, String scenario, Mode mode, int total) throws Exception {
        HeapProbingRepository probe = new HeapProbingRepository(
                MemoryIdempotentRepository.memoryIdempotentRepository(Math.max(100_000, total)), total);
        AtomicLong consumed = new AtomicLong();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("probe", probe);
            String uri = "azure-avatar:bench?endpoint=" + emulator.baseUrl() + "&subscriptionKey=RAW(" + KEY
                         + ")&apiVersion=" + API + "&startScheduler=false&idempotentRepository=#probe&" + mode.options
                         // a poll with nothing in progress walks the list, as it does every idleDelay
                         + "&idleDelay=0";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("steady").process(e -> consumed.incrementAndGet());
                }
            });
            context.start();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("steady").getConsumer();
            consumer.run(); // delivers everything once
            if (consumed.get() != total) {
                throw new IllegalStateException("first poll delivered " + consumed.get() + " of " + total);
            }
            int warmups = quick ? 1 : 5;
            int measured = quick ? 3 : 10;
            Samples samples = new Samples();
            for (int i = 0; i < warmups + measured; i++) {
                emulator.requests().clear();
                long start = System.nanoTime();
                consumer.run();
                long nanos = System.nanoTime() - start;
                if (i >= warmups) {
                    samples.add(0, nanos, emulator.requests().servingTime().toNanos(),
                            emulator.requests().count("GET", LIST_PATH));
                }
            }
            if (consumed.get() != total) {
                throw new IllegalStateException("a steady-state poll delivered again: " + (consumed.get() - total));
            }
            emulator.requests().clear();
            Heap heap = probe.measure(consumer::run);
            long requests = emulator.requests().count("GET", LIST_PATH);
            SteadyRow row = new SteadyRow(scenario, mode.label, total, requests, samples, heap);
            out.printf("  %-12s %5d requests/poll, poll %s, heap %s%n", mode.label, requests, samples.timeText(), heap);
            return row;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // measurements

    /** Durations of measured rounds, with the emulator's serving time and the list requests of each. */
    static final class Samples {
        final List<Long> nanos = new ArrayList<>();
        final List<Double> rates = new ArrayList<>();
        final List<Double> emulatorShares = new ArrayList<>();
        final List<Long> requests = new ArrayList<>();

        void add(int jobs, long elapsed, long servingNanos, long listRequests) {
            nanos.add(elapsed);
            rates.add(jobs * 1e9 / elapsed);
            emulatorShares.add((double) servingNanos / elapsed);
            requests.add(listRequests);
        }

        static double median(List<? extends Number> values) {
            double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        double rate() {
            return median(rates);
        }

        double minRate() {
            return rates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }

        double maxRate() {
            return rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        double emulatorShare() {
            return median(emulatorShares);
        }

        long requestsPerRun() {
            return Math.round(median(requests));
        }

        double millis() {
            return median(nanos) / 1e6;
        }

        String timeText() {
            double min = nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
            double max = nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
            return String.format(Locale.ROOT, "%.2f ms (%.2f..%.2f)", millis(), min, max);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f jobs/s (min %,.0f, max %,.0f, %d runs), %.1f ms, %d requests, "
                                              + "emulator busy %.0f%% of the time",
                    rate(), minRate(), maxRate(), rates.size(), millis(), requestsPerRun(), 100 * emulatorShare());
        }
    }

    /**
     * Heap of one poll: the most it retained above what was live before (sampled after a full GC at points during the
     * poll) and what it allocated on the polling thread.
     */
    record Heap(long retainedBytes, long allocatedBytes) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f MiB retained at peak, %.1f MiB allocated",
                    retainedBytes / 1048576.0, allocatedBytes / 1048576.0);
        }
    }

    /**
     * An idempotent repository that, every so many look-ups, runs a full GC and notes how much heap is live: the
     * consumer looks keys up as it reads each page, so the samples follow the poll page by page. Some 20 samples a
     * poll: each is two full GCs, which over 100 000 jobs take seconds.
     */
    static final class HeapProbingRepository implements IdempotentRepository {
        private final int every;
        private final IdempotentRepository delegate;
        private long lookups;
        private long baseline;
        private long peak;
        private boolean measuring;

        HeapProbingRepository(IdempotentRepository delegate, int jobs) {
            this.delegate = delegate;
            this.every = Math.max(2_000, jobs / 5);
        }

        Heap measure(Runnable poll) {
            baseline = liveHeap();
            peak = baseline;
            lookups = 0;
            measuring = true;
            Map<Long, Long> allocatedBefore = consumerThreadsAllocated();
            try {
                poll.run();
            } finally {
                measuring = false;
            }
            long allocated = 0;
            for (Map.Entry<Long, Long> thread : consumerThreadsAllocated().entrySet()) {
                allocated += thread.getValue() - allocatedBefore.getOrDefault(thread.getKey(), 0L);
            }
            sample();
            return new Heap(Math.max(0, peak - baseline), allocated);
        }

        /** What the polling thread allocated so far, by thread id. */
        private static Map<Long, Long> consumerThreadsAllocated() {
            return Map.of(Thread.currentThread().getId(), THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()));
        }

        void sample() {
            if (measuring) {
                peak = Math.max(peak, liveHeap());
            }
        }

        private static long liveHeap() {
            System.gc();
            System.gc();
            return MEMORY.getHeapMemoryUsage().getUsed();
        }

        @Override
        public boolean contains(String key) {
            if (measuring && ++lookups % every == 0) {
                sample();
            }
            return delegate.contains(key);
        }

        @Override
        public boolean add(String key) {
            return delegate.add(key);
        }

        @Override
        public boolean remove(String key) {
            return delegate.remove(key);
        }

        @Override
        public boolean confirm(String key) {
            return delegate.confirm(key);
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public void start() {
            delegate.start();
        }

        @Override
        public void stop() {
            delegate.stop();
        }
    }

    record ThroughputRow(int n, Samples consumer, Samples handWritten, Samples floor, Heap heap) {
    }

    record SteadyRow(String scenario, String mode, int jobs, long requests, Samples samples, Heap heap) {
    }
}
