package io.github.camelazureavatar.avatar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.ResourceGuard;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

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
    /** Throttling state and rate limit per Azure resource, whatever the other settings of its endpoints. */
    private final Map<ClientSettings.ResourceKey, ResourceGuard> guards = new ConcurrentHashMap<>();
    private ScheduledExecutorService deadlines;

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
        try {
            Class.forName("com.azure.core.credential.TokenCredential", false, AzureAvatarComponent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be 0 (no limit) or more, not " + requestsPerMinute);
        }
    }

    AzureAvatarClient client(ClientSettings settings) {
        ResourceGuard guard = guards.computeIfAbsent(settings.resource(), key -> new ResourceGuard(requestsPerMinute));
        return clients.computeIfAbsent(settings, s -> s.createClient(guard, deadlines()));
    }

    /** Cancels requests that outlive requestTimeout: one thread for every client, made when the first client is. */
    private synchronized ScheduledExecutorService deadlines() {
        if (deadlines == null) {
            deadlines = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "AzureAvatarRequestDeadlines");
        }
        return deadlines;
    }

    @Override
    protected void doStop() throws Exception {
        clients.values().forEach(AzureAvatarClient::close);
        clients.clear();
        guards.clear();
        synchronized (this) {
            if (deadlines != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(deadlines);
                deadlines = null;
            }
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
