package io.github.camelazureavatar.avatar.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every endpoint of one Azure resource (endpoint and credential) shares in a CamelContext: the instant before
 * which Azure asked not to be called, and an optional client-side request rate. Shared, because Azure counts requests
 * per resource, not per route.
 */
public final class ResourceGuard {

    private final int requestsPerMinute;
    private final long minSpacingNanos;
    private final RequestCounters counters = new RequestCounters();
    private final ReentrantLock lock = new ReentrantLock();
    private long nextPermitNanos;
    private volatile Instant blockedUntil = Instant.MIN;
    private volatile int blockedBecause;

    /** @param requestsPerMinute the most requests a minute; 0 for no client-side limit */
    public ResourceGuard(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
        this.minSpacingNanos = requestsPerMinute > 0 ? 60_000_000_000L / requestsPerMinute : 0;
    }

    /** The client-side rate limit, 0 for none. */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** What this resource was sent. */
    public RequestCounters counters() {
        return counters;
    }

    /** Azure asked to wait (Retry-After): no request goes out before that instant. */
    public void blockUntil(Instant instant, int status) {
        if (instant.isAfter(blockedUntil)) {
            blockedUntil = instant;
            blockedBecause = status;
        }
    }

    /** The instant before which no request is sent, if it is in the future. */
    public Instant blockedUntil() {
        Instant until = blockedUntil;
        return until.isAfter(Instant.now()) ? until : null;
    }

    /** The HTTP status that blocked the resource. */
    public int blockedBecause() {
        return blockedBecause;
    }

    /**
     * Reserves the next permit of the rate limit and says how long to wait for it. Requests are spaced evenly rather
     * than in bursts: Azure's windows are short (5 s) and a burst at the start of a window is what it throttles.
     */
    public Duration reserve() {
        if (minSpacingNanos == 0) {
            return Duration.ZERO;
        }
        lock.lock();
        try {
            long now = System.nanoTime();
            long permit = Math.max(now, nextPermitNanos);
            nextPermitNanos = permit + minSpacingNanos;
            return Duration.ofNanos(permit - now);
        } finally {
            lock.unlock();
        }
    }
}
