package io.github.camelazureavatar.avatar.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.api.AvatarApiDialect;
import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisError;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.SecretMasking;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks to Azure: every request of the consumer and the producer goes through here, so auth,
 * origin pinning, timeouts and error mapping hold everywhere. Credentials are sent only to the configured endpoint's
 * origin; blob downloads go out bare, authorised by their SAS signature alone.
 */
public final class AzureAvatarClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarClient.class);

    /** Far above any real answer (a page of 100 jobs is about 200 KB), far below what hurts a heap. */
    static final int MAX_API_RESPONSE_BYTES = 32 * 1024 * 1024;

    /** For callers that wait as long as the request needs, such as the producer. */
    public static final BooleanSupplier ALWAYS = () -> true;

    private final AvatarApiDialect dialect;
    private final Origin origin;
    private final AzureAvatarAuth auth;
    private final CloseableHttpClient http;
    private final RetryPolicy retryPolicy;
    private final ResourceGuard guard;
    private final Duration requestTimeout;
    /** Cancels requests that outlive requestTimeout: the component's, from Camel's ExecutorServiceManager. */
    private final ScheduledExecutorService deadlines;

    public AzureAvatarClient(AvatarApiDialect dialect, AzureAvatarAuth auth, Timeouts timeouts, RetryPolicy retryPolicy,
                             ResourceGuard guard, ScheduledExecutorService deadlines) {
        this.dialect = dialect;
        this.origin = Origin.of(dialect.endpoint());
        this.auth = auth;
        this.retryPolicy = retryPolicy;
        this.guard = guard;
        this.requestTimeout = timeouts.request();
        this.deadlines = deadlines;
        warnIfHttpClientLogsSecrets();
        Timeout connect = Timeout.of(timeouts.connect());
        Timeout response = Timeout.of(timeouts.response());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(response).build())
                        .setMaxConnPerRoute(20).setMaxConnTotal(40)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).build())
                // retries are ours to decide (HttpClient would sleep on a long Retry-After and look hung), and a
                // redirect could carry the key to another host
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    /**
     * HttpClient's own DEBUG loggers print every request line, header and byte: the key, tokens and the SAS signatures
     * of download links. Nothing of ours can mask them, so say it where the person who turned them on will look.
     */
    private static void warnIfHttpClientLogsSecrets() {
        for (String name : new String[] { "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire",
                                          "org.apache.hc.client5.http.impl.classic" }) {
            if (LoggerFactory.getLogger(name).isDebugEnabled()) {
                LOG.warn("Logger {} is at DEBUG: HttpClient writes the Speech subscription key or token, and the SAS "
                         + "signatures of download links, into the log in clear text. Set it to INFO or above outside a "
                         + "debugging session", name);
            }
        }
    }

    public AvatarApiDialect dialect() {
        return dialect;
    }

    public Origin origin() {
        return origin;
    }

    /**
     * Reads one page of the job list. A job on it that cannot be read is left out with a WARN, so that one odd job does
     * not hide the page's others: the consumer emits it once it reads well (it is listed again every poll), the
     * producer's list answers without it.
     *
     * @param  keepGoing              asked before every attempt and during every wait: false ends them at once
     * @throws AzureAvatarException when the page is on another origin (the credentials would leak), Azure refuses, or
     *                              the answer is no job list page
     */
    public JobPage listPage(URI pageUri, BooleanSupplier keepGoing) {
        byte[] body = send(new HttpGet(requireOwnOrigin(pageUri)), "list jobs", RequestCounters.Kind.list, keepGoing).body;
        try {
            JobPage page = dialect.readPage(body);
            if (!page.unreadable().isEmpty()) {
                LOG.warn("Left out {} unreadable jobs of a job list page from {}: {}", page.unreadable().size(), origin,
                        page.unreadable().subList(0, Math.min(10, page.unreadable().size())));
            }
            return page;
        } catch (IOException e) {
            throw unreadableJson("list jobs", e);
        } catch (IllegalArgumentException e) {
            throw new AzureAvatarException(
                    "Azure sent an unusable job list page from " + origin + ": " + e.getMessage(), 200, null, e);
        }
    }

    /** The job, or empty when Azure does not know it. */
    public Optional<AvatarSynthesisJob> getJob(String jobId) {
        try {
            return Optional.of(readJob(send(new HttpGet(dialect.jobUri(jobId)), "get job " + jobId,
                    RequestCounters.Kind.get, ALWAYS).body,
                    "get job " + jobId));
        } catch (AzureAvatarException e) {
            if (e.getHttpResponseCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Creates a job from its JSON definition.
     *
     * @param jobId       the client's id (2024 generation), ignored where Azure makes it
     * @param operationId an Operation-Id to send, or null
     */
    public CreatedJob createJob(String jobId, String operationId, byte[] definition) {
        HttpUriRequestBase request = new HttpUriRequestBase(dialect.createMethod(), dialect.createUri(jobId));
        request.setEntity(new ByteArrayEntity(definition, ContentType.APPLICATION_JSON));
        if (operationId != null && dialect.supportsOperations()) {
            request.setHeader("Operation-Id", operationId);
        }
        ApiResponse response = send(request, "create job" + (jobId == null ? "" : " " + jobId),
                RequestCounters.Kind.create, ALWAYS);
        AvatarSynthesisJob job = readJob(response.body, "create job");
        return new CreatedJob(job, response.header("Operation-Id"), response.header("Operation-Location"));
    }

    /** Deletes a finished job and its result files. Azure refuses jobs that are not finished (HTTP 400). */
    public void deleteJob(String jobId) {
        send(new HttpDelete(dialect.jobUri(jobId)), "delete job " + jobId, RequestCounters.Kind.delete, ALWAYS);
    }

    /**
     * Opens a result file for streaming. No credentials are sent: blob storage takes the SAS URL alone.
     *
     * @throws AzureAvatarException when blob storage refuses (an expired SAS, a deleted job)
     */
    public BlobDownload download(String sasUrl) {
        String masked = SecretMasking.maskUrl(sasUrl);
        URI uri;
        try {
            uri = URI.create(sasUrl);
        } catch (IllegalArgumentException e) {
            // the parser's message quotes the whole URL, signature included
            throw new AzureAvatarException("Azure gave a download link that is not a URL: " + masked, 0, null);
        }
        ClassicHttpResponse response = null;
        try {
            LOG.debug("GET {}", masked);
            guard.counters().count(RequestCounters.Kind.download);
            response = http.executeOpen(null, new HttpGet(uri), null);
            HttpEntity entity = response.getEntity();
            int status = response.getCode();
            if (status != 200 || entity == null) {
                String detail = abbreviate(new String(readBounded(entity), StandardCharsets.UTF_8));
                response.close();
                throw new AzureAvatarException("Blob storage answered HTTP " + status + " for " + masked
                                               + (detail.isEmpty() ? "" : ": " + SecretMasking.maskText(detail)),
                        status, null);
            }
            String path = uri.getPath();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            String contentType = entity.getContentType() != null ? entity.getContentType() : guessContentType(fileName);
            return new BlobDownload(response, entity.getContent(), fileName, contentType, entity.getContentLength());
        } catch (IOException e) {
            if (response != null) {
                closeQuietly(response);
            }
            throw new AzureAvatarException("Could not download " + masked + ": " + SecretMasking.maskText(e.getMessage()),
                    0, null, e);
        }
    }

    /** Downloads and parses a JSON file from blob storage, such as summary.json, bounded like an API answer. */
    public JsonNode downloadJson(String sasUrl) {
        try (BlobDownload in = download(sasUrl)) {
            return AvatarApiDialect.MAPPER.readTree(readBounded(in, in.getContentLength()));
        } catch (IOException e) {
            throw new AzureAvatarException("Unreadable JSON at " + SecretMasking.maskUrl(sasUrl) + ": "
                                           + SecretMasking.maskText(e.getMessage()),
                    200, null, e);
        }
    }

    private URI requireOwnOrigin(URI uri) {
        if (!origin.isSameOrigin(uri)) {
            throw new AzureAvatarException("Refusing to send credentials to " + Origin.of(uri)
                                           + ": only the configured endpoint " + origin + " gets them",
                    0, null);
        }
        return uri;
    }

    private AvatarSynthesisJob readJob(byte[] body, String action) {
        try {
            return dialect.readJob(body);
        } catch (IOException e) {
            throw unreadableJson(action, e);
        }
    }

    private AzureAvatarException unreadableJson(String action, IOException e) {
        return new AzureAvatarException("Azure sent unreadable JSON to " + action + " at " + origin + ": "
                                        + e.getMessage(),
                200, null, e);
    }

    /**
     * Sends a request to the Speech resource, retrying what Azure says will pass (throttling, passing faults) as the
     * retry policy allows. A Retry-After longer than the policy waits out fails the request at once and blocks the
     * resource until then, so that no route polls a throttled Azure in a busy loop.
     */
    private ApiResponse send(HttpUriRequestBase request, String action, RequestCounters.Kind kind,
                             BooleanSupplier keepGoing) {
        boolean create = kind == RequestCounters.Kind.create;
        RequestCounters counters = guard.counters();
        for (int attempt = 0;; attempt++) {
            refuseWhileBlocked(action);
            if (attempt > 0) {
                counters.count(RequestCounters.Event.retried);
            }
            ApiResponse response;
            try {
                pause(guard.reserve(), action, keepGoing);
                counters.count(kind);
                response = execute(request);
            } catch (IOException e) {
                String reason = e instanceof RequestTimedOut ? e.getMessage() : e.toString();
                if (attempt < retryPolicy.maxRetries() && RetryPolicy.mayRepeat(request.getMethod(), create, 0)) {
                    Duration pause = retryPolicy.backoff(attempt);
                    LOG.debug("Could not {} at {} ({}); retry {} in {} ms", action, origin, reason, attempt + 1,
                            pause.toMillis());
                    pause(pause, action, keepGoing);
                    request.reset();
                    continue;
                }
                throw new AzureAvatarException("Could not " + action + " at " + origin + ": " + reason, 0, null, e);
            }
            if (response.status < 300) {
                return response;
            }
            if (response.status == 429) {
                counters.count(RequestCounters.Event.throttled);
            }
            if (!RetryPolicy.isRetryableStatus(response.status)
                    || !RetryPolicy.mayRepeat(request.getMethod(), create, response.status)) {
                throw error(response, action, null);
            }
            Duration askedFor = RetryAfter.of(response::header, retryPolicy.maxThrottleWait());
            if (askedFor != null && askedFor.compareTo(retryPolicy.maxRetryAfter()) > 0) {
                Instant until = Instant.now().plus(askedFor);
                guard.blockUntil(until, response.status);
                throw error(response, action, "Azure asked to wait " + askedFor.toSeconds() + " s, until " + until
                                              + "; no request goes to this resource before then");
            }
            if (attempt >= retryPolicy.maxRetries()) {
                if (askedFor != null) {
                    guard.blockUntil(Instant.now().plus(askedFor), response.status);
                }
                throw error(response, action, attempt == 0 ? null : "gave up after " + (attempt + 1) + " attempts");
            }
            Duration pause = askedFor != null ? askedFor : retryPolicy.backoff(attempt);
            LOG.debug("Azure answered HTTP {} to {} at {}; retry {} in {} ms", response.status, action, origin,
                    attempt + 1, pause.toMillis());
            pause(pause, action, keepGoing);
            request.reset();
        }
    }

    private void refuseWhileBlocked(String action) {
        Instant until = guard.blockedUntil();
        if (until != null) {
            throw new AzureAvatarException("Not sending " + action + " to " + origin + ": Azure asked to wait until "
                                           + until + " (HTTP " + guard.blockedBecause() + ")",
                    guard.blockedBecause(), null);
        }
    }

    private ApiResponse execute(HttpUriRequestBase request) throws IOException {
        auth.authenticate(request);
        long start = System.nanoTime();
        ScheduledFuture<?> deadline = requestTimeout.isZero()
                ? null : deadlines.schedule(request::cancel, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ApiResponse response = http.execute(request, r -> new ApiResponse(
                    r.getCode(), r.getHeaders(), readBounded(r.getEntity())));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms", request.getMethod(), request.getRequestUri(), response.status,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            return response;
        } catch (IOException e) {
            if (request.isCancelled()) {
                throw new RequestTimedOut("no complete answer within requestTimeout " + requestTimeout.toMillis() + " ms");
            }
            throw e;
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /**
     * Reads an API answer whole, up to a bound: a page of 100 jobs is about 200 KB, so anything near the bound is a
     * broken or hostile answer and must not exhaust the heap of a route that runs for weeks.
     */
    private static byte[] readBounded(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            return readBounded(in, entity.getContentLength());
        }
    }

    private static byte[] readBounded(InputStream in, long announcedLength) throws IOException {
        if (announcedLength > MAX_API_RESPONSE_BYTES) {
            throw new IOException("the answer is " + announcedLength + " bytes, more than the " + MAX_API_RESPONSE_BYTES
                                  + " an API answer may have");
        }
        byte[] body = in.readNBytes(MAX_API_RESPONSE_BYTES + 1);
        if (body.length > MAX_API_RESPONSE_BYTES) {
            throw new IOException("the answer is longer than the " + MAX_API_RESPONSE_BYTES
                                  + " bytes an API answer may have");
        }
        return body;
    }

    /** Waits in short steps, so that a caller that stops waiting (a stopping consumer) is not held up. */
    private void pause(Duration pause, String action, BooleanSupplier keepGoing) {
        long end = System.nanoTime() + pause.toNanos();
        while (true) {
            if (!keepGoing.getAsBoolean()) {
                throw new AzureAvatarException("Stopped waiting to " + action + " at " + origin, 0, null);
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AzureAvatarException("Interrupted while waiting to " + action + " at " + origin, 0, null, e);
            }
        }
    }

    private AzureAvatarException error(ApiResponse response, String action, String note) {
        AvatarSynthesisError error = null;
        try {
            error = response.body.length == 0 ? null : dialect.readError(AvatarApiDialect.MAPPER.readTree(response.body));
        } catch (IOException | RuntimeException e) {
            // a proxy or gateway may answer HTML: the status alone must do
        }
        String code = error != null && error.code() != null ? error.code() : response.header("x-ms-error-code");
        String reason = error == null ? "" : ": " + SecretMasking.maskText(error.toString());
        String message = switch (response.status) {
            case 401 -> "Azure rejected the " + auth.describe() + " for " + origin + " (HTTP 401)" + reason;
            case 403 -> "Azure refused access to " + origin + " (HTTP 403)" + reason
                        + ". Check the resource's pricing tier (S0), region and role assignments";
            case 429 -> "Azure is throttling requests to " + origin + " (HTTP 429)" + reason;
            default -> "Azure " + (response.status < 500 ? "refused to " : "failed to ") + action + " at " + origin
                        + " (HTTP " + response.status + ")" + reason;
        };
        if (note != null) {
            message = message + "; " + note;
        }
        return new AzureAvatarException(message, response.status, code);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            LOG.trace("Closing a failed download", e);
        }
    }

    private static String guessContentType(String fileName) {
        if (fileName.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (fileName.endsWith(".webm")) {
            return "video/webm";
        }
        return fileName.endsWith(".json") ? "application/json" : "application/octet-stream";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    private static final class RequestTimedOut extends IOException {
        RequestTimedOut(String message) {
            super(message);
        }
    }

    private record ApiResponse(int status, Header[] headers, byte[] body) {
        String header(String name) {
            for (Header header : headers) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }
}
