package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixes a new job's future: when it runs, when it finishes, whether it fails, and the SAS
 * signature of its output files. Randomness is seeded so failure patterns repeat run to run.
 */
final class JobFactory {

    static final String FAIL_MARKER = "[fail]";
    private static final char[] SIG_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final EmulatorClock clock;
    private final Duration notStartedFor;
    private final Duration runningFor;
    private final double failureRate;
    private final Random random;
    private final AtomicLong seq = new AtomicLong();

    JobFactory(EmulatorClock clock, Duration notStartedFor, Duration runningFor, double failureRate, long seed) {
        this.clock = clock;
        this.notStartedFor = notStartedFor;
        this.runningFor = runningFor;
        this.failureRate = failureRate;
        this.random = new Random(seed);
    }

    EmulatorClock clock() {
        return clock;
    }

    /** A job created now that goes through the normal lifecycle. */
    EmulatedJob fresh(JobDraft draft) {
        Instant now = clock.now();
        return lifecycle(draft, now, now);
    }

    /** {@code created} may lie in the past; the lifecycle still starts at {@code anchor}. */
    EmulatedJob lifecycle(JobDraft draft, Instant created, Instant anchor) {
        draft.fails = draft.fails || rollFailure();
        Instant runningAt = anchor.plus(notStartedFor);
        return new EmulatedJob(draft, seq.incrementAndGet(), created, runningAt, runningAt.plus(runningFor), sig());
    }

    /** A job stuck in {@code status} forever (finished ones still expire after their TTL). */
    EmulatedJob pinned(JobDraft draft, Instant created, JobStatus status) {
        Instant runningAt;
        Instant finishedAt;
        switch (status) {
            case NOT_STARTED -> {
                runningAt = EmulatedJob.NEVER;
                finishedAt = EmulatedJob.NEVER;
            }
            case RUNNING -> {
                runningAt = created.plusMillis(500);
                finishedAt = EmulatedJob.NEVER;
            }
            default -> {
                draft.fails = status == JobStatus.FAILED;
                runningAt = created.plusMillis(200);
                finishedAt = created.plusMillis(700);
            }
        }
        return new EmulatedJob(draft, seq.incrementAndGet(), created, runningAt, finishedAt, sig());
    }

    synchronized boolean rollFailure() {
        return failureRate > 0 && random.nextDouble() < failureRate;
    }

    synchronized String guid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    synchronized String sig() {
        char[] c = new char[43];
        for (int i = 0; i < c.length; i++) {
            c[i] = SIG_CHARS[random.nextInt(SIG_CHARS.length)];
        }
        return new String(c);
    }

    synchronized String hex32() {
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
