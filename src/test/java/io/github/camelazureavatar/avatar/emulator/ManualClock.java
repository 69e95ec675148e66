package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock only tests move, so lifecycle tests are deterministic on a busy machine. Safe to
 * advance from one thread while others poll the emulator.
 */
public final class ManualClock implements EmulatorClock {

    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    /** Moves time forward; going back is refused because Azure's job history never rewinds. */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A clock cannot go back: " + duration);
        }
        return now.updateAndGet(t -> t.plus(duration));
    }

    /** Jumps to an instant that is not before the current one. */
    public void set(Instant instant) {
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("A clock cannot go back from " + t + " to " + instant);
            }
            return instant;
        });
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
