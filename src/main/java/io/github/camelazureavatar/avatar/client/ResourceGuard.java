package io.github.camelazureavatar.avatar.client;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What every endpoint of one Azure resource (endpoint and credential) shares in a CamelContext: the requests it was
 * sent, the instant before which Azure asked not to be called, and an optional client-side request rate. Shared,
 * because Azure counts requests per resource, not per route.
 */
public final class ResourceGuard {

    /** What a request was for; downloads go to blob storage and do not count against the Speech quota. */
    public enum Kind {
        list, get, create, delete, download
    }

    private final int requestsPerMinute;
    private final long minSpacingNanos;
    private final LongSupplier nanoTime;
    private final Map<Kind, LongAdder> requests = new EnumMap<>(Kind.class);
    private final LongAdder throttled = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private long nextPermitNanos;
    private volatile Instant blockedUntil = Instant.MIN;
    private volatile int blockedBecause;

    /** @param requestsPerMinute the most requests a minute; 0 for no client-side limit */
    public ResourceGuard(int requestsPerMinute) {
        this(requestsPerMinute, System::nanoTime);
    }

    ResourceGuard(int requestsPerMinute, LongSupplier nanoTime) {
        this.requestsPerMinute = requestsPerMinute;
        this.minSpacingNanos = requestsPerMinute > 0 ? 60_000_000_000L / requestsPerMinute : 0;
        this.nanoTime = nanoTime;
        this.nextPermitNanos = nanoTime.getAsLong();
        for (Kind kind : Kind.values()) {
            requests.put(kind, new LongAdder());
        }
    }

    /** The client-side rate limit, 0 for none. */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Requests of this kind sent so far, every attempt, answered or not. */
    public long requests(Kind kind) {
        return requests.get(kind).sum();
    }

    /** Answers 429 so far. */
    public long throttled() {
        return throttled.sum();
    }

    /** Requests sent again after a throttled or failed attempt. */
    public long retries() {
        return retries.sum();
    }

    void counted(Kind kind, boolean retry) {
        requests.get(kind).increment();
        if (retry) {
            retries.increment();
        }
    }

    void throttledOnce() {
        throttled.increment();
    }

    /** Azure asked to wait (Retry-After): no request goes out before that instant. */
    void blockUntil(Instant instant, int status) {
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
    int blockedBecause() {
        return blockedBecause;
    }

    /**
     * Reserves the next permit of the rate limit and says how long to wait for it. Requests are spaced evenly rather
     * than in bursts: Azure's windows are short (5 s) and a burst at the start of a window is what it throttles.
     */
    synchronized Duration reserve() {
        if (minSpacingNanos == 0) {
            return Duration.ZERO;
        }
        long now = nanoTime.getAsLong();
        long permit = nextPermitNanos - now > 0 ? nextPermitNanos : now;
        nextPermitNanos = permit + minSpacingNanos;
        return Duration.ofNanos(permit - now);
    }
}
