package io.github.camelazureavatar.avatar.emulator;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One job. Its whole future is fixed at creation (when it starts running, when it finishes,
 * whether it fails, when it expires), so its status is a pure function of the clock: no
 * timers, no state changes to synchronise, and rendering can be cached per status.
 */
final class EmulatedJob {

    /** "Never", for jobs pinned in a state; far enough that no test reaches it, small enough to add a TTL to. */
    static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

    final JobDraft draft;
    final long seq;
    final Instant created;
    final Instant runningAt;
    final Instant finishedAt;
    final Instant expiresAt;
    final String sig;
    private volatile long resultSize = -1;
    private final AtomicReferenceArray<String> jsonCache =
            new AtomicReferenceArray<>(Dialect.values().length * JobStatus.values().length);

    EmulatedJob(JobDraft draft, long seq, Instant created, Instant runningAt, Instant finishedAt, String sig) {
        this.draft = draft;
        this.seq = seq;
        this.created = created;
        this.runningAt = runningAt;
        this.finishedAt = finishedAt;
        this.expiresAt = finishedAt.isBefore(NEVER) ? finishedAt.plus(draft.ttl) : NEVER.plus(draft.ttl);
        this.sig = sig;
    }

    String id() {
        return draft.id;
    }

    JobStatus statusAt(Instant now) {
        if (now.isBefore(runningAt)) {
            return JobStatus.NOT_STARTED;
        }
        if (now.isBefore(finishedAt)) {
            return JobStatus.RUNNING;
        }
        return draft.fails ? JobStatus.FAILED : JobStatus.SUCCEEDED;
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

    void setResultSize(long bytes) {
        resultSize = bytes;
        for (int i = 0; i < jsonCache.length(); i++) {
            jsonCache.set(i, null);
        }
    }

    String cachedJson(Dialect dialect, JobStatus status) {
        return jsonCache.get(dialect.ordinal() * JobStatus.values().length + status.ordinal());
    }

    void cacheJson(Dialect dialect, JobStatus status, String json) {
        jsonCache.set(dialect.ordinal() * JobStatus.values().length + status.ordinal(), json);
    }
}
