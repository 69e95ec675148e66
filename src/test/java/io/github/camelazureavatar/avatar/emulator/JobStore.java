package io.github.camelazureavatar.avatar.emulator;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All jobs, shared by both API generations. Mutations are serialised on this object; list
 * requests read an immutable, already-sorted snapshot array that is rebuilt only after a
 * mutation, so a page of 100 out of 100 000 jobs is an array slice, not a sort.
 */
final class JobStore {

    /** Azure lists newest first; equal timestamps fall back to creation order, newest first. */
    static final Comparator<EmulatedJob> NEWEST_FIRST =
            Comparator.comparing((EmulatedJob j) -> j.created).reversed()
                    .thenComparing(Comparator.comparingLong((EmulatedJob j) -> j.seq).reversed());

    enum AddResult { ADDED, DUPLICATE_ID, TOO_MANY_ACTIVE, OPERATION_ID_REUSED }

    record Operation(String id, String jobId, String fingerprint) {
    }

    private final EmulatorClock clock;
    private final Map<String, EmulatedJob> byId = new ConcurrentHashMap<>();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final TreeSet<EmulatedJob> ordered = new TreeSet<>(NEWEST_FIRST);
    // Deleted jobs are skipped lazily when they surface, to keep deletes O(log n).
    private final PriorityQueue<EmulatedJob> byExpiry =
            new PriorityQueue<>(Comparator.comparing((EmulatedJob j) -> j.expiresAt));
    private final PriorityQueue<EmulatedJob> unfinished =
            new PriorityQueue<>(Comparator.comparing((EmulatedJob j) -> j.finishedAt));
    private volatile EmulatedJob[] snapshot = new EmulatedJob[0];

    JobStore(EmulatorClock clock) {
        this.clock = clock;
    }

    synchronized AddResult add(EmulatedJob job, int maxActive) {
        purgeExpired();
        if (byId.containsKey(job.id())) {
            return AddResult.DUPLICATE_ID;
        }
        String opId = job.draft.operationId;
        if (opId != null && operations.containsKey(opId)) {
            return AddResult.OPERATION_ID_REUSED;
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

    /** Bulk insert for seeding: no limits, one snapshot invalidation. Ids must be unique. */
    synchronized void addAll(Collection<EmulatedJob> jobs) {
        for (EmulatedJob job : jobs) {
            if (byId.containsKey(job.id())) {
                throw new IllegalArgumentException("Duplicate job id " + job.id());
            }
        }
        for (EmulatedJob job : jobs) {
            insert(job);
        }
        snapshot = null;
    }

    private void insert(EmulatedJob job) {
        byId.put(job.id(), job);
        ordered.add(job);
        byExpiry.add(job);
        unfinished.add(job);
    }

    synchronized boolean remove(String id) {
        EmulatedJob job = byId.remove(id);
        if (job == null) {
            return false;
        }
        ordered.remove(job);
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

    /** Newest first, as of now (expired jobs removed). Do not modify. */
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
        if (head == null || now.isBefore(head.expiresAt)) {
            return;
        }
        synchronized (this) {
            boolean changed = false;
            while (!byExpiry.isEmpty() && !now.isBefore(byExpiry.peek().expiresAt)) {
                EmulatedJob job = byExpiry.poll();
                if (byId.get(job.id()) == job) {
                    byId.remove(job.id());
                    ordered.remove(job);
                    changed = true;
                }
            }
            if (changed) {
                snapshot = null;
            }
        }
    }
}
