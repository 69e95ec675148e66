package io.github.camelazureavatar.avatar;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.BlobDownload;
import io.github.camelazureavatar.avatar.client.ResourceGuard;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceHelper;

/** The azure-avatar component: Azure AI Speech text-to-speech avatar batch synthesis jobs as events and operations. */
@Component("azure-avatar")
public class AzureAvatarComponent extends HealthCheckComponent {

    private static final boolean AZURE_CORE_PRESENT = isPresent("com.azure.core.credential.TokenCredential");
    /** The secret options Camel's URI sanitizer does not know (proxyAuthPassword it masks itself). */
    private static final Pattern SECRET_IN_URI = Pattern.compile(
            "(?i)([?&](?:subscriptionKey|destinationContainerUrl)=)(RAW\\([^)]*\\)|RAW\\{[^}]*}|[^&]*)");
    /** Camel reads a duration it cannot read as 0 or as what it understood, a number as 0: checked first (a test keeps the list whole). */
    static final Set<String> DURATIONS = Set.of("delay", "connecttimeout", "responsetimeout", "requesttimeout",
            "retryinitialdelay", "retrymaxdelay", "maxretryafter", "maxthrottlewait", "idledelay", "maxpollduration",
            "waittimeout", "waitdelay", "timetolive", "fullscaninterval");
    private static final Set<String> NUMBERS = Set.of("pagesize", "maxretries", "maxmessagesperpoll", "maxpagesperpoll");

    @Metadata
    private AzureAvatarConfiguration configuration = new AzureAvatarConfiguration();
    @Metadata(label = "advanced", defaultValue = "0")
    private int requestsPerMinute;

