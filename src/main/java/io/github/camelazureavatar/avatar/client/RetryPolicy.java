package io.github.camelazureavatar.avatar.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before sending a request again. Azure throttles hard (429) and fails now and then (5xx);
 * both pass if the client waits, so a poll retries a few times with growing, jittered pauses before it fails.
 *
 * @param maxRetries    how many times a request is sent again at most
 * @param initialDelay  the first pause; each further one doubles, with jitter
 * @param maxDelay      the longest pause this policy chooses by itself
 * @param maxRetryAfter   the longest pause Azure may ask for (Retry-After) that is waited out inside a request; a
 *                        longer one fails the request and blocks the resource until then
 * @param maxThrottleWait the longest a resource stays blocked: a longer wait, or one that cannot be read, counts as this
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
        Duration maxThrottleWait) {

    /** Status codes that mean "try again later": throttled, or a passing server or gateway fault. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Whether a request with this method may be sent again after this outcome. A create is retried only where Azure
     * surely did not act (429, 503): after a 500 or a broken connection it may exist already.
     *
     * @param status the HTTP status, or 0 for an I/O error
     */
    public static boolean mayRepeat(String method, boolean create, int status) {
        if (create) {
            return status == 429 || status == 503;
        }
        return "GET".equals(method) || "DELETE".equals(method) || "HEAD".equals(method);
    }

    /** The pause before retry number {@code attempt} (0 for the first retry): exponential, with full jitter. */
    public Duration backoff(int attempt) {
        long base = initialDelay.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
