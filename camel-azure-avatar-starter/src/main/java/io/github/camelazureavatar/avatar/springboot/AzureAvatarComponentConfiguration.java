package io.github.camelazureavatar.avatar.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the azure-avatar component, bound from camel.component.azure-avatar.*. Made from the
 * component's catalog by ConfigurationClassTest: do not edit.
 */
@ConfigurationProperties(prefix = "camel.component.azure-avatar")
public class AzureAvatarComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the azure-avatar component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * The API generation: 2024-08-01 (GA), 2024-04-15-preview or 3.1-preview1 (own host, Azure-made ids).
     */
    private String apiVersion;

    /**
     * The base URL (scheme, host, port) of the Speech resource, overriding region: a custom domain (needed for Entra ID
     * tokens) or the emulator's http://127.0.0.1:8080 (http only on loopback). Credentials go nowhere else.
     */
    private String endpoint;

    /**
     * Jobs per list request (consumer and list operation), 1 to 100 (Azure's maximum, the default).
     */
    private Integer pageSize;

    /**
     * The Azure region of the Speech resource, such as westeurope; endpoint overrides it.
     */
    private String region;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * Incremental polling: a poll stops paging at the first list page that ends with a job an earlier walk listed,
     * created before the oldest job still in progress. Azure lists newest first (the consumer checks it on every page,
     * and reads the whole list while it does not hold) and a finished job never changes, so nothing below that page can
     * be news: a quiet poll over 10 000 jobs reads 1 page instead of 100. The first poll, and then the first walk once
     * this long (2h, 24h...) passed since the last whole walk, resting included, reads the whole list anyway: a safety
     * net for the unusual, and how the record learns which jobs Azure no longer lists. A whole list costs a request per
     * 100 jobs. 0 reads the whole list on every poll. In milliseconds, or a duration such as 30s or 2m.
     */
    private String fullScanInterval;

    /**
     * The most exchanges one poll emits; the rest come in the next polls. 0 (the default) emits every change.
     */
    private Integer maxMessagesPerPoll;

    /**
     * When true, the first poll records the jobs it lists as delivered without emitting them, and a mark that it did
     * so: after a restart on a persistent repository, which keeps the mark, changes meanwhile are emitted.
     */
    private Boolean skipExisting;

    /**
     * Only emit jobs in these statuses, such as Succeeded,Failed; empty (the default) emits every status change.
     */
    private String status;

    /**
     * Remembers the delivered (job, status) pairs, keys label(statuses)/jobId/created/status, added once the exchange
     * succeeded. Default: in memory per endpoint, the keys of every job the list still shows; a persistent one survives
     * restarts, a shared one serves instances. Set a bean reference such as #bean:myBean
     * (org.apache.camel.spi.IdempotentRepository).
     */
    private String idempotentRepository;

    /**
     * Holds the keys of exchanges still routed, so a slow route gets no change twice (default: in memory). Set a bean
     * reference such as #bean:myBean (org.apache.camel.spi.IdempotentRepository).
     */
    private String inProgressRepository;

    /**
     * The most list pages one poll reads; reaching it fails the poll with a WARN (against endless next links).
     */
    private Integer maxPagesPerPoll;

    /**
     * The longest one poll may walk the list, such as 30m; reaching it ends the walk as maxPagesPerPoll does. In
     * milliseconds, or a duration such as 30s or 2m.
     */
    private String maxPollDuration;

    /**
     * Whether list reads every page, not one; the header CamelAzureAvatarAllPages overrides it.
     */
    private Boolean allPages;

    /**
     * (create, text body) The avatar character, for example lisa.
     */
    private String avatarCharacter;

    /**
     * (create, text body) The avatar's style, for example casual-sitting; a standard avatar needs one.
     */
    private String avatarStyle;

    /**
     * (createAndWait) Whether a job whose wait timed out is deleted once it finished (the application must run).
     */
    private Boolean deleteOnTimeout;

    /**
     * The SAS URL (read, list) of your container where jobs wrote their files: downloadResult and downloadSummary read
     * them there with it. The exchange property CamelAzureAvatarDestinationContainerUrl overrides it. A secret.
     */
    private String destinationContainerUrl;

    /**
     * The job to get, delete or download, or a create's id (2024); the header CamelAzureAvatarJobId overrides it.
     */
    private String jobId;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;

    /**
     * create, createAndWait, get, list, delete, downloadResult or downloadSummary. createAndWait completes once the job
     * finished (Failed: AzureAvatarJobFailedException), holding no thread. Header CamelAzureAvatarOperation.
     */
    private io.github.camelazureavatar.avatar.AzureAvatarOperation operation;

    /**
     * (create, text body) The neural voice of a plain-text body, such as en-US-AvaMultilingualNeural.
     */
    private String voice;

    /**
     * (createAndWait) How long to wait for the job, such as 2h, before an ExchangeTimedOutException; 0: no limit. In
     * milliseconds, or a duration such as 30s or 2m.
     */
    private String waitTimeout;

    /**
     * (create, text body) The background as #RRGGBBAA, or transparent (with webm and vp9).
     */
    private String backgroundColor;

    /**
     * (create, text body) external_file, soft_embedded (Azure's default), hard_embedded or none.
     */
    private String subtitleType;

    /**
     * (create, text body) How long Azure keeps a finished job, such as 48h: 1 to 744 hours; 0: Azure's 31 days. In
     * milliseconds, or a duration such as 30s or 2m.
     */
    private String timeToLive;

    /**
     * (create, text body) h264, hevc (Azure's default), vp9 or av1 (2024 generations).
     */
    private String videoCodec;

    /**
     * (create, text body) mp4 (Azure's default) or webm.
     */
    private String videoFormat;

    /**
     * (createAndWait) The longest a waiting job goes unlisted before the waits walk the list, such as 2m. In
     * milliseconds, or a duration such as 30s or 2m.
     */
    private String waitDelay;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * How long to wait for a TCP connection to Azure, in milliseconds or as a duration such as 10s. In milliseconds, or
     * a duration such as 30s or 2m.
     */
    private String connectTimeout;

    /**
     * How often a request is sent again after 429, 500, 502, 503, 504 or a broken connection; a create only after 429
     * or 503, when Azure surely did not act. 0 turns retries off.
     */
    private Integer maxRetries;

    /**
     * The longest Retry-After (or X-RateLimit-Reset) a request sits out before retrying. A longer one fails it at once
     * and blocks the resource until then (at most maxThrottleWait): polls fail fast instead of hanging. In
     * milliseconds, or a duration such as 30s or 2m.
     */
    private String maxRetryAfter;

    /**
     * The longest a resource stays blocked after Azure asked to wait (a longer or unreadable wait: this). In
     * milliseconds, or a duration such as 30s or 2m.
     */
    private String maxThrottleWait;

    /**
     * A client-side limit on requests a minute to each Azure resource, spaced evenly, for all its consumers and
     * producers in the CamelContext; 0 (the default): none. Azure allows an S0 resource 2 a minute: stay under, not
     * throttled.
     */
    private Integer requestsPerMinute;

    /**
     * The longest one API request may take as a whole (under Camel's 45 s shutdown timeout); 0 for no limit. In
     * milliseconds, or a duration such as 30s or 2m.
     */
    private String requestTimeout;

    /**
     * How long to wait for an answer (or the next packet of a download): a hung Azure fails the poll. In milliseconds,
     * or a duration such as 30s or 2m.
     */
    private String responseTimeout;

    /**
     * The pause before the first retry when Azure did not say how long to wait; it doubles, with jitter, each time. In
     * milliseconds, or a duration such as 30s or 2m.
     */
    private String retryInitialDelay;

    /**
     * The longest pause between retries that the component chooses by itself. In milliseconds, or a duration such as
     * 30s or 2m.
     */
    private String retryMaxDelay;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * The forward proxy to reach Azure through (the key stays in the https tunnel); else the JVM's settings.
     */
    private String proxyHost;

    /**
     * The forward proxy's port.
     */
    private Integer proxyPort;

    /**
     * The delay between walks while nothing is in progress (no job running or undelivered, no wait, no create since the
     * last walk): jobs created elsewhere are found within it. Not above delay turns resting off. In milliseconds, or a
     * duration such as 30s or 2m.
     */
    private String idleDelay;

    /**
     * The password for the forward proxy.
     */
    private String proxyAuthPassword;

    /**
     * The user name for the forward proxy (Basic).
     */
    private String proxyAuthUsername;

    /**
     * TLS settings (trust store for a private CA or a TLS-inspecting gateway, client key); else the JVM's.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * The Speech resource key, sent to the endpoint only; in URIs use RAW(...) or a property placeholder.
     */
    private String subscriptionKey;

    /**
     * Microsoft Entra ID credential instead of a subscriptionKey, such as DefaultAzureCredential (needs azure-core and
     * a custom-domain endpoint with the Speech User role). A single such bean is used automatically. Set a bean
     * reference such as #bean:myBean (com.azure.core.credential.TokenCredential).
     */
    private String tokenCredential;

    /**
     * Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.
     */
    private Boolean useGlobalSslContextParameters;

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getFullScanInterval() {
        return fullScanInterval;
    }

    public void setFullScanInterval(String fullScanInterval) {
        this.fullScanInterval = fullScanInterval;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Boolean getSkipExisting() {
        return skipExisting;
    }

    public void setSkipExisting(Boolean skipExisting) {
        this.skipExisting = skipExisting;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(String idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getInProgressRepository() {
        return inProgressRepository;
    }

    public void setInProgressRepository(String inProgressRepository) {
        this.inProgressRepository = inProgressRepository;
    }

    public Integer getMaxPagesPerPoll() {
        return maxPagesPerPoll;
    }

    public void setMaxPagesPerPoll(Integer maxPagesPerPoll) {
        this.maxPagesPerPoll = maxPagesPerPoll;
    }

    public String getMaxPollDuration() {
        return maxPollDuration;
    }

    public void setMaxPollDuration(String maxPollDuration) {
        this.maxPollDuration = maxPollDuration;
    }

    public Boolean getAllPages() {
        return allPages;
    }

    public void setAllPages(Boolean allPages) {
        this.allPages = allPages;
    }

    public String getAvatarCharacter() {
        return avatarCharacter;
    }

    public void setAvatarCharacter(String avatarCharacter) {
        this.avatarCharacter = avatarCharacter;
    }

    public String getAvatarStyle() {
        return avatarStyle;
    }

    public void setAvatarStyle(String avatarStyle) {
        this.avatarStyle = avatarStyle;
    }

    public Boolean getDeleteOnTimeout() {
        return deleteOnTimeout;
    }

    public void setDeleteOnTimeout(Boolean deleteOnTimeout) {
        this.deleteOnTimeout = deleteOnTimeout;
    }

    public String getDestinationContainerUrl() {
        return destinationContainerUrl;
    }

    public void setDestinationContainerUrl(String destinationContainerUrl) {
        this.destinationContainerUrl = destinationContainerUrl;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public io.github.camelazureavatar.avatar.AzureAvatarOperation getOperation() {
        return operation;
    }

    public void setOperation(io.github.camelazureavatar.avatar.AzureAvatarOperation operation) {
        this.operation = operation;
    }

    public String getVoice() {
        return voice;
    }

    public void setVoice(String voice) {
        this.voice = voice;
    }

    public String getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(String waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public String getBackgroundColor() {
        return backgroundColor;
    }

    public void setBackgroundColor(String backgroundColor) {
        this.backgroundColor = backgroundColor;
    }

    public String getSubtitleType() {
        return subtitleType;
    }

    public void setSubtitleType(String subtitleType) {
        this.subtitleType = subtitleType;
    }

    public String getTimeToLive() {
        return timeToLive;
    }

    public void setTimeToLive(String timeToLive) {
        this.timeToLive = timeToLive;
    }

    public String getVideoCodec() {
        return videoCodec;
    }

    public void setVideoCodec(String videoCodec) {
        this.videoCodec = videoCodec;
    }

    public String getVideoFormat() {
        return videoFormat;
    }

    public void setVideoFormat(String videoFormat) {
        this.videoFormat = videoFormat;
    }

    public String getWaitDelay() {
        return waitDelay;
    }

    public void setWaitDelay(String waitDelay) {
        this.waitDelay = waitDelay;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(String maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public String getMaxThrottleWait() {
        return maxThrottleWait;
    }

    public void setMaxThrottleWait(String maxThrottleWait) {
        this.maxThrottleWait = maxThrottleWait;
    }

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public String getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(String requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(String responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(String retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public String getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(String retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getIdleDelay() {
        return idleDelay;
    }

    public void setIdleDelay(String idleDelay) {
        this.idleDelay = idleDelay;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getSubscriptionKey() {
        return subscriptionKey;
    }

    public void setSubscriptionKey(String subscriptionKey) {
        this.subscriptionKey = subscriptionKey;
    }

    public String getTokenCredential() {
        return tokenCredential;
    }

    public void setTokenCredential(String tokenCredential) {
        this.tokenCredential = tokenCredential;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
