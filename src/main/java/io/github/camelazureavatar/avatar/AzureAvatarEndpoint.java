package io.github.camelazureavatar.avatar;

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

/**
 * Create, watch and download Azure AI Speech text-to-speech avatar batch synthesis jobs. As a consumer it emits one
 * exchange per job and status change; as a producer it creates, gets, lists and deletes jobs and downloads their videos.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "azure-avatar", title = "Azure Avatar Batch Synthesis",
             syntax = "azure-avatar:label", category = { Category.CLOUD, Category.AI },
             headersClass = AzureAvatarConstants.class)
public class AzureAvatarEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** The consumer's delay between polls unless the delay option says otherwise. */
    public static final long DEFAULT_POLL_DELAY_MILLIS = 30_000;

    @UriPath(description = "A free name for this endpoint, such as jobs; the Speech resource is named by the region or "
                           + "endpoint option")
    @Metadata(required = true)
    private String label;
    @UriParam
    private AzureAvatarConfiguration configuration;

    private AzureAvatarClient client;

    public AzureAvatarEndpoint(String uri, AzureAvatarComponent component, AzureAvatarConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        // Camel's 500 ms would be 120 polls a minute against a quota of a few requests a minute; delay still overrides
        setDelay(DEFAULT_POLL_DELAY_MILLIS);
    }

    @Override
    public AzureAvatarComponent getComponent() {
        return (AzureAvatarComponent) super.getComponent();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
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
        if (credentialCount() > 1) {
            // a TokenCredential bean for other Azure components is autowired here too: say how to keep the key
            throw new IllegalArgumentException("azure-avatar takes either a subscriptionKey or a tokenCredential, not "
                                               + "both. A single TokenCredential bean in the registry is used "
                                               + "automatically: to use the key instead, set autowiredEnabled=false on "
                                               + "the azure-avatar component");
        }
        configuration.validate(credentialCount());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getComponent().client(new ClientSettings(
                configuration.resolveEndpoint(), configuration.apiVersion(), createAuth(), configuration.timeouts(),
                configuration.retryPolicy(), configuration.getRequestsPerMinute()));
    }

    private int credentialCount() {
        int count = configuration.getSubscriptionKey() == null || configuration.getSubscriptionKey().isBlank() ? 0 : 1;
        // a plain reference check: the key path must not need azure-core's classes
        Object credential = configuration.getTokenCredential();
        return credential == null ? count : count + 1;
    }

    private AzureAvatarAuth createAuth() {
        if (configuration.getTokenCredential() != null) {
            // TokenCredentialAuth is the only class that needs azure-core; it is loaded only here
            return new TokenCredentialAuth(configuration.getTokenCredential());
        }
        return new SubscriptionKeyAuth(configuration.getSubscriptionKey());
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
