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

    private final long minSpacingNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private long nextPermitNanos;
    private volatile Instant blockedUntil = Instant.MIN;
    private volatile int blockedBecause;

    /** @param requestsPerMinute the most requests a minute; 0 for no client-side limit */
    public ResourceGuard(int requestsPerMinute) {
        this.minSpacingNanos = requestsPerMinute > 0 ? 60_000_000_000L / requestsPerMinute : 0;
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
     * Waits for the next permit of the rate limit. Requests are spaced evenly rather than in bursts: Azure's windows
     * are short (5 s) and a burst at the start of a window is what it throttles.
     */
    public void acquire() throws InterruptedException {
        if (minSpacingNanos == 0) {
            return;
        }
        long wait;
        lock.lock();
        try {
            long now = System.nanoTime();
            long permit = Math.max(now, nextPermitNanos);
            nextPermitNanos = permit + minSpacingNanos;
            wait = permit - now;
        } finally {
            lock.unlock();
        }
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait).toMillis(), (int) (wait % 1_000_000));
        }
    }
}
