package io.github.camelazureavatar.avatar.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.api.AvatarApiDialect;
import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.client.ResourceGuard.Kind;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisError;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.SecretMasking;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.MessageHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.Closer;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks to Azure, on HttpClient 5: auth, origin pinning, timeouts, the resource's budget and
 * error mapping hold for every request. Credentials go only to the configured endpoint's origin (through a proxy as
 * tunnelled traffic for https); blob downloads go out bare, authorised by their SAS signature alone.
 */
public final class AzureAvatarClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarClient.class);

    /** Far above any real answer (a page of 100 jobs is about 200 KB), far below what hurts a heap. */
    static final int MAX_API_RESPONSE_BYTES = 32 * 1024 * 1024;

    /** For callers that wait as long as the request needs, such as the producer. */
    public static final BooleanSupplier ALWAYS = () -> true;

    /** Throttled, or a passing server or gateway fault: each passes if the client waits. */
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

    private final AvatarApiDialect dialect;
    private final Origin origin;
    private final AzureAvatarAuth auth;
    private final Wire wire;
    private final ResourceGuard guard;
    /** Cancels attempts that outlive requestTimeout: the component's, from Camel's ExecutorServiceManager. */
    private final ScheduledExecutorService deadlines;
    private final BasicAuthCache proxyAuth = new BasicAuthCache();
    private final CloseableHttpClient http;

    /** @param sslContext for a private CA or a TLS-inspecting gateway; null for the JVM's trust store */
    public AzureAvatarClient(AvatarApiDialect dialect, AzureAvatarAuth auth, Wire wire, SSLContext sslContext,
                             ResourceGuard guard, ScheduledExecutorService deadlines) {
        this.dialect = dialect;
        this.origin = Origin.of(dialect.endpoint());
        this.auth = auth;
        this.wire = wire;
        this.guard = guard;
        this.deadlines = deadlines;
        for (String name : new String[] { "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire" }) {
            if (LoggerFactory.getLogger(name).isDebugEnabled()) {
                LOG.warn("Logger {} is at DEBUG: HttpClient writes the Speech key or token and the SAS signatures of "
                         + "download links into the log in clear text. Set it to INFO outside a debugging session", name);
            }
        }
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(wire.connectTimeout()))
                                .setSocketTimeout(Timeout.of(wire.responseTimeout()))
                                // a connection a proxy or gateway closed must not take a create down with it
                                .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS).build())
                        .setTlsSocketStrategy(sslContext == null ? null : new DefaultClientTlsStrategy(sslContext))
                        .setMaxConnPerRoute(20).setMaxConnTotal(40).build())
                .setRetryStrategy(new Retries())
                .addExecInterceptorAfter(ChainElement.RETRY.name(), "azure-avatar-attempt", this::attempt)
                // the JVM's proxy settings (http(s).proxyHost, http.nonProxyHosts, ...) unless a proxy is configured
                .useSystemProperties()
                // a redirect could carry the key to another host
                .disableRedirectHandling()
                .disableCookieManagement();
        if (wire.proxyHost() != null) {
            HttpHost proxy = new HttpHost(wire.proxyHost(), wire.proxyPort());
            builder.setProxy(proxy);
            if (wire.proxyAuthUsername() != null) {
                UsernamePasswordCredentials user = new UsernamePasswordCredentials(wire.proxyAuthUsername(),
                        wire.proxyAuthPassword() == null ? new char[0] : wire.proxyAuthPassword().toCharArray());
                // sent with every request and CONNECT: a proxy that answers a create's body with 407 may close the
                // connection
                BasicScheme basic = new BasicScheme();
                basic.initPreemptive(user);
                proxyAuth.put(proxy, basic);
            }
        }
        this.http = builder.build();
    }

    public AvatarApiDialect dialect() {
        return dialect;
    }

    public Origin origin() {
        return origin;
    }

    /** Reads one page of the job list; an unreadable job on it is left out with a WARN (listed again every poll). */
    public JobPage listPage(URI pageUri, BooleanSupplier keepGoing) {
        if (!origin.isSameOrigin(pageUri)) {
            throw new AzureAvatarException("Refusing to send credentials to " + Origin.of(pageUri)
                                           + ": only the configured endpoint " + origin + " gets them", 0, null);
        }
        byte[] body = send(new HttpGet(pageUri), "list jobs", Kind.list, keepGoing).body;
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
            throw new AzureAvatarException("Azure sent an unusable job list page from " + origin + ": " + e.getMessage(),
                    200, null, e);
        }
    }

    /** The job, or empty when Azure does not know it. */
    public Optional<AvatarSynthesisJob> getJob(String jobId) {
        try {
            return Optional.of(readJob(send(new HttpGet(dialect.jobUri(jobId)), "get job " + jobId, Kind.get, ALWAYS)
                    .body, "get job " + jobId));
        } catch (AzureAvatarException e) {
            if (e.getHttpResponseCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates a job; jobId is the client's id (2024 generation), operationId an Operation-Id to send or null. */
    public CreatedJob createJob(String jobId, String operationId, byte[] definition) {
        HttpUriRequestBase request = new HttpUriRequestBase(dialect.createMethod(), dialect.createUri(jobId));
        request.setEntity(new ByteArrayEntity(definition, ContentType.APPLICATION_JSON));
        if (operationId != null && dialect.clientChoosesId()) {
            request.setHeader("Operation-Id", operationId);
        }
        Answer answer = send(request, "create job" + (jobId == null ? "" : " " + jobId), Kind.create, ALWAYS);
        return new CreatedJob(readJob(answer.body, "create job"), answer.header("Operation-Id"),
                answer.header("Operation-Location"));
    }

    /** Deletes a finished job and its result files. Azure refuses jobs that are not finished (HTTP 400). */
    public void deleteJob(String jobId) {
        send(new HttpDelete(dialect.jobUri(jobId)), "delete job " + jobId, Kind.delete, ALWAYS);
    }

    /** Opens a result file for streaming, without credentials: blob storage takes the SAS URL alone. */
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
            guard.counted(Kind.download, false);
            response = http.executeOpen(null, new HttpGet(uri), context());
            HttpEntity entity = response.getEntity();
            if (response.getCode() != 200 || entity == null) {
                String detail = new String(entity == null ? new byte[0] : entity.getContent().readNBytes(300),
                        StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
                throw new AzureAvatarException("Blob storage answered HTTP " + response.getCode() + " for " + masked
                                               + (detail.isEmpty() ? "" : ": " + SecretMasking.maskText(detail)),
                        response.getCode(), null);
            }
            String fileName = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
            BlobDownload download = new BlobDownload(response, entity.getContent(), fileName,
                    entity.getContentType() == null ? "application/octet-stream" : entity.getContentType(),
                    entity.getContentLength());
            response = null;
            return download;
        } catch (IOException e) {
            throw new AzureAvatarException("Could not download " + masked + ": " + SecretMasking.maskText(e.getMessage()),
                    0, null, e);
        } finally {
            Closer.closeQuietly(response);
        }
    }

    /** Downloads and parses a JSON file from blob storage, such as summary.json, bounded like an API answer. */
    public JsonNode downloadJson(String sasUrl) {
        try (BlobDownload in = download(sasUrl)) {
            return AvatarApiDialect.MAPPER.readTree(readBounded(in, in.getContentLength()));
        } catch (IOException e) {
            throw new AzureAvatarException("Unreadable JSON at " + SecretMasking.maskUrl(sasUrl) + ": "
                                           + SecretMasking.maskText(e.getMessage()), 200, null, e);
        }
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
                                        + e.getMessage(), 200, null, e);
    }

    private HttpClientContext context() {
        HttpClientContext context = HttpClientContext.create();
        context.setAuthCache(proxyAuth);
        return context;
    }

    /** Sends a request to the Speech resource; HttpClient retries it as {@link Retries} allows. */
    private Answer send(HttpUriRequestBase request, String action, Kind kind, BooleanSupplier keepGoing) {
        Call call = new Call(kind, action, keepGoing, new AtomicInteger());
        HttpClientContext context = context();
        context.setAttribute(Call.KEY, call);
        // on the request itself: HttpClient sends it again from there after a retry or a proxy's 407
        auth.authenticate(request);
        try (ClassicHttpResponse response = http.executeOpen(null, request, context)) {
            Answer answer = new Answer(response, response.getEntity().getContent().readAllBytes());
            if (response.getCode() >= 300) {
                throw failure(answer, call);
            }
            return answer;
        } catch (IOException e) {
            throw new AzureAvatarException("Could not " + action + " at " + origin + ": " + e, 0, null, e);
        }
    }

    /**
     * One attempt of a request to the Speech resource; HttpClient's retries pass here too. Each attempt respects the
     * resource's block, waits for its budget and is counted; requestTimeout bounds it, answer read whole. Downloads
     * pass through untouched.
     */
    private ClassicHttpResponse attempt(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        Call call = (Call) scope.clientContext.getAttribute(Call.KEY);
        if (call == null) {
            return chain.proceed(request, scope);
        }
        if (!call.keepGoing().getAsBoolean()) {
            throw new AzureAvatarException("Stopped before sending " + call.action() + " to " + origin, 0, null);
        }
        Instant blocked = guard.blockedUntil();
        if (blocked != null) {
            throw new AzureAvatarException("Not sending " + call.action() + " to " + origin + ": Azure asked to wait until "
                                           + blocked + " (HTTP " + guard.blockedBecause() + ")",
                    guard.blockedBecause(), null);
        }
        try {
            TimeUnit.NANOSECONDS.sleep(guard.reserve().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rate budget");
        }
        guard.counted(call.kind(), call.attempts().getAndIncrement() > 0);
        AtomicBoolean timedOut = new AtomicBoolean();
        long timeout = wire.requestTimeout().toMillis();
        ScheduledFuture<?> deadline = timeout == 0 ? null : deadlines.schedule(() -> {
            timedOut.set(true);
            scope.execRuntime.discardEndpoint();
        }, timeout, TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = chain.proceed(request, scope);
            HttpEntity entity = response.getEntity();
            response.setEntity(new ByteArrayEntity(entity == null ? new byte[0]
                    : readBounded(entity.getContent(), entity.getContentLength()), null));
            if (response.getCode() == 429) {
                guard.throttledOnce();
            }
            LOG.debug("{} {} -> {}", request.getMethod(), request.getRequestUri(), response.getCode());
            return response;
        } catch (IOException e) {
            Closer.closeQuietly(response);
            throw timedOut.get() ? new SocketTimeoutException("no complete answer within requestTimeout " + timeout + " ms") : e;
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /** Reads a whole answer up to a bound: anything near it is a broken or hostile answer, not a page of jobs. */
    private static byte[] readBounded(InputStream in, long announcedLength) throws IOException {
        try (in) {
            byte[] body = announcedLength > MAX_API_RESPONSE_BYTES ? null : in.readNBytes(MAX_API_RESPONSE_BYTES + 1);
            if (body == null || body.length > MAX_API_RESPONSE_BYTES) {
                throw new IOException("the answer is longer than the " + MAX_API_RESPONSE_BYTES
                                      + " bytes an API answer may have");
            }
            return body;
        }
    }

    /**
     * How long Azure asked to wait: Retry-After in seconds or as an HTTP date, or X-RateLimit-Reset (3.1 platform) as
     * epoch seconds or an ISO instant; at most maxThrottleWait. Null when it asked for nothing readable ({@code abc},
     * {@code -5}, {@code 1.5}): the ordinary backoff applies then.
     */
    Duration retryAfter(MessageHeaders response) {
        Header retryAfter = response.getFirstHeader("Retry-After");
        Header header = retryAfter != null ? retryAfter : response.getFirstHeader("X-RateLimit-Reset");
        String value = header == null ? "" : header.getValue().trim();
        Instant now = Instant.now();
        Duration wait;
        try {
            boolean number = !value.isEmpty() && value.chars().allMatch(Character::isDigit);
            Instant until = number ? (retryAfter != null ? now.plusSeconds(Long.parseLong(value))
                    : Instant.ofEpochSecond(Long.parseLong(value)))
                    : value.isEmpty() ? null : retryAfter != null ? DateUtils.parseStandardDate(value) : Instant.parse(value);
            if (until == null) {
                return null;
            }
            wait = Duration.between(now, until);
        } catch (DateTimeParseException e) {
            return null;
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            wait = wire.maxThrottleWait(); // a number beyond any clock: readable, and too long
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(wire.maxThrottleWait()) > 0 ? wire.maxThrottleWait() : wait;
    }

    /**
     * HttpClient's retry strategy with Azure's rules: 429, passing faults (500, 502, 503, 504) and broken connections
     * are retried after growing, jittered pauses, or as long as Azure asked, up to maxRetryAfter. A create is retried
     * only where Azure surely did not act (429, 503): after a 500 or a broken connection it may exist already.
     */
    private final class Retries implements HttpRequestRetryStrategy {

        @Override
        public boolean retryRequest(HttpRequest request, IOException e, int execCount, HttpContext context) {
            Call call = (Call) context.getAttribute(Call.KEY);
            return call != null && call.kind() != Kind.create && execCount <= wire.maxRetries()
                   && !(e instanceof SSLException) && !Thread.currentThread().isInterrupted();
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            Call call = (Call) context.getAttribute(Call.KEY);
            int status = response.getCode();
            if (call == null || execCount > wire.maxRetries() || !RETRYABLE.contains(status)
                || call.kind() == Kind.create && status != 429 && status != 503) {
                return false;
            }
            Duration asked = retryAfter(response);
            return asked == null || asked.compareTo(wire.maxRetryAfter()) <= 0;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            Duration asked = retryAfter(response);
            return asked != null ? TimeValue.ofMilliseconds(asked.toMillis()) : getRetryInterval(null, null, execCount, context);
        }

        /** Exponential from retryInitialDelay up to retryMaxDelay, with full jitter. */
        @Override
        public TimeValue getRetryInterval(HttpRequest request, IOException e, int execCount, HttpContext context) {
            long capped = Math.min(wire.retryInitialDelay().toMillis() << Math.min(execCount - 1, 20),
                    wire.retryMaxDelay().toMillis());
            return TimeValue.ofMilliseconds(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        }
    }

    /**
     * The failure of a request Azure answered with an error. A Retry-After that was not waited out (too long, or the
     * retries ran out) blocks the resource until then, so that no route polls a throttled Azure in a busy loop.
     */
    private AzureAvatarException failure(Answer answer, Call call) {
        int status = answer.response.getCode();
        String note = call.attempts().get() > 1 ? "; gave up after " + call.attempts() + " attempts" : "";
        Duration asked = RETRYABLE.contains(status) ? retryAfter(answer.response) : null;
        if (asked != null) {
            Instant until = Instant.now().plus(asked);
            guard.blockUntil(until, status);
            if (asked.compareTo(wire.maxRetryAfter()) > 0) {
                note = "; Azure asked to wait " + asked.toSeconds() + " s, until " + until
                       + "; no request goes to this resource before then";
            }
        }
        AvatarSynthesisError error = null;
        try {
            error = answer.body.length == 0 ? null : dialect.readError(AvatarApiDialect.MAPPER.readTree(answer.body));
        } catch (IOException | RuntimeException e) {
            // a proxy or gateway may answer HTML: the status alone must do
        }
        String code = error != null && error.code() != null ? error.code() : answer.header("x-ms-error-code");
        String reason = error == null ? "" : ": " + SecretMasking.maskText(error.toString());
        String message = switch (status) {
            case 401 -> "Azure rejected the " + auth.describe() + " for " + origin + " (HTTP 401)" + reason;
            case 403 -> "Azure refused access to " + origin + " (HTTP 403)" + reason
                        + ". Check the resource's pricing tier (S0), region and role assignments";
            case 429 -> "Azure is throttling requests to " + origin + " (HTTP 429)" + reason;
            default -> "Azure " + (status < 500 ? "refused to " : "failed to ") + call.action() + " at " + origin
                        + " (HTTP " + status + ")" + reason;
        };
        return new AzureAvatarException(message + note, status, code);
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    /** What a request is for, asked by each attempt and by the retry strategy. */
    private record Call(Kind kind, String action, BooleanSupplier keepGoing, AtomicInteger attempts) {
        static final String KEY = Call.class.getName();
    }

    /**
     * What a create answered.
     *
     * @param job               the job as Azure stored it (status NotStarted)
     * @param operationId       Azure's Operation-Id header, or null (3.1-preview1 has none)
     * @param operationLocation Azure's Operation-Location header, or null
     */
    public record CreatedJob(AvatarSynthesisJob job, String operationId, String operationLocation) {
    }

    private record Answer(ClassicHttpResponse response, byte[] body) {
        String header(String name) {
            Header header = response.getFirstHeader(name);
            return header == null ? null : header.getValue();
        }
    }
}
