package io.github.camelazureavatar.avatar.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate budget, measured on its own (manual) ticker: no machine load can change what it says. */
class ResourceGuardTest {

    private final AtomicLong now = new AtomicLong(-5_000_000_000L);

    @Test
    void permitsAreSpacedEvenlyAndNoBurstIsSavedUp() {
        ResourceGuard guard = new ResourceGuard(300, now::get);

        // four requests at once at 300 a minute: 200 ms apart
        assertThat(guard.reserve()).isZero();
        assertThat(guard.reserve()).isEqualTo(Duration.ofMillis(200));
        assertThat(guard.reserve()).isEqualTo(Duration.ofMillis(400));
        assertThat(guard.reserve()).isEqualTo(Duration.ofMillis(600));

        now.addAndGet(Duration.ofMillis(650).toNanos());
        assertThat(guard.reserve()).as("the next free permit, 800 ms after the first").isEqualTo(Duration.ofMillis(150));

        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(guard.reserve()).as("a quiet spell earns no burst").isZero();
        assertThat(guard.reserve()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void withoutALimitNothingWaits() {
        ResourceGuard guard = new ResourceGuard(0, now::get);

        for (int i = 0; i < 100; i++) {
            assertThat(guard.reserve()).isZero();
        }
    }
}
