package io.github.camelazureavatar.avatar;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.azure.core.credential.TokenCredential;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.client.Wire;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Every option of the azure-avatar component. Each can be set on an endpoint URI and on the component. */
@UriParams
public class AzureAvatarConfiguration implements Cloneable {

    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]{1,40}");

    @UriParam(label = "common")
    private String region;
    @UriParam(label = "common")
    private String endpoint;
    @UriParam(label = "common", defaultValue = "2024-08-01", enums = "2024-08-01,2024-04-15-preview,3.1-preview1")
    private String apiVersion = AvatarApiVersion.V2024_08_01.value();
    @UriParam(label = "security", secret = true)
    private String subscriptionKey;
    // only ever touched by reference here: azure-core is optional, and nothing on the key path may need to load it
    @UriParam(label = "security")
    @Metadata(autowired = true)
    private TokenCredential tokenCredential;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private int proxyPort;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthUsername;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthPassword;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long responseTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long requestTimeout = 30_000;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long retryInitialDelay = 1_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long retryMaxDelay = 30_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long maxRetryAfter = 60_000;
    @UriParam(label = "advanced", defaultValue = "600000", javaType = "java.time.Duration")
    private long maxThrottleWait = 600_000;

    @UriParam(label = "common", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "consumer")
    private String status;
    @UriParam(label = "consumer")
    private boolean skipExisting;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer", defaultValue = "86400000", javaType = "java.time.Duration")
    private long fullScanInterval = 86_400_000;
    @UriParam(label = "consumer,scheduler", defaultValue = "900000", javaType = "java.time.Duration")
    private long idleDelay = 900_000;
    @UriParam(label = "consumer,advanced", defaultValue = "1000")
    private int maxPagesPerPoll = 1000;
    @UriParam(label = "consumer,advanced", defaultValue = "3600000", javaType = "java.time.Duration")
    private long maxPollDuration = 3_600_000;
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository inProgressRepository;

    @UriParam(label = "producer")
    private AzureAvatarOperation operation;
    @UriParam(label = "producer")
    private String jobId;
    @UriParam(label = "producer")
    private boolean allPages;
    @UriParam(label = "producer", secret = true)
    private String destinationContainerUrl;
    @UriParam(label = "producer", defaultValue = "3600000", javaType = "java.time.Duration")
    private long waitTimeout = 3_600_000;
    @UriParam(label = "producer")
    private boolean deleteOnTimeout;
    @UriParam(label = "producer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long waitDelay = 60_000;
    @UriParam(label = "producer")
    private String voice;
    @UriParam(label = "producer")
    private String avatarCharacter;
    @UriParam(label = "producer")
    private String avatarStyle;
    @UriParam(label = "producer,advanced")
    private String videoFormat;
    @UriParam(label = "producer,advanced")
    private String videoCodec;
    @UriParam(label = "producer,advanced")
    private String backgroundColor;
    @UriParam(label = "producer,advanced")
    private String subtitleType;
    @UriParam(label = "producer,advanced", defaultValue = "0", javaType = "java.time.Duration")
    private long timeToLive;

    public String getRegion() {
        return region;
    }

    /** The Azure region of the Speech resource, such as westeurope; endpoint overrides it. */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * The base URL (scheme, host, port) of the Speech resource, overriding region: a custom domain (needed for
     * Entra ID tokens) or the emulator's http://127.0.0.1:8080 (http only on loopback). Credentials go nowhere else.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    /** The API generation: 2024-08-01 (GA), 2024-04-15-preview or 3.1-preview1 (own host, Azure-made ids). */
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getSubscriptionKey() {
        return subscriptionKey;
    }

    /** The Speech resource key, sent to the endpoint only; in URIs use RAW(...) or a property placeholder. */
    public void setSubscriptionKey(String subscriptionKey) {
        this.subscriptionKey = subscriptionKey;
    }

    public TokenCredential getTokenCredential() {
        return tokenCredential;
    }

    /**
     * Microsoft Entra ID credential instead of a subscriptionKey, such as DefaultAzureCredential (needs azure-core
     * and a custom-domain endpoint with the Speech User role). A single such bean is used automatically.
     */
    public void setTokenCredential(TokenCredential tokenCredential) {
        this.tokenCredential = tokenCredential;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** The forward proxy to reach Azure through (the key stays in the https tunnel); else the JVM's settings. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    /** The forward proxy's port. */
    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    /** The user name for the forward proxy (Basic). */
    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    /** The password for the forward proxy. */
    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings (trust store for a private CA or a TLS-inspecting gateway, client key); else the JVM's. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the CamelContext's global SSLContextParameters when sslContextParameters is not set. */
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a TCP connection to Azure, in milliseconds or as a duration such as 10s. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** How long to wait for an answer (or the next packet of a download): a hung Azure fails the poll. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /** The longest one API request may take as a whole (under Camel's 45 s shutdown timeout); 0 for no limit. */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How often a request is sent again after 429, 500, 502, 503, 504 or a broken connection; a create only after
     * 429 or 503, when Azure surely did not act. 0 turns retries off.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /** The pause before the first retry when Azure did not say how long to wait; it doubles, with jitter, each time. */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /** The longest pause between retries that the component chooses by itself. */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The longest Retry-After (or X-RateLimit-Reset) a request sits out before retrying. A longer one fails it at
     * once and blocks the resource until then (at most maxThrottleWait): polls fail fast instead of hanging.
     */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getMaxThrottleWait() {
        return maxThrottleWait;
    }

    /** The longest a resource stays blocked after Azure asked to wait (a longer or unreadable wait: this). */
    public void setMaxThrottleWait(long maxThrottleWait) {
        this.maxThrottleWait = maxThrottleWait;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Jobs per list request (consumer and list operation), 1 to 100 (Azure's maximum, the default). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getStatus() {
        return status;
    }

    /** Only emit jobs in these statuses, such as Succeeded,Failed; empty (the default) emits every status change. */
    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isSkipExisting() {
        return skipExisting;
    }

    /**
     * When true, the first poll records the jobs it lists as delivered without emitting them, and a mark that it did so:
     * after a restart on a persistent repository, which keeps the mark, changes meanwhile are emitted.
     */
    public void setSkipExisting(boolean skipExisting) {
        this.skipExisting = skipExisting;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** The most exchanges one poll emits; the rest come in the next polls. 0 (the default) emits every change. */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public long getFullScanInterval() {
        return fullScanInterval;
    }

    /**
     * Incremental polling: a poll stops paging at the first list page that ends with a job an earlier walk listed,
     * created before the oldest job still in progress. Azure lists newest first (the consumer checks it on every page,
     * and reads the whole list while it does not hold) and a finished job never changes, so nothing below that page can
     * be news: a quiet poll over 10 000 jobs reads 1 page instead of 100. The first poll, and then the first walk once
     * this long (2h, 24h...) passed since the last whole walk, resting included, reads the whole list anyway: a safety
     * net for the unusual, and how the record learns which jobs Azure no longer lists. A whole list costs a request per
     * 100 jobs. 0 reads the whole list on every poll.
     */
    public void setFullScanInterval(long fullScanInterval) {
        this.fullScanInterval = fullScanInterval;
    }

    public long getIdleDelay() {
        return idleDelay;
    }

    /**
     * The delay between walks while nothing is in progress (no job running or undelivered, no wait, no create
     * since the last walk): jobs created elsewhere are found within it. Not above delay turns resting off.
     */
    public void setIdleDelay(long idleDelay) {
        this.idleDelay = idleDelay;
    }

    public int getMaxPagesPerPoll() {
        return maxPagesPerPoll;
    }

    /** The most list pages one poll reads; reaching it fails the poll with a WARN (against endless next links). */
    public void setMaxPagesPerPoll(int maxPagesPerPoll) {
        this.maxPagesPerPoll = maxPagesPerPoll;
    }

    public long getMaxPollDuration() {
        return maxPollDuration;
    }

    /** The longest one poll may walk the list, such as 30m; reaching it ends the walk as maxPagesPerPoll does. */
    public void setMaxPollDuration(long maxPollDuration) {
        this.maxPollDuration = maxPollDuration;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Remembers the delivered (job, status) pairs, keys label(statuses)/jobId/created/status, added once the exchange
     * succeeded. Default: in memory per endpoint, the keys of every job the list still shows; a persistent one
     * survives restarts, a shared one serves instances.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public IdempotentRepository getInProgressRepository() {
        return inProgressRepository;
    }

    /** Holds the keys of exchanges still routed, so a slow route gets no change twice (default: in memory). */
    public void setInProgressRepository(IdempotentRepository inProgressRepository) {
        this.inProgressRepository = inProgressRepository;
    }

    public AzureAvatarOperation getOperation() {
        return operation;
    }

    /**
     * create, createAndWait, get, list, delete, downloadResult or downloadSummary. createAndWait completes once
     * the job finished (Failed: AzureAvatarJobFailedException), holding no thread. Header CamelAzureAvatarOperation.
     */
    public void setOperation(AzureAvatarOperation operation) {
        this.operation = operation;
    }

    public String getJobId() {
        return jobId;
    }

    /** The job to get, delete or download, or a create's id (2024); the header CamelAzureAvatarJobId overrides it. */
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public boolean isAllPages() {
        return allPages;
    }

    /** Whether list reads every page, not one; the header CamelAzureAvatarAllPages overrides it. */
    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public String getDestinationContainerUrl() {
        return destinationContainerUrl;
    }

    /**
     * The SAS URL (read, list) of your container where jobs wrote their files: downloadResult and downloadSummary
     * read them there with it. The exchange property CamelAzureAvatarDestinationContainerUrl overrides it. A secret.
     */
    public void setDestinationContainerUrl(String destinationContainerUrl) {
        this.destinationContainerUrl = destinationContainerUrl;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    /** (createAndWait) How long to wait for the job, such as 2h, before an ExchangeTimedOutException; 0: no limit. */
    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public boolean isDeleteOnTimeout() {
        return deleteOnTimeout;
    }

    /** (createAndWait) Whether a job whose wait timed out is deleted once it finished (the application must run). */
    public void setDeleteOnTimeout(boolean deleteOnTimeout) {
        this.deleteOnTimeout = deleteOnTimeout;
    }

    public long getWaitDelay() {
        return waitDelay;
    }

    /** (createAndWait) The longest a waiting job goes unlisted before the waits walk the list, such as 2m. */
    public void setWaitDelay(long waitDelay) {
        this.waitDelay = waitDelay;
    }

    public String getVoice() {
        return voice;
    }

    /** (create, text body) The neural voice of a plain-text body, such as en-US-AvaMultilingualNeural. */
    public void setVoice(String voice) {
        this.voice = voice;
    }

    public String getAvatarCharacter() {
        return avatarCharacter;
    }

    /** (create, text body) The avatar character, for example lisa. */
    public void setAvatarCharacter(String avatarCharacter) {
        this.avatarCharacter = avatarCharacter;
    }

    public String getAvatarStyle() {
        return avatarStyle;
    }

    /** (create, text body) The avatar's style, for example casual-sitting; a standard avatar needs one. */
    public void setAvatarStyle(String avatarStyle) {
        this.avatarStyle = avatarStyle;
    }

    public String getVideoFormat() {
        return videoFormat;
    }

    /** (create, text body) mp4 (Azure's default) or webm. */
    public void setVideoFormat(String videoFormat) {
        this.videoFormat = videoFormat;
    }

    public String getVideoCodec() {
        return videoCodec;
    }

    /** (create, text body) h264, hevc (Azure's default), vp9 or av1 (2024 generations). */
    public void setVideoCodec(String videoCodec) {
        this.videoCodec = videoCodec;
    }

    public String getBackgroundColor() {
        return backgroundColor;
    }

    /** (create, text body) The background as #RRGGBBAA, or transparent (with webm and vp9). */
    public void setBackgroundColor(String backgroundColor) {
        this.backgroundColor = backgroundColor;
    }

    public String getSubtitleType() {
        return subtitleType;
    }

    /** (create, text body) external_file, soft_embedded (Azure's default), hard_embedded or none. */
    public void setSubtitleType(String subtitleType) {
        this.subtitleType = subtitleType;
    }

    public long getTimeToLive() {
        return timeToLive;
    }

    /** (create, text body) How long Azure keeps a finished job, such as 48h: 1 to 744 hours; 0: Azure's 31 days. */
    public void setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
    }

    /** The job a text body asks for: the text as the one input (SSML when it is one), settings from these options. */
    public AvatarSynthesisRequest requestFor(String text) {
        String trimmed = text.strip();
        boolean ssml = trimmed.startsWith("<") && trimmed.contains("<speak");
        AvatarSynthesisRequest.Builder request = AvatarSynthesisRequest.builder()
                .avatar(avatarCharacter, avatarStyle).avatarConfig("videoFormat", videoFormat)
                .avatarConfig("videoCodec", videoCodec).avatarConfig("backgroundColor", backgroundColor)
                .avatarConfig("subtitleType", subtitleType)
                .destinationContainerUrl(destinationContainerUrl);
        if (timeToLive > 0) {
            request.timeToLive(Duration.ofMillis(timeToLive));
        }
        // SSML names its voice itself
        return (ssml ? request.ssml(text) : request.voice(voice).text(text)).build();
    }

    /** How requests go out: timeouts, retries, proxy. */
    public Wire wire() {
        return new Wire(Duration.ofMillis(connectTimeout), Duration.ofMillis(responseTimeout),
                Duration.ofMillis(requestTimeout), maxRetries, Duration.ofMillis(retryInitialDelay),
                Duration.ofMillis(retryMaxDelay), Duration.ofMillis(maxRetryAfter), Duration.ofMillis(maxThrottleWait),
                proxyHost == null || proxyHost.isBlank() ? null : proxyHost.trim(), proxyPort, proxyAuthUsername,
                proxyAuthPassword);
    }

    /** The origin requests go to: {@code endpoint}, or the chosen generation's public endpoint in {@code region}. */
    public URI resolveEndpoint() {
        if (endpoint != null && !endpoint.isBlank()) {
            URI uri = URI.create(endpoint.trim());
            String path = uri.getPath() == null ? "" : uri.getPath();
            return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path.replaceAll("/+$", ""));
        }
        return AvatarApiVersion.fromValue(apiVersion).regionalEndpoint(region);
    }

    /** The statuses the consumer emits; empty means all. */
    public Set<JobStatus> statusFilter() {
        return JobStatus.parseList(status);
    }

    /** Fails with a message naming the option when the configuration cannot work, before any request is sent. */
    public void validate() {
        boolean hasKey = subscriptionKey != null && !subscriptionKey.isBlank();
        // a plain reference check: the key path must not need azure-core's classes
        Object credential = tokenCredential;
        if (!hasKey && credential == null) {
            throw new IllegalArgumentException(
                    "azure-avatar needs the Speech resource's subscriptionKey (or a tokenCredential for Microsoft Entra ID)");
        }
        if (hasKey && credential != null) {
            // a TokenCredential bean for other Azure components is autowired here too: say how to keep the key
            throw new IllegalArgumentException("azure-avatar takes either a subscriptionKey or a tokenCredential, not "
                                               + "both. A single TokenCredential bean in the registry is used "
                                               + "automatically: to use the key instead, set autowiredEnabled=false on "
                                               + "the azure-avatar component");
        }
        AvatarApiVersion.fromValue(apiVersion);
        if (endpoint == null || endpoint.isBlank()) {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("azure-avatar needs a region (such as westeurope) or an endpoint");
            }
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("region '" + region
                                                   + "' is not an Azure region name such as westeurope or eastus2; "
                                                   + "use the endpoint option for a full URL");
            }
        } else {
            validateEndpoint();
        }
        requireValidPageSize(pageSize, "pageSize");
        atLeast("maxRetries", maxRetries, 0);
        atLeast("connectTimeout", connectTimeout, 1);
        atLeast("responseTimeout", responseTimeout, 1);
        atLeast("requestTimeout", requestTimeout, 0);
        atLeast("idleDelay", idleDelay, 0);
        atLeast("waitTimeout", waitTimeout, 0);
        atLeast("waitDelay", waitDelay, 1);
        atLeast("maxPagesPerPoll", maxPagesPerPoll, 1);
        atLeast("maxPollDuration", maxPollDuration, 1);
        atLeast("maxThrottleWait", maxThrottleWait, 0);
        atLeast("maxMessagesPerPoll", maxMessagesPerPoll, 0);
        atLeast("fullScanInterval", fullScanInterval, 0);
        statusFilter();
        if (proxyHost != null && !proxyHost.isBlank() && (proxyPort < 1 || proxyPort > 65535)) {
            throw new IllegalArgumentException("proxyPort must be from 1 to 65535 with proxyHost, not " + proxyPort);
        }
    }

    static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be " + (least == 0 ? "0 or more" : "positive") + ", not " + value);
        }
    }

    /** Azure pages hold 1 to 100 jobs: for the option and the producer's header alike. */
    static int requireValidPageSize(int pageSize, String subject) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException(subject + " must be from 1 to 100 (Azure's maximum), not " + pageSize);
        }
        return pageSize;
    }

    private void validateEndpoint() {
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' must be an absolute https URL");
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("endpoint must be scheme, host and port only, without query or user info");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("endpoint '" + uri.getScheme() + "://" + uri.getHost()
                                               + "' uses plain http, which would send the key unencrypted; "
                                               + "http is accepted only on loopback (the emulator)");
        }
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name could resolve anywhere: only literal addresses count
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public AzureAvatarConfiguration copy() {
        try {
            return (AzureAvatarConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
