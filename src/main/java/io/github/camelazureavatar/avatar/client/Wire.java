package io.github.camelazureavatar.avatar.client;

import java.time.Duration;

/**
 * How requests go out: timeouts, retries and proxy. Without a proxyHost the JVM's proxy settings (https.proxyHost,
 * ...) apply.
 *
 * @param requestTimeout  the whole of one attempt, however slowly Azure trickles bytes; 0 for no limit
 * @param maxRetryAfter   the longest Retry-After waited out inside a request; a longer one fails the request and
 *                        blocks the resource until then
 * @param maxThrottleWait the longest a resource stays blocked by a Retry-After that can be read
 */
public record Wire(Duration connectTimeout, Duration responseTimeout, Duration requestTimeout, int maxRetries,
        Duration retryInitialDelay, Duration retryMaxDelay, Duration maxRetryAfter, Duration maxThrottleWait,
        String proxyHost, int proxyPort, String proxyAuthUsername, String proxyAuthPassword) {

    @Override
    public String toString() {
        return "Wire[proxy " + proxyHost + ":" + proxyPort + "]"; // never the proxy password
    }
}
