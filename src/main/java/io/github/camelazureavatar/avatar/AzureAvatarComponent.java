package io.github.camelazureavatar.avatar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.ResourceGuard;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The azure-avatar component: Azure AI Speech text-to-speech avatar batch synthesis jobs as events and operations. */
@Component("azure-avatar")
public class AzureAvatarComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarComponent.class);
    private static final boolean AZURE_CORE_PRESENT = azureCorePresent();

    static {
        // Camel's sanitizer does not know this name: without it the key shows in endpoint URIs, logs and health details
        URISupport.addSanitizeKeywords("subscriptionKey");
    }

    @Metadata
    private AzureAvatarConfiguration configuration = new AzureAvatarConfiguration();
    @Metadata(label = "advanced")
    private int requestsPerMinute;

    /** One HTTP client per Azure resource and settings, shared by every endpoint that talks to it. */
    private final Map<ClientSettings, AzureAvatarClient> clients = new ConcurrentHashMap<>();
    /** Throttling state and rate limit per Azure resource, whatever the other settings of its endpoints. */
    private final Map<ClientSettings.ResourceKey, ResourceGuard> guards = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AzureAvatarEndpoint endpoint = new AzureAvatarEndpoint(uri, this, configuration.copy());
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
        if (!URISupport.sanitizeUri("azure-avatar:x?subscriptionKey=secret").contains("xxxxxx")) {
            // camel.main.additionalSensitiveKeywords replaced our keyword; overwriting theirs would be as wrong
            LOG.warn("subscriptionKey is not masked in endpoint URIs: add it to camel.main.additionalSensitiveKeywords");
        }
    }

    AzureAvatarClient client(ClientSettings settings) {
        ResourceGuard guard = guards.computeIfAbsent(settings.resource(), key -> new ResourceGuard(requestsPerMinute));
        return clients.computeIfAbsent(settings, s -> s.createClient(guard));
    }

    @Override
    protected void doStop() throws Exception {
        clients.values().forEach(AzureAvatarClient::close);
        clients.clear();
        guards.clear();
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