    /** One HTTP client per Azure resource and settings, shared by every endpoint that talks to it. */
    private final Map<ClientSettings, AzureAvatarClient> clients = new ConcurrentHashMap<>();
    /** Throttling, counters and waits per Azure resource, whatever the other settings of its endpoints. */
    private final Map<ClientSettings.ResourceKey, SpeechResource> resources = new ConcurrentHashMap<>();
    /** Which endpoints use which client and resource: the last one to go releases it. */
    private final Set<Lease> leases = new HashSet<>();
    /** Endpoints evicted from Camel's endpoint cache are not stopped: their leases end once they are collected. */
    private final ReferenceQueue<AzureAvatarEndpoint> collected = new ReferenceQueue<>();
    private ScheduledExecutorService deadlines;
    private ScheduledExecutorService waitTimer;
    private ExecutorService waitWalks;
    private ExecutorService waitCompletions;
    private final Map<ClientSettings.ResourceKey, Runnable> meterRemovals = new ConcurrentHashMap<>();

    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            // now, before Camel Main logs its configuration summary (it makes the component first)
            learnSecretNames(camelContext.getCamelContextExtension());
        }
    }

    /** Camel 4.18+ masks additional sensitive keywords (the user's kept) in Main's startup summary and console. */
    private static void learnSecretNames(ExtendedCamelContext extension) {
        try {
            String words = (String) ExtendedCamelContext.class.getMethod("getAdditionalSensitiveKeywords").invoke(extension);
            if (words == null || !words.contains("subscriptionKey")) {
                ExtendedCamelContext.class.getMethod("setAdditionalSensitiveKeywords", String.class).invoke(extension,
                        (words == null || words.isBlank() ? "" : words + ",") + "subscriptionKey,destinationContainerUrl");
            }
        } catch (ReflectiveOperationException e) {
            // Camel 4.14 has no such setting: the docs advise placeholders
        }
    }

    /**
     * The URI with the secret options masked. Camel's sanitizer cannot learn them on 4.14 and masks only the first
     * learnt name of a URI on 4.18 and 4.22 (measured), so the endpoint shows this URI; its identity is the real one.
     */
    static String maskUri(String uri) {
        return uri == null ? null : SECRET_IN_URI.matcher(uri).replaceAll("$1xxxxxx");
    }

    /**
     * Camel wraps any failure to make an endpoint in a message with its URI as given, where it masks one secret option
     * at most and no misspelt one: the failure is rethrown as the one exception Camel passes on as it is, naming the
     * endpoint without its options. The endpoint is validated (initialised) here for that reason too.
     */
    @Override
    public Endpoint createEndpoint(String uri, Map<String, Object> properties) throws Exception {
        try {
            Endpoint endpoint = super.createEndpoint(uri, properties);
            ServiceHelper.initService(endpoint);
            return endpoint;
        } catch (Exception e) {
            throw new NoSuchEndpointException(uri.replaceFirst("\\?.*", ""), "correct its options: "
                                                                             + maskUri(e.getMessage()));
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AzureAvatarEndpoint endpoint = new AzureAvatarEndpoint(maskUri(uri), this, configuration.copy());
        endpoint.identity = uri;
        endpoint.setLabel(remaining);
        parameters.forEach((option, value) -> {
            boolean duration = DURATIONS.contains(option.toLowerCase(Locale.ROOT));
            if ((duration || NUMBERS.contains(option.toLowerCase(Locale.ROOT))) && value instanceof String text
                && !(duration ? isDuration(text.trim()) : text.trim().matches("\\d{1,9}"))) {
                throw new IllegalArgumentException(option + "=" + text + " is not " + (duration
                        ? "a duration such as 60000 (ms), 500ms, 30s, 2m, 1h30m or PT15M" : "a whole number of 0 or more"));
            }
        });
        setProperties(endpoint, parameters);
        return endpoint;
    }

    private static boolean isDuration(String text) {
        try {
            return text.matches("\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?") || !Duration.parse(text).isNegative();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Names only: a misspelt secret option would show its value in Camel's message. */
    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        try {
            super.validateParameters(uri, parameters, optionPrefix);
        } catch (ResolveEndpointFailedException e) {
            throw new IllegalArgumentException("unknown options " + parameters.keySet() + ": check their spelling");
        }
    }

    /**
     * Autowiring asks the generated configurers for each autowired option's type, and tokenCredential's type is
     * azure-core's TokenCredential: without azure-core on the classpath that would fail every endpoint with
     * NoClassDefFoundError. No such bean can exist then, so there is nothing to autowire.
     */
    @Override
    public boolean isAutowiredEnabled() {
        return super.isAutowiredEnabled() && AZURE_CORE_PRESENT;
    }

    /** Whether an optional dependency is on the classpath, without loading the class. */
    static boolean isPresent(String className) {
        try {
            Class.forName(className, false, AzureAvatarComponent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        AzureAvatarConfiguration.atLeast("requestsPerMinute", requestsPerMinute, 0);
        // waits end when the application begins to stop, not after the shutdown timeout they would otherwise hold up
        getCamelContext().addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                resources.values().forEach(resource -> resource.waits().stop(null));
            }
        });
    }

    /** An endpoint's use of a client and a resource, from its start to its stop or, evicted and never stopped, its end. */
    static final class Lease extends WeakReference<AzureAvatarEndpoint> {
        private final ClientSettings settings;

        private Lease(AzureAvatarEndpoint endpoint, ClientSettings settings, ReferenceQueue<AzureAvatarEndpoint> queue) {
            super(endpoint, queue);
            this.settings = settings;
        }
    }

    synchronized Lease acquire(AzureAvatarEndpoint endpoint, ClientSettings settings) {
        releaseCollected();
        Lease lease = new Lease(endpoint, settings, collected);
        leases.add(lease);
        return lease;
    }

    synchronized void release(Lease lease) {
        if (!leases.remove(lease)) {
            return;
        }
        if (leases.stream().noneMatch(other -> other.settings.equals(lease.settings))) {
            Optional.ofNullable(clients.remove(lease.settings)).ifPresent(AzureAvatarClient::close);
        }
        ClientSettings.ResourceKey key = lease.settings.resource();
        if (leases.stream().noneMatch(other -> other.settings.resource().equals(key))) {
            Optional.ofNullable(resources.remove(key)).ifPresent(resource -> resource.waits().stop(null));
            Optional.ofNullable(meterRemovals.remove(key)).ifPresent(Runnable::run);
        }
    }

    private void releaseCollected() {
        for (Reference<?> lease; (lease = collected.poll()) != null;) {
            release((Lease) lease);
        }
    }

    /**
     * Camel's stream caching, on by default, would copy a video whole into memory before the next step: the download's
     * own class goes on its deny list, unless the user allowed that class by name. Nothing else the user set changes.
     * Called with each download: the strategy, started after the endpoints, would fail to add the user's own classes.
     */
    synchronized void keepDownloadsOutOfStreamCache() {
        StreamCachingStrategy strategy = getCamelContext().getStreamCachingStrategy();
        List<Class<?>> denied = new ArrayList<>(Objects.requireNonNullElse(strategy.getDenyClasses(), List.of()));
        if (!denied.contains(BlobDownload.class)
            && !Objects.requireNonNullElse(strategy.getAllowClasses(), List.of()).contains(BlobDownload.class)) {
            denied.add(BlobDownload.class);
            strategy.setDenyClasses(denied.toArray(Class<?>[]::new));
        }
    }

    AzureAvatarClient client(ClientSettings settings) {
        ResourceGuard guard = resource(settings).guard();
        return clients.computeIfAbsent(settings, s -> s.createClient(getCamelContext(), guard, deadlines));
    }

    /** The resource an endpoint with these settings talks to, shared with every other endpoint of it. */
    synchronized SpeechResource resource(ClientSettings settings) {
        return resources.computeIfAbsent(settings.resource(), key -> {
            SpeechResource resource = new SpeechResource(settings.endpoint().toString(),
                    new ResourceGuard(requestsPerMinute),
                    new JobWaits(waitTimer, waitWalks, waitCompletions));
            meterRemovals.put(key, ResourceMeters.register(getCamelContext(), resource));
            return resource;
        });
    }

    /** Every resource in use, for the dev console. */
    synchronized Collection<SpeechResource> resources() {
        releaseCollected();
        return List.copyOf(resources.values());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        // cancels requests that outlive requestTimeout, for every client
        deadlines = executors.newSingleThreadScheduledExecutor(this, "AzureAvatarRequestDeadlines");
        // times the waits of createAndWait exchanges (timeouts, walk starts): quick tasks only, never a request
        waitTimer = executors.newSingleThreadScheduledExecutor(this, "AzureAvatarWaitTimer");
        // walks the job lists for waiting exchanges: one walk at a time per resource, no resource waits for another's
        waitWalks = executors.newCachedThreadPool(this, "AzureAvatarWaits");
        // routes finished waits on: a bounded pool, however many exchanges wait
        waitCompletions = executors.newDefaultThreadPool(this, "AzureAvatarWaitCompletions");
    }

    @Override
    protected void doStop() throws Exception {
        resources.values().forEach(resource -> resource.waits().stop(null));
        clients.values().forEach(AzureAvatarClient::close);
        synchronized (this) {
            clients.clear();
            resources.clear();
            leases.clear();
            meterRemovals.values().forEach(Runnable::run);
            meterRemovals.clear();
            ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
            Stream.of(deadlines, waitTimer, waitWalks).filter(Objects::nonNull).forEach(executors::shutdownNow);
            // the exchanges just failed above are routed there: let them finish
            Optional.ofNullable(waitCompletions).ifPresent(executors::shutdownGraceful);
        }
        super.doStop();
    }

    public AzureAvatarConfiguration getConfiguration() {
        return configuration;
    }

    /** The options every azure-avatar endpoint inherits. */
    public void setConfiguration(AzureAvatarConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    /**
     * A client-side limit on requests a minute to each Azure resource, spaced evenly, for all its consumers and producers
     * in the CamelContext; 0 (the default): none. Azure allows an S0 resource 2 a minute: stay under, not throttled.
     */
    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }
}
