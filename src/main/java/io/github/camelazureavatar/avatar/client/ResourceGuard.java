package io.github.camelazureavatar.avatar.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * What every endpoint of one Azure resource (endpoint and credential) shares in a CamelContext, because Azure counts
 * requests per resource, not per route: the requests it was sent, the instant before which Azure asked not to be
 * called, and an optional client-side request rate.
 */
public final class ResourceGuard {

    /** What a request was for; downloads go to blob storage and do not count against the Speech quota. */
    public enum Kind {
        list, get, create, delete, download
    }

    private final int requestsPerMinute;
    private final long minSpacingNanos;
    private final LongSupplier nanoTime;
    /** Requests by kind, then answers 429, then retries: plain counts, no history. */
    private final LongAdder[] counts = Stream.generate(LongAdder::new).limit(Kind.values().length + 2)
            .toArray(LongAdder[]::new);
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
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Requests of this kind sent so far, every attempt, answered or not. */
    public long requests(Kind kind) {
        return counts[kind.ordinal()].sum();
    }

    public long throttled() {
        return counts[Kind.values().length].sum();
    }

    /** Attempts after a throttled or failed one. */
    public long retries() {
        return counts[Kind.values().length + 1].sum();
    }

    void counted(Kind kind, boolean retry) {
        counts[kind.ordinal()].increment();
        if (retry) {
            counts[Kind.values().length + 1].increment();
        }
    }

    void throttledOnce() {
        counts[Kind.values().length].increment();
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
