package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All jobs, shared by both API generations. Mutations are serialised on this object; list
 * requests read an immutable, already-sorted snapshot array that is rebuilt only after a
 * mutation, so a page of 100 out of 100 000 jobs is an array slice, not a sort.
 */
final class JobStore {

    /** Oldest first; listing reads it backwards (Azure lists newest first, ties newest-created first). */
    static final Comparator<EmulatedJob> OLDEST_FIRST = (x, y) -> {
        int c = x.created.compareTo(y.created);
        return c != 0 ? c : Long.compare(x.seq, y.seq);
    };

    /** REPLAYED: the same request under the same Operation-Id again; nothing was added. */
    enum AddResult { ADDED, DUPLICATE_ID, TOO_MANY_ACTIVE, OPERATION_ID_REUSED, REPLAYED }

    record Operation(String id, String jobId, JsonNode fingerprint) {
    }

    private final EmulatorClock clock;
    private final Map<String, EmulatedJob> byId = new ConcurrentHashMap<>();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    // Oldest first, so the usual create (newest) is an append, not a shift of 100 000 entries.
    private final ArrayList<EmulatedJob> ordered = new ArrayList<>();
    // Deleted jobs are skipped lazily when they surface, to keep deletes O(log n).
    private final PriorityQueue<EmulatedJob> byExpiry =
            new PriorityQueue<>(Comparator.comparing(EmulatedJob::expiresAt));
    private final PriorityQueue<EmulatedJob> unfinished =
            new PriorityQueue<>(Comparator.comparing((EmulatedJob j) -> j.finishedAt));
    private volatile EmulatedJob[] snapshot = new EmulatedJob[0];

    JobStore(EmulatorClock clock) {
        this.clock = clock;
    }

    synchronized AddResult add(EmulatedJob job, int maxActive) {
        purgeExpired();
        String opId = job.draft.operationId;
        Operation op = opId == null ? null : operations.get(opId);
        if (op != null) {
            // JsonNode equality ignores the order of fields: the same definition written differently is the same request
            return Objects.equals(op.fingerprint(), job.draft.requestFingerprint) ? AddResult.REPLAYED
                    : AddResult.OPERATION_ID_REUSED;
        }
        if (byId.containsKey(job.id())) {
            return AddResult.DUPLICATE_ID;
        }
        if (maxActive >= 0 && activeCount() >= maxActive) {
            return AddResult.TOO_MANY_ACTIVE;
        }
        insert(job);
        if (opId != null) {
            operations.put(opId, new Operation(opId, job.id(), job.draft.requestFingerprint));
        }
        snapshot = null;
        return AddResult.ADDED;
    }

    /** Bulk insert for seeding: no limits, one sort, one snapshot invalidation. Ids must be unique. */
    synchronized void addAll(Collection<EmulatedJob> jobs) {
        for (EmulatedJob job : jobs) {
            if (byId.containsKey(job.id())) {
                throw new IllegalArgumentException("Duplicate job id " + job.id());
            }
        }
        Instant now = clock.now();
        for (EmulatedJob job : jobs) {
            index(job, now);
        }
        ordered.addAll(jobs);
        ordered.sort(OLDEST_FIRST); // two sorted runs: TimSort merges them in linear time
        snapshot = null;
    }

    /** An operation goes with its job: once the job is deleted or expired, its Operation-Id is free again. */
    private void forgetOperation(EmulatedJob job) {
        String opId = job.draft.operationId;
        if (opId != null) {
            operations.computeIfPresent(opId, (id, op) -> op.jobId().equals(job.id()) ? null : op);
        }
    }

    private void insert(EmulatedJob job) {
        index(job, clock.now());
        int at = Collections.binarySearch(ordered, job, OLDEST_FIRST);
        ordered.add(at < 0 ? -at - 1 : at, job);
    }

    private void index(EmulatedJob job, Instant now) {
        byId.put(job.id(), job);
        byExpiry.add(job);
        if (now.isBefore(job.finishedAt)) {
            unfinished.add(job);
        }
    }

    private void unorder(EmulatedJob job) {
        int at = Collections.binarySearch(ordered, job, OLDEST_FIRST);
        if (at >= 0) {
            ordered.remove(at);
        }
    }

    synchronized boolean remove(String id) {
        EmulatedJob job = byId.remove(id);
        if (job == null) {
            return false;
        }
        forgetOperation(job);
        unorder(job);
        if (clock.now().isBefore(job.finishedAt)) {
            unfinished.remove(job);
        }
        snapshot = null;
        return true;
    }

    EmulatedJob get(String id) {
        purgeExpired();
        return byId.get(id);
    }

    Operation operation(String id) {
        return operations.get(id);
    }

    /** Oldest first, as of now (expired jobs removed); read it backwards for Azure's order. Do not modify. */
    EmulatedJob[] snapshot() {
        purgeExpired();
        EmulatedJob[] s = snapshot;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (snapshot == null) {
                snapshot = ordered.toArray(new EmulatedJob[0]);
            }
            return snapshot;
        }
    }

    int size() {
        purgeExpired();
        return byId.size();
    }

    synchronized int activeCount() {
        Instant now = clock.now();
        while (!unfinished.isEmpty() && !now.isBefore(unfinished.peek().finishedAt)) {
            unfinished.poll();
        }
        return unfinished.size();
    }

    /** Azure deletes finished jobs at lastActionDateTime + TTL; we do it when someone looks. */
    void purgeExpired() {
        Instant now = clock.now();
        EmulatedJob head;
        synchronized (this) {
            head = byExpiry.peek();
        }
        if (head == null || now.isBefore(head.expiresAt())) {
            return;
        }
        synchronized (this) {
            // Many jobs may expire in one clock step (a month on 100 000 seeded jobs): remove in one pass.
            Set<EmulatedJob> expired = Collections.newSetFromMap(new IdentityHashMap<>());
            while (!byExpiry.isEmpty() && !now.isBefore(byExpiry.peek().expiresAt())) {
                EmulatedJob job = byExpiry.poll();
                if (byId.get(job.id()) == job) {
                    byId.remove(job.id());
                    forgetOperation(job);
                    expired.add(job);
                }
            }
            if (!expired.isEmpty()) {
                ordered.removeIf(expired::contains);
                snapshot = null;
            }
        }
    }
}
