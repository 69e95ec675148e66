package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Azure's request quota on one Speech resource: at most {@code limit} requests in any window of
 * {@code window}, counted on the emulator's clock (so a {@link ManualClock} or a
 * {@link ScaledClock} drives it), over a sliding window: the oldest counted request frees its
 * slot one window after it came. Every authenticated API request counts, whatever its answer;
 * refused ones (429) do not. What a 429 says about the wait is real time, from
 * {@link EmulatorClock#realTime}: {@code Retry-After} in whole seconds rounded up, and, in the
 * 3.1-preview1 style, {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} on every
 * answer.
 */
final class Quota {

    private final int limit;
    private final Duration window;
    private final boolean rateLimitHeaders;
    private final EmulatorClock clock;
    private final Deque<Instant> counted = new ArrayDeque<>();

    Quota(int limit, Duration window, boolean rateLimitHeaders, EmulatorClock clock) {
        this.limit = limit;
        this.window = window;
        this.rateLimitHeaders = rateLimitHeaders;
        this.clock = clock;
    }

    /** Counts the request, or answers the 429 that refuses it. Either way the answer's headers are set by {@link #decorate}. */
    EmulatorResponse admit(Dialect dialect) {
        Instant now = clock.now();
        Duration wait;
        synchronized (this) {
            while (!counted.isEmpty() && !counted.peekFirst().plus(window).isAfter(now)) {
                counted.pollFirst();
            }
            if (counted.size() < limit) {
                counted.addLast(now);
                return null;
            }
            wait = Duration.between(now, counted.peekFirst().plus(window));
        }
        long seconds = Math.max(1, ceilSeconds(clock.realTime(wait)));
        return AzureErrors.tooManyRequests(dialect, seconds).header("Retry-After", Long.toString(seconds));
    }

    /** The X-RateLimit-* headers, when this quota shows them, as of the answer. */
    void decorate(EmulatorResponse response) {
        if (!rateLimitHeaders) {
            return;
        }
        Instant now = clock.now();
        int remaining;
        Duration untilReset;
        synchronized (this) {
            remaining = Math.max(0, limit - counted.size());
            untilReset = counted.isEmpty() ? Duration.ZERO : Duration.between(now, counted.peekFirst().plus(window));
        }
        Instant reset = Instant.now().plus(clock.realTime(untilReset.isNegative() ? Duration.ZERO : untilReset));
        response.header("X-RateLimit-Limit", Integer.toString(limit))
                .header("X-RateLimit-Remaining", Integer.toString(remaining))
                .header("X-RateLimit-Reset", DateTimeFormatter.ISO_INSTANT.format(
                        reset.plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS)));
    }

    private static long ceilSeconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    @Override
    public String toString() {
        return limit + " requests per " + window.toString().substring(2).toLowerCase()
                + (rateLimitHeaders ? ", with X-RateLimit-* headers" : "");
    }
}
