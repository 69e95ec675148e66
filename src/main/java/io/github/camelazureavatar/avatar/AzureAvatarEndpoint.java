package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.client.AzureAvatarAuth;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.RequestCounters;
import io.github.camelazureavatar.avatar.client.SubscriptionKeyAuth;
import io.github.camelazureavatar.avatar.client.TokenCredentialAuth;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Create, watch and download Azure AI Speech text-to-speech avatar batch synthesis jobs. As a consumer it emits one
 * exchange per job and status change; as a producer it creates, gets, lists and deletes jobs and downloads their videos.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "azure-avatar", title = "Azure Avatar Batch Synthesis",
             syntax = "azure-avatar:label", category = { Category.CLOUD, Category.AI },
             headersClass = AzureAvatarConstants.class)
@ManagedResource(description = "Azure avatar endpoint, with the numbers of its Azure resource")
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
        ClientSettings settings = new ClientSettings(configuration.resolveEndpoint(),
                AvatarApiVersion.fromValue(configuration.getApiVersion()), createAuth(), configuration.timeouts(),
                configuration.retryPolicy());
        lease = getComponent().acquire(this, settings);
        resource = getComponent().resource(settings);
        client = getComponent().client(settings);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(deliveries);
        if (lease != null) {
            getComponent().release(lease);
            lease = null;
        }
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

    private AzureAvatarAuth createAuth() {
        if (configuration.getTokenCredential() != null) {
            // TokenCredentialAuth is the only class that needs azure-core; it is loaded only here
            return new TokenCredentialAuth(configuration.getTokenCredential());
        }
        return new SubscriptionKeyAuth(configuration.getSubscriptionKey());
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

    // ---- JMX: the numbers of this endpoint's Azure resource, as the azure-avatar dev console shows them ----------

    @ManagedAttribute(description = "Requests sent to the Azure resource in the last minute, all kinds")
    public long getRequestsLastMinute() {
        return resource == null ? 0
                : Arrays.stream(RequestCounters.Kind.values()).mapToLong(resource.guard().counters()::lastMinute).sum();
    }

    @ManagedAttribute(description = "Requests sent to the Azure resource in the last hour, all kinds")
    public long getRequestsLastHour() {
        return resource == null ? 0
                : Arrays.stream(RequestCounters.Kind.values()).mapToLong(resource.guard().counters()::lastHour).sum();
    }

    @ManagedAttribute(description = "Requests sent to the Azure resource in the last hour, by kind")
    public String getRequestsLastHourByKind() {
        return resource == null ? ""
                : Arrays.stream(RequestCounters.Kind.values())
                        .map(kind -> kind + "=" + resource.guard().counters().lastHour(kind))
                        .collect(Collectors.joining(","));
    }

    @ManagedAttribute(description = "Answers 429 (throttled) from the Azure resource in the last hour")
    public long getThrottledLastHour() {
        return resource == null ? 0 : resource.guard().counters().lastHour(RequestCounters.Event.throttled);
    }

    @ManagedAttribute(description = "Requests to the Azure resource sent again in the last hour")
    public long getRetriesLastHour() {
        return resource == null ? 0 : resource.guard().counters().lastHour(RequestCounters.Event.retried);
    }

    @ManagedAttribute(description = "The client-side rate budget of the Azure resource, requests a minute (0: none)")
    public int getRateBudget() {
        return resource == null ? 0 : resource.guard().requestsPerMinute();
    }

    @ManagedAttribute(description = "The instant before which Azure asked not to be called, if any")
    public String getBlockedUntil() {
        Instant until = resource == null ? null : resource.guard().blockedUntil();
        return until == null ? null : until.toString();
    }

    @ManagedAttribute(description = "createAndWait exchanges waiting on the Azure resource")
    public int getWaitingExchanges() {
        return resource == null ? 0 : resource.waits().waiting();
    }

    @ManagedAttribute(description = "Jobs unsettled (in progress, or not delivered yet) for this endpoint's consumers")
    public int getUnsettledJobs() {
        return resource == null ? 0
                : resource.consumers().stream().filter(c -> c.getEndpoint() == this)
                        .mapToInt(AzureAvatarConsumer::unsettledJobs).sum();
    }

    @ManagedAttribute(description = "When this endpoint's consumer last walked the job list")
    public String getLastPoll() {
        return consumerInstant(AzureAvatarConsumer::lastWalk);
    }

    @ManagedAttribute(description = "About when this endpoint's consumer walks the job list next")
    public String getNextPoll() {
        return consumerInstant(AzureAvatarConsumer::nextWalk);
    }

    private String consumerInstant(Function<AzureAvatarConsumer, Instant> instant) {
        return resource == null ? null
                : resource.consumers().stream().filter(c -> c.getEndpoint() == this).map(instant)
                        .filter(Objects::nonNull).map(Instant::toString).findFirst().orElse(null);
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
