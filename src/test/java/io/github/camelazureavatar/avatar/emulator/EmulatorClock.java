package io.github.camelazureavatar.avatar.emulator;

import java.time.Instant;

/**
 * Azure's notion of "now" inside the emulator. Job states are derived from it lazily, so a
 * test that moves this clock moves every job without timers or sleeps.
 */
public interface EmulatorClock {

    Instant now();
}
