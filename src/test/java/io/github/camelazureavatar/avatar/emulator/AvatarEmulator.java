package io.github.camelazureavatar.avatar.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Azure AI Speech text-to-speech avatar <em>batch synthesis</em>, serving
 * both API generations at their real paths on {@link #baseUrl()}, with the result files on a
 * second address, {@link #blobBaseUrl()}, playing Azure Blob Storage.
 *
 * <pre>{@code
 * try (AvatarEmulator emu = AvatarEmulator.builder().subscriptionKey("test-key").start()) {
 *     // point the component's endpoint option at emu.baseUrl(), then drive time:
 *     emu.advance(Duration.ofSeconds(15));
 * }
 * }</pre>
 *
 * <h2>Guesses</h2>
 * Where Azure's answer is not documented, the emulator chooses; each choice is listed here (and
 * in {@code docs/emulator.md}). The component checks only what would cost a request for certain:
 * the catalogue (avatars, styles, codecs...) is Azure's, here the emulator's, to judge.
 * <ul>
 * <li>B: a missing {@code api-version} is 400 {@code ApiVersionUnspecified}, an unknown one 400
 * {@code UnsupportedApiVersion} (ASP.NET API Versioning's codes), as {@code error.code} and
 * {@code x-ms-error-code}.</li>
 * <li>B: {@code maxpagesize} above 100 or below 1 is 400, not clamped; {@code top} is ignored.
 * A: {@code top} below 1 is 400 too; negative {@code skip} is 400 in both.</li>
 * <li>Refused creates: B {@code {"error":{"code":"BadRequest","message":..,"innererror":{"code":<rule>,..}}}},
 * A {@code {"code":"InvalidRequest","message":..,"innerError":{"code":<rule>,..}}}; the inner codes
 * ({@code UnsupportedTalkingAvatarStyle}, {@code InvalidType}, ...) are the emulator's names. Only
 * A's expired destination SAS has Azure's documented shape (an ASP.NET validation problem).</li>
 * <li>B: PUT of an existing id is 400 {@code BadRequest}. The same Operation-Id with an identical
 * request (same id, same JSON, field order aside) answers 201 with the job as it is now and
 * creates nothing; with a different request 400. An Operation-Id is forgotten with its job
 * (deleted or expired). Without the header the service makes a GUID.</li>
 * <li>B: DELETE of a NotStarted/Running job is 400 like A; DELETE of an unknown id is 404
 * (A: 204). GET of an unknown operation, or of one whose job is gone, is 404.</li>
 * <li>More than 200 unfinished jobs: 400 in both generations (seeded jobs count).</li>
 * <li>A: no {@code Location} header on 201. Failed A jobs carry {@code properties.error} like
 * B, {@code failedAudioCount} is always present on finished A jobs.</li>
 * <li>Running jobs have no {@code outputs} and no result fields; Failed jobs have
 * {@code outputs.summary} only and no size, duration or billing. {@code outputs} is the last
 * field in both generations.</li>
 * <li>Failure error: {@code {"code":"InvalidRequest","message":"The synthesis of input 1 failed. (emulated failure)"}};
 * summary.json entries of a failed job have {@code status: Failed} and an {@code errorMessage}.</li>
 * <li>A echoes {@code videoFormat} lowercase and always echoes videoCodec (hevc), subtitleType
 * (soft_embedded), kBitrate (2000), customized; backgroundColor only when sent. Codec and
 * subtitle type are echoed lowercase in both generations.</li>
 * <li>A job created through one generation renders in the other: B jobs get
 * {@code displayName = id} in A; A jobs get {@code internalId = id} in B.</li>
 * <li>Microsoft's storage has one layout for both generations:
 * {@code /batchsynthesis-output/<32-hex>/<jobId>/0001.mp4} ({@code .webm} when videoFormat is
 * webm; the bytes are the same MP4). Its SAS ({@code sr=b&sp=r}) is signed afresh on every read
 * of the job (once per second of the clock: reads within one second share a link) and expires
 * {@link Builder#sasLifetime} later (default 24 h, as observed on TTS batch outputs), on the
 * emulator's clock; one signature covers a job's video and summary.</li>
 * <li>Destination containers: the container URL must carry {@code sig} and {@code se} (an ad hoc
 * SAS); an http URL is accepted only on loopback (the emulator's blob host is http). A container
 * on the blob host ({@link #containerUrl}) receives every output; one whose SAS cannot write
 * ({@code sp} without {@code w}, a forged signature) makes the job fail with nothing written.
 * A container on any other host is assumed writable, and its files exist nowhere.
 * {@code outputs.result} is the first video's path, and summary.json's {@code videoFileName} is
 * the path in the container.</li>
 * <li>A blob request whose SAS does not match is 403 {@code AuthenticationFailed}, an expired one
 * 403 {@code AuthenticationFailed} (Azure Storage's "Signed expiry time ... must be after signed
 * start time"), one without read permission 403 {@code AuthorizationPermissionMismatch}; a job
 * that is gone (deleted, expired, unknown) is 404 {@code BlobNotFound}.</li>
 * <li>Create bodies must have a JSON Content-Type (415 otherwise). Body over 500 KB is 400.</li>
 * <li>Validation: {@code timeToLiveInHours} (A: {@code timeToLive}) from 1 to 744 hours;
 * {@code bitrateKbps} above 0; {@code backgroundColor} {@code #RRGGBBAA}, {@code transparent}
 * or {@code white} (Microsoft's samples), names case-insensitive; characters, styles, formats,
 * codecs and subtitle types case-insensitive; a photo avatar has no style and any character
 * (custom photo avatars have the user's names); {@code useBuiltInVoice} needs
 * {@code customized: true}; a coordinate's {@code x} and {@code y} may be absent but must be
 * numbers; blank inputs are refused. A (3.1-preview1) has no av1, and ignores (echoes) the
 * 2024 generations' photo-avatar, scene, built-in-voice, position, size and resolution fields.</li>
 * <li>Next links use the request's {@code Host} header, so they match what the client dialled.
 * B next links look like Azure's: {@code /avatar/batchsyntheses/?maxpagesize=N&skip=M&api-version=V}.</li>
 * <li>The quota ({@link Builder#quota}) is a sliding window on the emulator's clock over every
 * authenticated API request; 429s are not counted, blob downloads are not either. Its 429 is
 * {@code TooManyRequests} in each generation's error shape with {@code Retry-After} in real
 * seconds rounded up; {@code X-RateLimit-*} only when asked for (3.1-preview1 documents them).
 * Injected 429 faults say limit 50, remaining 0, with {@code X-RateLimit-Reset} and
 * {@code Retry-After} in real time.</li>
 * <li>The 401 body is the API Management gateway's, for both generations, also for unknown
 * paths and for bearer tokens it does not accept; bearer tokens are accepted on both
 * generations.</li>
 * <li>NotStarted {@code lastActionDateTime} equals {@code createdDateTime}. Seeded Running,
 * Succeeded and Failed jobs entered that state at their {@code createdDateTime} too (fixtures,
 * kept to one timestamp per job so 100 000 of them stay cheap); they never change state, but
 * finished ones still expire after the default TTL (744 h).</li>
 * <li>Dates: B writes {@code createdDateTime} and unfinished {@code lastActionDateTime} with 7
 * digits and {@code Z}, a finished job's {@code lastActionDateTime} without offset and with its
 * trailing zeros dropped (both of Azure's examples fit); the default clock starts at
 * {@code 2026-01-01T00:00:00.1234567Z} so that all seven digits show.</li>
 * <li>Ids: A jobs get random GUIDs; B {@code internalId} is a GUID; seeded jobs get GUIDs
 * (deterministic for a given seed) unless a {@link SeedSpec} id prefix is given.</li>
 * <li>Billing: characters of the input text (SSML tags stripped); every input yields 2 s of
 * video (the bundled MP4), so {@code durationInMilliseconds} is 2000 per input.</li>
 * <li>{@code Fault.connectionReset()} closes the socket before any byte of the answer (the
 * client sees the connection closed; a TCP RST cannot be forced with the JDK server).</li>
 * </ul>
 * Faults with a status answer without touching the store; delay, malformed and truncated
 * faults let the request take effect; a connection reset drops it before it takes effect.
 */
public final class AvatarEmulator implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle on, loopback clients wait
        // for a delayed ACK and every request costs ~40 ms. Only effective before the JDK's first
        // HttpServer in this JVM, and only when the user has not chosen otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Where the default {@link ManualClock} starts: all seven fractional digits Azure writes. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00.1234567Z");

    private final Builder config;
    private final EmulatorClock clock;
    private final RequestLog log = new RequestLog();
    private final Faults faults = new Faults();
    private final JobStore store;
    private final JobFactory factory;
    private final JobSeeder seeder;
    private final byte[] video;
    private final HttpServer apiServer;
    private final HttpServer blobServer;
    private final ExecutorService executor;
    private final BlobHost blobHost;
    private final BlobLayout layout;
    private final Quota quota;
    private final Gateway gateway;
    private final String baseUrl;
    private final String blobBaseUrl;

    private AvatarEmulator(Builder b) throws IOException {
        this.config = b;
        this.clock = b.clock;
        this.video = loadVideo();
        this.store = new JobStore(clock);
        this.factory = new JobFactory(clock, b.notStartedFor, b.runningFor, b.failureRate, b.seed);
        this.seeder = new JobSeeder(factory, store);
        this.executor = Executors.newFixedThreadPool(b.threads, daemonThreads());
        InetAddress apiAddress = InetAddress.getByName(b.bind);
        this.apiServer = b.tls == null ? HttpServer.create(new InetSocketAddress(apiAddress, b.port), 64)
                : HttpsServer.create(new InetSocketAddress(apiAddress, b.port), 64);
        if (b.tls != null) {
            ((HttpsServer) apiServer).setHttpsConfigurator(new HttpsConfigurator(b.tls));
        }
        this.blobServer = bindBlobServer(apiAddress);
        this.baseUrl = (b.tls == null ? "http://" : "https://") + hostOf(apiServer);
        this.blobBaseUrl = "http://" + hostOf(blobServer);
        SasSigner signer = new SasSigner(factory.secretKey(), clock);
        this.layout = new BlobLayout(blobBaseUrl, factory.hex32(), signer, b.sasLifetime);
        JobJson json = new JobJson(layout, video.length);
        CreateRequestParser parser = new CreateRequestParser(new DestinationRules(blobBaseUrl, signer, clock));
        ServiceContext ctx = new ServiceContext(store, factory, parser, json, faults, b.maxActiveJobs);
        this.blobHost = new BlobHost(log, store, json, layout, video, clock);
        this.quota = b.quotaRequests > 0 ? new Quota(b.quotaRequests, b.quotaWindow, b.rateLimitHeaders, clock) : null;
        this.gateway = new Gateway(ctx, log, baseUrl, b, quota);
        apiServer.createContext("/", gateway);
        blobHost.bind(blobServer, faults);
        apiServer.setExecutor(executor);
        blobServer.setExecutor(executor);
        apiServer.start();
        blobServer.start();
    }

    /**
     * The blob host lives on 127.0.0.2 (all of 127/8 is loopback on Linux) so it is a different
     * host, not just a different port. Where 127.0.0.2 is not configured (macOS) it falls back to
     * the API address on another port: still a different origin.
     */
    private HttpServer bindBlobServer(InetAddress apiAddress) throws IOException {
        if (apiAddress.getHostAddress().equals("127.0.0.1")) {
            try {
                return HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 64);
            } catch (IOException e) {
                // fall through
            }
        }
        return HttpServer.create(new InetSocketAddress(apiAddress, 0), 64);
    }

    private static String hostOf(HttpServer server) {
        InetSocketAddress address = server.getAddress();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "avatar-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static byte[] loadVideo() throws IOException {
        try (InputStream in = AvatarEmulator.class.getResourceAsStream("0001.mp4")) {
            if (in == null) {
                throw new IOException("0001.mp4 missing next to " + AvatarEmulator.class.getName());
            }
            return in.readAllBytes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the component's {@code endpoint} for both generations. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code http://127.0.0.2:<port>}: where job outputs point. */
    public String blobBaseUrl() {
        return blobBaseUrl;
    }

    public String subscriptionKey() {
        return config.subscriptionKey;
    }

    /**
     * A SAS URL of a container of your own on the blob host, readable, writable and listable for
     * seven days of the emulator's clock: give it as {@code destinationContainerUrl} and the job
     * writes its videos and summary there; read them back with this URL (its path joined with
     * the job's relative outputs).
     */
    public String containerUrl(String container) {
        return containerUrl(container, "rwl", Duration.ofDays(7));
    }

    /** As {@link #containerUrl(String)}, with the SAS permissions ({@code r}, {@code w}, ...) and lifetime given. */
    public String containerUrl(String container, String permissions, Duration lifetime) {
        if (!container.matches("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("Not an Azure container name (3-63 lowercase letters, digits, '-'): " + container);
        }
        Instant now = clock.now();
        return blobBaseUrl + "/" + container + "?"
                + layout.signer().query("c/" + container, "c", permissions, now.minusSeconds(300), now.plus(lifetime));
    }

    public EmulatorClock clock() {
        return clock;
    }

    /** Moves the manual clock; fails when the emulator runs on another clock. */
    public Instant advance(Duration duration) {
        if (!(clock instanceof ManualClock manual)) {
            throw new IllegalStateException("advance needs a ManualClock; this emulator runs on " + clock);
        }
        return manual.advance(duration);
    }

    /** Seeds {@code count} jobs in {@code state}; createdDateTime 1 s apart, in the past, last one newest. */
    public List<String> seedJobs(int count, SeedState state) {
        return seed(SeedSpec.of(count, state));
    }

    public List<String> seed(SeedSpec spec) {
        return seeder.seed(spec);
    }

    /** Creates a job now, without HTTP, that runs the normal lifecycle; {@code fail} makes it end Failed. */
    public String createJob(String id, String description, boolean fail) {
        JobDraft draft = new JobDraft();
        draft.id = Objects.requireNonNull(id, "id");
        draft.description = description;
        draft.synthesisConfig = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("voice", "en-US-AvaMultilingualNeural");
        draft.texts = List.of("Hi, I'm a virtual assistant created by Microsoft.");
        draft.billedCharacters = draft.texts.get(0).length();
        draft.fails = fail;
        EmulatedJob job = factory.fresh(draft);
        if (store.add(job, -1) == JobStore.AddResult.DUPLICATE_ID) {
            throw new IllegalArgumentException("Job " + id + " already exists");
        }
        return id;
    }

    /** Removes a job whatever its state (no HTTP, no rules): shifts the list under a paging client. */
    public boolean deleteJob(String id) {
        return store.remove(id);
    }

    public int jobCount() {
        return store.size();
    }

    /** The job's current status as Azure names it ({@code NotStarted}, ...), empty when gone. */
    public Optional<String> jobStatus(String id) {
        EmulatedJob job = store.get(id);
        return job == null ? Optional.empty() : Optional.of(job.statusAt(clock.now()).wireName());
    }

    /** When the job finishes (or finished) on the emulator's clock; empty when gone or when it never finishes. */
    public Optional<Instant> jobFinishedAt(String id) {
        EmulatedJob job = store.get(id);
        return job == null || job.finishedAt.equals(EmulatedJob.NEVER) ? Optional.empty() : Optional.of(job.finishedAt);
    }

    public Faults faults() {
        return faults;
    }

    /** Requests of both hosts. */
    public RequestLog requests() {
        return log;
    }

    public BlobHost blobHost() {
        return blobHost;
    }

    /** The MP4 every succeeded job serves as its result (unless {@link #setResultSize} says otherwise). */
    public byte[] resultVideo() {
        return video.clone();
    }

    /**
     * Serves {@code bytes} of {@link SyntheticContent} as this job's result instead of the MP4,
     * generated while streaming; the job's reported size follows.
     */
    public void setResultSize(String jobId, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes < 0");
        }
        EmulatedJob job = store.get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("No job " + jobId);
        }
        job.setResultSize(bytes);
    }

    /** The inputs a job was created with, exactly as Azure received them (texts or SSML documents); empty when gone. */
    /** The subscription key of each API request that had one, in order of arrival. */
    public List<String> receivedKeys() {
        return gateway.receivedKeys();
    }

    /** The container a job writes to ({@code destinationContainerUrl}); empty when it writes to Microsoft's storage. */
    public Optional<String> jobDestinationContainer(String id) {
        EmulatedJob job = store.get(id);
        return job == null ? Optional.empty() : Optional.ofNullable(job.draft.destinationContainer);
    }

    public Optional<List<String>> jobInputs(String id) {
        EmulatedJob job = store.get(id);
        return job == null || job.draft.texts == null ? Optional.empty() : Optional.of(List.copyOf(job.draft.texts));
    }

    /** Serves {@code bytes} of {@link SyntheticContent} as this job's summary.json instead of the real one. */
    public void setSummarySize(String jobId, long bytes) {
        EmulatedJob job = store.get(jobId);
        if (job == null || bytes < 0) {
            throw new IllegalArgumentException("No job " + jobId + " or bytes < 0");
        }
        job.summarySize = bytes;
    }

    @Override
    public void close() {
        apiServer.stop(0);
        blobServer.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "AvatarEmulator[" + baseUrl + ", blob " + blobBaseUrl + "]";
    }

    /** Runs the emulator alone until killed; {@code --help} lists the options (see {@link EmulatorCommandLine}). */
    public static void main(String[] args) throws Exception {
        AvatarEmulator emulator;
        try {
            emulator = EmulatorCommandLine.launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(EmulatorCommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (emulator == null) {
            return; // --help
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        new CountDownLatch(1).await();
    }

    /** What it accepts and how it behaves, one line per subject, for the stand-alone banner. */
    List<String> describe() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("auth: Ocp-Apim-Subscription-Key: " + config.subscriptionKey + (config.anyBearerToken
                ? ", or Authorization: Bearer <any token>"
                : config.bearerTokens.isEmpty() ? "" : ", or Authorization: Bearer " + String.join(" | ", config.bearerTokens)));
        lines.add("3.1-preview1: " + baseUrl + PreviewApiHandler.BASE);
        lines.add("2024-04-15-preview, 2024-08-01: " + baseUrl + BatchSynthesesApiHandler.COLLECTION + "?api-version=2024-08-01");
        lines.add("quota: " + (quota == null ? "none" : quota));
        lines.add("clock: " + clock + "; jobs NotStarted " + human(config.notStartedFor) + ", Running "
                + human(config.runningFor) + ", failure rate " + config.failureRate + " (and every input with [fail])");
        lines.add("SAS links: valid " + human(config.sasLifetime) + " of emulated time after each read");
        if (faults.pending() > 0) {
            lines.add("faults queued: " + faults.pending() + " request(s)");
        }
        lines.add("destination container (give as properties.destinationContainerUrl): " + containerUrl("outputs"));
        return lines;
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** Settings; every one has a default, so {@code builder().start()} is a working emulator. */
    public static final class Builder {

        private String subscriptionKey = "emulator-key";
        private final Set<String> otherSubscriptionKeys = new LinkedHashSet<>();
        private final Set<String> bearerTokens = new LinkedHashSet<>();
        private boolean anyBearerToken;
        private EmulatorClock clock = new ManualClock(DEFAULT_START);
        private Duration notStartedFor = Duration.ofSeconds(5);
        private Duration runningFor = Duration.ofSeconds(10);
        private double failureRate;
        private long seed = 42L;
        private int port;
        private String bind = "127.0.0.1";
        private int threads = 8;
        private int maxActiveJobs = 200;
        private Duration sasLifetime = Duration.ofHours(24);
        private int quotaRequests;
        private Duration quotaWindow;
        private boolean rateLimitHeaders;
        private javax.net.ssl.SSLContext tls;

        private Builder() {
        }

        /** Serves the API over HTTPS with this context's key and certificate (the blob host stays plain http). */
        public Builder https(javax.net.ssl.SSLContext serverContext) {
            this.tls = serverContext;
            return this;
        }

        String subscriptionKey() {
            return subscriptionKey;
        }

        Set<String> bearerTokens() {
            return bearerTokens;
        }

        boolean acceptsAnyBearerToken() {
            return anyBearerToken;
        }

        Set<String> otherSubscriptionKeys() {
            return otherSubscriptionKeys;
        }

        /** Another key the resource accepts, as a second tenant's key on the same endpoint. */
        public Builder otherSubscriptionKey(String key) {
            otherSubscriptionKeys.add(Objects.requireNonNull(key));
            return this;
        }

        public Builder subscriptionKey(String key) {
            this.subscriptionKey = Objects.requireNonNull(key);
            return this;
        }

        /** A bearer token accepted in {@code Authorization}; call again to accept several. */
        public Builder acceptedBearerToken(String token) {
            bearerTokens.add(Objects.requireNonNull(token));
            return this;
        }

        /** Any non-empty bearer token is accepted, as if Microsoft Entra ID had issued it for this resource. */
        public Builder acceptAnyBearerToken() {
            this.anyBearerToken = true;
            return this;
        }

        /**
         * Azure's quota: at most {@code requests} API requests in any {@code window} of the emulator's
         * clock, then 429 with {@code Retry-After} (Azure lists 2 a minute for batch avatar).
         */
        public Builder quota(int requests, Duration window) {
            if (requests < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("A quota needs at least one request and a positive window");
            }
            this.quotaRequests = requests;
            this.quotaWindow = window;
            this.rateLimitHeaders = false;
            return this;
        }

        /**
         * The 3.1-preview1 style of quota (50 per 5 s there): as {@link #quota}, and every answer carries
         * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}.
         */
        public Builder quotaWithRateLimitHeaders(int requests, Duration window) {
            quota(requests, window);
            this.rateLimitHeaders = true;
            return this;
        }

        /** How long a job's output links stay valid after each read, on the emulator's clock (default 24 h). */
        public Builder sasLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("A SAS lifetime must be positive: " + lifetime);
            }
            this.sasLifetime = lifetime;
            return this;
        }

        public Builder clock(EmulatorClock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder notStartedFor(Duration duration) {
            this.notStartedFor = nonNegative(duration);
            return this;
        }

        public Builder runningFor(Duration duration) {
            this.runningFor = nonNegative(duration);
            return this;
        }

        /** Fraction (0..1) of created jobs that end Failed, drawn from a generator seeded with {@code seed}. */
        public Builder failureRate(double rate, long seed) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rate must be within 0..1: " + rate);
            }
            this.failureRate = rate;
            this.seed = seed;
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Address of the API host (default 127.0.0.1). */
        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address);
            return this;
        }

        /** Limit on unfinished jobs a create may reach (Azure: 200); negative disables it. */
        public Builder maxActiveJobs(int max) {
            this.maxActiveJobs = max;
            return this;
        }

        /** Server threads shared by both hosts (default 8: delayed answers hold one each). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads < 1");
            }
            this.threads = threads;
            return this;
        }

        public AvatarEmulator start() {
            try {
                return new AvatarEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the avatar emulator", e);
            }
        }

        private static Duration nonNegative(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative duration " + d);
            }
            return d;
        }
    }
}
