package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Azure's notion of "now" inside the emulator. Job states are derived from it lazily, so a
 * test that moves this clock moves every job without timers or sleeps.
 */
public interface EmulatorClock {

    Instant now();

    /**
     * How long a client must really wait for {@code emulated} to pass on this clock: what a 429's
     * {@code Retry-After} and {@code X-RateLimit-Reset} tell it. The same duration, unless time
     * runs faster (see {@link ScaledClock}); a {@link ManualClock} moves only when a test says so,
     * so the test decides what a wait means.
     */
    default Duration realTime(Duration emulated) {
        return emulated;
    }
}
