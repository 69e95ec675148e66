package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository.memoryIdempotentRepository;

/**
 * All a consumer endpoint remembers (guarded by this object's lock), kept across route restarts. A key is
 * {@code label(statuses)/jobId/created/status}: another label or filter keeps its own record, and a job created again
 * under its id is another job. A job is forgotten when two whole walks in a row did not list it (a deletion between
 * two pages hides a job from one walk), never while listed.
 */
final class DeliveryRecord {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecord.class);

    final IdempotentRepository delivered;
    final IdempotentRepository inProgress;
    /** The key delivered holds once skipExisting recorded a whole list: a restart on that repository skips nothing. */
    final String existingSkipped;
    /** Finished jobs in a wanted status not delivered yet, by key: offered again from memory (they never change). */
    final Map<String, AvatarSynthesisJob> undelivered = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Unfinished jobs as last listed, by id/created: a walk reaches below the oldest. */
    final Map<String, AvatarSynthesisJob> unfinished = new HashMap<>();
    /** Jobs complete walks listed, by id/created, with how many whole walks in a row missed them. */
    private final Map<String, Integer> known = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<JobStatus> filter;
    private final String keyPrefix;
    private final long fullScanNanos;
    private final boolean ours;
    private Long lastFullWalk;
    private boolean outOfOrder;
    private boolean full;
    private boolean ordered;
    private Instant previous;
    /** The newest creation a complete walk listed: a list in order starts no lower, unless that job was deleted. */
    private Instant top;
    private Instant seenTop;

    DeliveryRecord(String label, AzureAvatarConfiguration configuration) {
        filter = configuration.statusFilter();
        keyPrefix = label + (filter.isEmpty() ? ""
                : filter.stream().map(Enum::name).collect(Collectors.joining(",", "(", ")"))) + "/";
        existingSkipped = keyPrefix + "existing-skipped";
        fullScanNanos = TimeUnit.MILLISECONDS.toNanos(configuration.getFullScanInterval());
        ours = configuration.getIdempotentRepository() == null;
        delivered = ours ? memoryIdempotentRepository(new HashMap<>()) : configuration.getIdempotentRepository();
        inProgress = configuration.getInProgressRepository() != null ? configuration.getInProgressRepository()
                : memoryIdempotentRepository(new HashMap<>());
    }

    boolean isWanted(AvatarSynthesisJob job) {
        return filter.isEmpty() || filter.contains(job.getStatus());
    }

    String key(AvatarSynthesisJob job) {
        return key(identity(job), job.getStatus());
    }

    private String key(String identity, JobStatus status) {
        return keyPrefix + identity + "/" + status.name();
    }

    /** The latest earlier status whose key was delivered; read from the repository so it survives restarts. */
    String previousStatus(AvatarSynthesisJob job) {
        return Stream.of(JobStatus.Running, JobStatus.NotStarted).filter(earlier -> earlier.compareTo(job.getStatus()) < 0
                && delivered.contains(key(identity(job), earlier))).map(Enum::name).findFirst().orElse(null);
    }

    private static String identity(AvatarSynthesisJob job) {
        return job.getId() + "/" + (job.getCreatedDateTime() == null ? "-" : job.getCreatedDateTime().toEpochMilli());
    }

    /** A walk is whole before the first whole walk, while the order fails, once fullScanInterval passed, or if forced. */
    void startWalk(boolean forceFull) {
        seen.clear();
        seenTop = null;
        previous = null;
        ordered = true;
        full = forceFull || lastFullWalk == null || outOfOrder || System.nanoTime() - lastFullWalk >= fullScanNanos;
    }

    /**
     * Notes a page and checks the order job by job, across pages; true when the walk may end: in order so far, and the
     * page ends with a job a complete walk listed, created before every unfinished job.
     */
    boolean listed(JobPage page) {
        ordered &= page.unreadable().isEmpty();
        for (AvatarSynthesisJob job : page.jobs()) {
            Instant created = job.getCreatedDateTime();
            ordered &= created != null && (previous == null ? top == null || !created.isBefore(top)
                    : !created.isAfter(previous));
            previous = created;
            seenTop = created == null || seenTop != null && !created.isAfter(seenTop) ? seenTop : created;
            seen.add(identity(job));
            unfinished.compute(identity(job), (id, was) -> job.getStatus().isFinished() ? null : job);
        }
        AvatarSynthesisJob last = page.jobs().isEmpty() ? null : page.jobs().get(page.jobs().size() - 1);
        return !full && ordered && last != null && known.containsKey(identity(last)) && unfinished.values().stream()
                .allMatch(job -> job.getCreatedDateTime() != null && job.getCreatedDateTime().isAfter(previous));
    }

    /** Ends a walk; a complete one returns the unfinished jobs it missed: hidden by a deletion between pages, or gone. */
    List<AvatarSynthesisJob> walked(boolean complete) {
        if (!ordered && !outOfOrder) {
            LOG.warn("Azure's job list is not newest first by creation (or a date is unreadable): the consumer reads the "
                     + "whole list on every poll until it is again");
        }
        outOfOrder = !ordered || outOfOrder && !(full && complete);
        if (!complete) {
            return List.of();
        }
        top = seenTop;
        seen.forEach(id -> known.putIfAbsent(id, 0));
        if (full && ordered) { // a job left out as unreadable is listed all the same: never forget it for that
            known.replaceAll((id, misses) -> seen.contains(id) ? 0 : misses + 1);
            known.keySet().stream().filter(id -> known.get(id) >= 2).toList().forEach(this::forget);
            lastFullWalk = System.nanoTime();
        }
        return unfinished.entrySet().stream().filter(e -> !seen.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    /** What a GET by id answered for an unfinished job a complete walk missed; true when it is that job. */
    boolean got(AvatarSynthesisJob hidden, AvatarSynthesisJob found) {
        if (found == null || !identity(found).equals(identity(hidden))) {
            forget(identity(hidden)); // gone (404), or another job took its id
            return false;
        }
        listed(new JobPage(List.of(found), null, List.of())); // the walk has ended: only what is unfinished counts
        return true;
    }

    private void forget(String identity) {
        known.remove(identity);
        unfinished.remove(identity);
        for (JobStatus status : JobStatus.values()) {
            undelivered.remove(key(identity, status));
            if (ours) {
                delivered.remove(key(identity, status));
            }
        }
    }

    /** Nothing in progress: the list was read whole, in order, and nothing was unfinished. */
    boolean isIdle() {
        return lastFullWalk != null && !outOfOrder && unfinished.isEmpty();
    }
}
