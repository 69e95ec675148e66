package io.github.camelazureavatar.avatar;

import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.client.AzureAvatarAuth;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.SubscriptionKeyAuth;
import io.github.camelazureavatar.avatar.client.TokenCredentialAuth;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Create, watch and download Azure AI Speech text-to-speech avatar batch synthesis jobs. As a consumer it emits one
 * exchange per job and status change; as a producer it creates, gets, lists and deletes jobs and downloads their videos.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "azure-avatar", title = "Azure Avatar Batch Synthesis",
             syntax = "azure-avatar:label", category = { Category.CLOUD, Category.AI },
             headersClass = AzureAvatarConstants.class)
public class AzureAvatarEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** The consumer's delay between polls unless the delay option says otherwise. */
    public static final long DEFAULT_POLL_DELAY_MILLIS = 60_000;

    @UriPath(description = "A free name for this endpoint, such as jobs; the Speech resource is named by the region or "
                           + "endpoint option")
    @Metadata(required = true)
    private String label;
    @UriParam
    private AzureAvatarConfiguration configuration;
    // declared here so that the catalog shows this component's default, not Camel's generic 500 ms
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_POLL_DELAY_MILLIS, javaType = "java.time.Duration")
    private long delay = DEFAULT_POLL_DELAY_MILLIS;

    /** The URI as given, secrets included: the URI this endpoint shows has them masked. */
    String identity;
    private AzureAvatarClient client;
    private SpeechResource resource;
    private AzureAvatarComponent.Lease lease;
    private DeliveryRecord deliveries;

    public AzureAvatarEndpoint(String uri, AzureAvatarComponent component, AzureAvatarConfiguration configuration) {
        super(uri, component);
        this.identity = uri;
        this.configuration = configuration;
        // Camel's 500 ms would be 120 polls a minute against a quota of 2 requests a minute
        setDelay(DEFAULT_POLL_DELAY_MILLIS);
    }

    /**
     * Milliseconds (or a duration such as 2m) between two polls while jobs are in progress (see idleDelay). A quiet poll
     * costs one request, and Azure's quota for batch avatar is 2 requests a minute per S0 resource: the default of a
     * minute leaves room for creates.
     */
    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public AzureAvatarComponent getComponent() {
        return (AzureAvatarComponent) super.getComponent();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (deliveries == null) {
            deliveries = new DeliveryRecord(label, configuration);
        }
        AzureAvatarConsumer consumer = new AzureAvatarConsumer(this, processor);
        configureConsumer(consumer);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        return consumer;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new AzureAvatarProducer(this);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        configuration.validate();
        AzureAvatarConfiguration.atLeast("delay", getDelay(), 1);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SSLContextParameters ssl = configuration.getSslContextParameters() == null
                && configuration.isUseGlobalSslContextParameters()
                ? getCamelContext().getSSLContextParameters() : configuration.getSslContextParameters();
        // TokenCredentialAuth is the only class that needs azure-core; it is loaded only with a credential
        AzureAvatarAuth auth = configuration.getTokenCredential() != null
                ? new TokenCredentialAuth(configuration.getTokenCredential())
                : new SubscriptionKeyAuth(configuration.getSubscriptionKey());
        ClientSettings settings = new ClientSettings(configuration.resolveEndpoint(),
                AvatarApiVersion.fromValue(configuration.getApiVersion()), auth, configuration.wire(), ssl);
        lease = getComponent().acquire(this, settings);
        resource = getComponent().resource(settings);
        client = getComponent().client(settings);
    }

    @Override
    protected void doStop() throws Exception {
        getComponent().release(lease);
        lease = null;
        super.doStop();
    }

    /** Endpoints that differ in a secret are different endpoints (Camel's caches of producers go by equals). */
    @Override
    public boolean equals(Object other) {
        return other instanceof AzureAvatarEndpoint endpoint && identity.equals(endpoint.identity)
               && getCamelContext() == endpoint.getCamelContext();
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    /** What this endpoint's consumers have delivered; kept across route restarts, made by the first consumer. */
    DeliveryRecord deliveries() {
        return deliveries;
    }

    /** The Azure resource this endpoint talks to, as every endpoint of it shares it; available once started. */
    SpeechResource getResource() {
        return resource;
    }

    /** The client of this endpoint's Azure resource; available once the endpoint started. */
    public AzureAvatarClient getClient() {
        return client;
    }

    @Override
    public String getServiceUrl() {
        return configuration.resolveEndpoint().toString();
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    public String getLabel() {
        return label;
    }

    /** A free name for this endpoint. */
    public void setLabel(String label) {
        this.label = label;
    }

    public AzureAvatarConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(AzureAvatarConfiguration configuration) {
        this.configuration = configuration;
    }
}
