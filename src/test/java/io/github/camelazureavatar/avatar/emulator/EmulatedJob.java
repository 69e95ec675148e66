package io.github.camelazureavatar.avatar.emulator;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * One job. Its whole future is fixed at creation (when it starts running, when it finishes,
 * whether it fails, when it expires), so its status is a pure function of the clock: no
 * timers, no state changes to synchronise, and rendering can be cached per status.
 * Seeded jobs share one {@link JobDraft}; what differs per job lives here, and what can be
 * derived (internal id) is derived from {@link #token} on first use, which
 * keeps 100 000 seeded jobs small and fast to make.
 */
final class EmulatedJob {

    /** "Never", for jobs pinned in a state; far enough that no test reaches it, small enough to add a TTL to. */
    static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

    final JobDraft draft;
    final String id;
    final boolean fails;
    final long seq;
    final long token;
    final Instant created;
    final Instant runningAt;
    final Instant finishedAt;
    private volatile String internalId;
    private volatile Outputs outputs;
    private volatile long resultSize = -1;
    /** Bytes of a synthetic summary.json, for a client that must not read one whole; -1 for the real summary. */
    volatile long summarySize = -1;
    private String[] jsonCache;

    EmulatedJob(JobDraft draft, String id, String internalId, boolean fails, long seq, long token,
            Instant created, Instant runningAt, Instant finishedAt) {
        this.draft = draft;
        this.id = id;
        this.internalId = internalId;
        this.fails = fails;
        this.seq = seq;
        this.token = token;
        this.created = created;
        this.runningAt = runningAt;
        this.finishedAt = finishedAt;
    }

    /** Azure removes finished jobs at lastActionDateTime + TTL. Computed, not stored: 100 000 fewer objects. */
    Instant expiresAt() {
        return finishedAt.plus(draft.ttl);
    }

    String id() {
        return id;
    }

    /** B's {@code internalId}, the {@code jobID} of summary.json. */
    String internalId() {
        String value = internalId;
        if (value == null) {
            long msb = mix(token ^ 0x1L);
            long lsb = mix(token ^ 0x2L);
            value = new UUID((msb & ~0xF000L) | 0x4000L, (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
            internalId = value;
        }
        return value;
    }

    /**
     * This job's {@code outputs} as of {@code now}, made by {@code render} from the start of that
     * second. Made once per second of the clock: a list page of 100 finished jobs read in the same
     * second signs and writes no URL, and every later read still gets links with a later expiry.
     */
    String outputs(Instant now, Function<Instant, String> render) {
        long second = now.getEpochSecond();
        Outputs value = outputs;
        if (value == null || value.second != second) {
            value = new Outputs(second, render.apply(Instant.ofEpochSecond(second)));
            outputs = value;
        }
        return value.json;
    }

    private record Outputs(long second, String json) {
    }

    /** SplitMix64's finaliser: a cheap, well-spread function of the token. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    JobStatus statusAt(Instant now) {
        if (now.isBefore(runningAt)) {
            return JobStatus.NOT_STARTED;
        }
        if (now.isBefore(finishedAt)) {
            return JobStatus.RUNNING;
        }
        return fails ? JobStatus.FAILED : JobStatus.SUCCEEDED;
    }

    /** The instant the given status was entered: Azure's lastActionDateTime. */
    Instant enteredAt(JobStatus status) {
        return switch (status) {
            case NOT_STARTED -> created;
            case RUNNING -> runningAt;
            case SUCCEEDED, FAILED -> finishedAt;
        };
    }

    /** Bytes of the result: the bundled MP4 unless a test asked for a synthetic size. */
    long resultSize(long defaultSize) {
        long size = resultSize;
        return size < 0 ? defaultSize : size;
    }

    boolean hasSyntheticResult() {
        return resultSize >= 0;
    }

    synchronized void setResultSize(long bytes) {
        resultSize = bytes;
        jsonCache = null;
    }

    synchronized String cachedJson(Dialect dialect, JobStatus status) {
        return jsonCache == null ? null : jsonCache[slot(dialect, status)];
    }

    synchronized void cacheJson(Dialect dialect, JobStatus status, String json) {
        if (jsonCache == null) {
            jsonCache = new String[Dialect.values().length * JobStatus.values().length];
        }
        jsonCache[slot(dialect, status)] = json;
    }

    private static int slot(Dialect dialect, JobStatus status) {
        return dialect.ordinal() * JobStatus.values().length + status.ordinal();
    }
}
