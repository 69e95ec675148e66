package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixes a new job's future: when it runs, when it finishes, whether it fails. Randomness is
 * seeded so failure patterns repeat run to run.
 */
final class JobFactory {

    static final String FAIL_MARKER = "[fail]";

    private final EmulatorClock clock;
    private final Duration notStartedFor;
    private final Duration runningFor;
    private final double failureRate;
    private final Random random;
    /** Ids and signatures; separate from {@link #random} so seeding does not shift failure patterns. */
    private final SplittableRandom ids;
    private final AtomicLong seq = new AtomicLong();
    private final long seed;

    JobFactory(EmulatorClock clock, Duration notStartedFor, Duration runningFor, double failureRate, long seed) {
        this.clock = clock;
        this.notStartedFor = notStartedFor;
        this.runningFor = runningFor;
        this.failureRate = failureRate;
        this.random = new Random(seed);
        this.ids = new SplittableRandom(seed);
        this.seed = seed;
    }

    EmulatorClock clock() {
        return clock;
    }

    /** A job created now that goes through the normal lifecycle. */
    EmulatedJob fresh(JobDraft draft) {
        Instant now = clock.now();
        return lifecycle(draft, draft.id, draft.internalId, draft.fails, now, now);
    }

    /** {@code created} may lie in the past; the lifecycle still starts at {@code anchor}. */
    EmulatedJob lifecycle(JobDraft draft, String id, String internalId, boolean fail, Instant created, Instant anchor) {
        boolean fails = rollFailure() || fail;
        Instant runningAt = anchor.plus(notStartedFor);
        return new EmulatedJob(draft, id, internalId, fails, seq.incrementAndGet(), token(), created, runningAt,
                runningAt.plus(runningFor));
    }

    /** A job stuck in {@code status} forever (finished ones still expire after their TTL). */
    EmulatedJob pinned(JobDraft draft, String id, Instant created, JobStatus status) {
        Instant runningAt;
        Instant finishedAt;
        switch (status) {
            case NOT_STARTED -> {
                runningAt = EmulatedJob.NEVER;
                finishedAt = EmulatedJob.NEVER;
            }
            // Seeded jobs entered their state when they were created: one Instant per job, not three.
            case RUNNING -> {
                runningAt = created;
                finishedAt = EmulatedJob.NEVER;
            }
            default -> {
                runningAt = created;
                finishedAt = created;
            }
        }
        return new EmulatedJob(draft, id, null, status == JobStatus.FAILED, seq.incrementAndGet(), token(), created,
                runningAt, finishedAt);
    }

    synchronized boolean rollFailure() {
        return failureRate > 0 && random.nextDouble() < failureRate;
    }

    String guid() {
        long msb;
        long lsb;
        synchronized (this) {
            msb = ids.nextLong();
            lsb = ids.nextLong();
        }
        return new UUID((msb & ~0xF000L) | 0x4000L, (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** Per-job randomness from which the job derives its internal id and SAS signature. */
    synchronized long token() {
        return ids.nextLong();
    }

    /** The key the emulator signs its SAS tokens with; its own generator, so that ids do not shift. */
    byte[] secretKey() {
        SplittableRandom keys = new SplittableRandom(seed ^ 0x5A5D5A5D5A5D5A5DL);
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i += 8) {
            long word = keys.nextLong();
            for (int b = 0; b < 8; b++) {
                key[i + b] = (byte) (word >>> (8 * b));
            }
        }
        return key;
    }

    synchronized String hex32() {
        return String.format("%016x%016x", ids.nextLong(), ids.nextLong());
    }
}
