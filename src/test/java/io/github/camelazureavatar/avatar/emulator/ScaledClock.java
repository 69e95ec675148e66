package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Real time sped up: emulated time runs {@code factor} times faster than the wall clock, from
 * {@code start}. A benchmark can then meet Azure's quota of 2 requests a minute in seconds, with
 * job durations and the quota window on the same scale, while a 429 still tells the client its
 * wait in real seconds.
 */
public final class ScaledClock implements EmulatorClock {

    private final Instant start;
    private final long startNanos;
    private final double factor;

    public ScaledClock(Instant start, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a positive number: " + factor);
        }
        this.start = start;
        this.startNanos = System.nanoTime();
        this.factor = factor;
    }

    /** Emulated time starts at the current wall-clock instant. */
    public static ScaledClock startingNow(double factor) {
        return new ScaledClock(Instant.now(), factor);
    }

    public double factor() {
        return factor;
    }

    @Override
    public Instant now() {
        return start.plusNanos((long) ((System.nanoTime() - startNanos) * factor));
    }

    @Override
    public Duration realTime(Duration emulated) {
        return Duration.ofNanos((long) Math.ceil(emulated.toNanos() / factor));
    }

    @Override
    public String toString() {
        return "ScaledClock[x" + factor + ", " + now() + "]";
    }
}
