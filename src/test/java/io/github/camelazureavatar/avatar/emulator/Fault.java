package io.github.camelazureavatar.avatar.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * One misbehaviour to inject. Error faults answer without touching the store (the request
 * never reached the service); delay, malformed and truncated faults let the request act and
 * spoil only the answer; a reset drops the connection before anything is done.
 */
public final class Fault {

    enum Kind { STATUS, TOO_MANY_REQUESTS, DELAY, CONNECTION_RESET, MALFORMED_JSON, TRUNCATED_JSON, ECHO }

    /** IMF-fixdate (RFC 7231), always two-digit day, unlike DateTimeFormatter.RFC_1123_DATE_TIME. */
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    static final String MALFORMED_BODY = "<html><body>upstream connect error or disconnect/reset before headers</body></html>";

    private final Kind kind;
    private final int status;
    private final Duration duration;
    private final Instant until;
    private String rawRetryAfter;
    private String rawReset;

    private Fault(Kind kind, int status, Duration duration, Instant until) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.until = until;
    }

    /**
     * 429 with these {@code Retry-After} and {@code X-RateLimit-Reset} values as given (null: no such header), for
     * waits no client should sit out: absurd, unreadable or out of any date's range.
     */
    public static Fault tooManyRequests(String retryAfter, String rateLimitReset) {
        Fault fault = new Fault(Kind.TOO_MANY_REQUESTS, 429, Duration.ZERO, null);
        fault.rawRetryAfter = retryAfter;
        fault.rawReset = rateLimitReset;
        return fault;
    }

    /** An error with this status whose message quotes the request's query, signature and all, as some servers echo it. */
    public static Fault echoingRequest(int code) {
        return new Fault(Kind.ECHO, code, null, null);
    }

    /** An Azure-shaped error with this status (500 InternalServerError, 503 ServiceUnavailable, ...). */
    public static Fault status(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("Not an error status: " + code);
        }
        return code == 429 ? tooManyRequests(Duration.ofSeconds(1)) : new Fault(Kind.STATUS, code, null, null);
    }

    /** 429 with {@code Retry-After} in seconds and {@code X-RateLimit-*} headers. */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(Kind.TOO_MANY_REQUESTS, 429, Objects.requireNonNull(retryAfter), null);
    }

    /** 429 with {@code Retry-After} as an HTTP date. */
    public static Fault tooManyRequestsUntil(Instant instant) {
        return new Fault(Kind.TOO_MANY_REQUESTS, 429, null, Objects.requireNonNull(instant));
    }

    /** Answers normally, after {@code d} of real time (for client timeouts). */
    public static Fault delay(Duration d) {
        return new Fault(Kind.DELAY, 0, Objects.requireNonNull(d), null);
    }

    /** Closes the connection without any HTTP answer. */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, 0, null, null);
    }

    /** 200 whose body is not JSON. */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 0, null, null);
    }

    /** 200 with the real body cut in half, Content-Length matching the cut body. */
    public static Fault truncatedJson() {
        return new Fault(Kind.TRUNCATED_JSON, 0, null, null);
    }

    Kind kind() {
        return kind;
    }

    Duration delay() {
        return duration;
    }

    boolean answersInstead() {
        return kind == Kind.STATUS || kind == Kind.TOO_MANY_REQUESTS || kind == Kind.ECHO;
    }

    /** The error answer; {@code dialect} null means the blob host (Azure Storage XML). */
    EmulatorResponse response(Dialect dialect, String query) {
        EmulatorResponse r;
        if (kind == Kind.ECHO) {
            String message = "Server failed to authenticate the request with " + query + " (injected by the emulator).";
            r = dialect == null ? AzureErrors.blob(status, AzureErrors.codeFor(status), message, null)
                    : AzureErrors.batch(status, AzureErrors.codeFor(status), message, null);
        } else if (dialect == null) {
            r = AzureErrors.blob(status, status == 429 ? "ServerBusy" : AzureErrors.codeFor(status),
                    "The request failed with status " + status + " (injected by the emulator).", null);
        } else {
            r = AzureErrors.forStatus(dialect, status);
        }
        if (kind == Kind.TOO_MANY_REQUESTS && (rawRetryAfter != null || rawReset != null)) {
            if (rawRetryAfter != null) {
                r.header("Retry-After", rawRetryAfter);
            }
            if (rawReset != null) {
                r.header("X-RateLimit-Reset", rawReset);
            }
        } else if (kind == Kind.TOO_MANY_REQUESTS) {
            // Rate-limit windows are about the time the client waits, so these use real time, not the emulator clock.
            Instant reset;
            if (until != null) {
                r.header("Retry-After", HTTP_DATE.format(until));
                reset = until;
            } else {
                long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
                r.header("Retry-After", Long.toString(seconds));
                reset = Instant.now().plusSeconds(seconds);
            }
            r.header("X-RateLimit-Limit", "50");
            r.header("X-RateLimit-Remaining", "0");
            r.header("X-RateLimit-Reset", DateTimeFormatter.ISO_INSTANT.format(reset.truncatedTo(ChronoUnit.SECONDS)));
        }
        return r;
    }

    void spoil(EmulatorResponse response) {
        if (kind == Kind.MALFORMED_JSON) {
            response.replaceBody(MALFORMED_BODY.getBytes(StandardCharsets.UTF_8));
        } else if (kind == Kind.TRUNCATED_JSON) {
            response.truncateToHalf();
        }
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status > 0 ? " " + status : "") + (duration != null ? " " + duration : "")
                + (until != null ? " until " + until : "") + "]";
    }
}
