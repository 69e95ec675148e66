package io.github.camelazureavatar.avatar;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.ResourceGuard;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.LifecycleStrategySupport;

/** The azure-avatar component: Azure AI Speech text-to-speech avatar batch synthesis jobs as events and operations. */
@Component("azure-avatar")
public class AzureAvatarComponent extends HealthCheckComponent {

    private static final boolean AZURE_CORE_PRESENT = azureCorePresent();

    @Metadata
    private AzureAvatarConfiguration configuration = new AzureAvatarConfiguration();
    @Metadata(label = "advanced")
    private int requestsPerMinute;

    /** One HTTP client per Azure resource and settings, shared by every endpoint that talks to it. */
    private final Map<ClientSettings, AzureAvatarClient> clients = new ConcurrentHashMap<>();
    /** Throttling, counters and waits per Azure resource, whatever the other settings of its endpoints. */
    private final Map<ClientSettings.ResourceKey, SpeechResource> resources = new ConcurrentHashMap<>();
    private ScheduledExecutorService deadlines;
    private ScheduledExecutorService waitWalks;
    private ExecutorService waitCompletions;
    private boolean stoppingWaitsOnContextStop;
    private final List<Runnable> meterRemovals = new CopyOnWriteArrayList<>();

    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            // now, before Camel Main logs its configuration summary (it makes the component first)
            SensitiveOptions.register(camelContext);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        // the endpoint shows its URI with the secrets masked: Camel 4.14 cannot learn their names, and 4.22's sanitizer
        // masks only the first learnt name in a URI
        AzureAvatarEndpoint endpoint = new AzureAvatarEndpoint(SensitiveOptions.maskUri(uri), this, configuration.copy());
        endpoint.setLabel(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
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

    private static boolean azureCorePresent() {
        return isPresent("com.azure.core.credential.TokenCredential");
    }

    /** Whether an optional or provided dependency is on the classpath, without loading the class. */
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
        // provided dependencies: without them the first endpoint would fail with a bare NoClassDefFoundError
        if (!isPresent("org.apache.hc.client5.http.impl.classic.HttpClients")
                || !isPresent("com.fasterxml.jackson.databind.JsonNode")) {
            throw new IllegalStateException("The azure-avatar component needs camel-http and camel-jackson (Apache "
                                            + "HttpClient 5 and Jackson): add them to the application, as "
                                            + "--dep=camel:http --dep=camel:jackson to camel run, or use "
                                            + "camel-azure-avatar-starter on Spring Boot");
        }
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be 0 (no limit) or more, not " + requestsPerMinute);
        }
    }

    AzureAvatarClient client(ClientSettings settings) {
        ResourceGuard guard = resource(settings).guard();
        return clients.computeIfAbsent(settings, s -> s.createClient(getCamelContext(), guard, deadlines()));
    }

    /** The resource an endpoint with these settings talks to, shared with every other endpoint of it. */
    synchronized SpeechResource resource(ClientSettings settings) {
        if (!stoppingWaitsOnContextStop) {
            // waits end when the application begins to stop, not after the shutdown timeout they would otherwise hold up
            getCamelContext().addLifecycleStrategy(new LifecycleStrategySupport() {
                @Override
                public void onContextStopping(CamelContext context) {
                    resources.values().forEach(resource -> resource.waits().stop(null));
                }
            });
            stoppingWaitsOnContextStop = true;
        }
        return resources.computeIfAbsent(settings.resource(), key -> {
            SpeechResource resource = new SpeechResource(settings.endpoint().toString(),
                    new ResourceGuard(requestsPerMinute),
                    new JobWaits(settings.endpoint().toString(), waitWalks(), waitCompletions()));
            meterRemovals.add(ResourceMeters.register(getCamelContext(), resource));
            return resource;
        });
    }

    /** Every resource in use, for the dev console. */
    Collection<SpeechResource> resources() {
        return resources.values();
    }

    /** Cancels requests that outlive requestTimeout: one thread for every client, made when the first client is. */
    private synchronized ScheduledExecutorService deadlines() {
        if (deadlines == null) {
            deadlines = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "AzureAvatarRequestDeadlines");
        }
        return deadlines;
    }

    /** Walks the job lists for waiting createAndWait exchanges: one thread for every resource. */
    private synchronized ScheduledExecutorService waitWalks() {
        if (waitWalks == null) {
            waitWalks = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "AzureAvatarWaits");
        }
        return waitWalks;
    }

    /** Routes finished waits on: a bounded pool, however many exchanges wait. */
    private synchronized ExecutorService waitCompletions() {
        if (waitCompletions == null) {
            waitCompletions = getCamelContext().getExecutorServiceManager()
                    .newDefaultThreadPool(this, "AzureAvatarWaitCompletions");
        }
        return waitCompletions;
    }

    @Override
    protected void doStop() throws Exception {
        resources.values().forEach(resource -> resource.waits().stop(null));
        clients.values().forEach(AzureAvatarClient::close);
        clients.clear();
        resources.clear();
        meterRemovals.forEach(Runnable::run);
        meterRemovals.clear();
        synchronized (this) {
            for (ExecutorService executor : new ExecutorService[] { deadlines, waitWalks }) {
                if (executor != null) {
                    getCamelContext().getExecutorServiceManager().shutdownNow(executor);
                }
            }
            if (waitCompletions != null) {
                // the exchanges just failed above are routed there: let them finish
                getCamelContext().getExecutorServiceManager().shutdownGraceful(waitCompletions);
            }
            deadlines = null;
            waitWalks = null;
            waitCompletions = null;
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
     * A client-side limit on requests per minute to each Azure resource (endpoint and credential), shared by every
     * consumer and producer of that resource in the CamelContext; requests are spaced evenly. 0 (the default) sets no
     * limit. Azure's quota for batch avatar is low (2 requests a minute per S0 resource on its quotas page): set it to
     * stay under instead of running into throttling.
     */
    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }
}
