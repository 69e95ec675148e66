package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All a consumer endpoint remembers, for as long as the endpoint lives (a route stop and start keeps it), guarded by
 * this object's lock: what was delivered, what is being routed, and what incremental polling knows of the list.
 *
 * <p>
 * A key is {@code label(statuses)/jobId/created/status}: a route with another label or status filter keeps a record of
 * its own even in a shared repository, and a job deleted and created again under its id is another job. The default
 * record holds the keys of the jobs the list still shows, however many: a job leaves it when two whole walks in a row
 * did not list it (one walk may miss a job that a deletion between two pages shifted).
 */
final class DeliveryRecord extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecord.class);

    final IdempotentRepository delivered;
    final IdempotentRepository inProgress;
    /** skipExisting applies to the first walk of this record only. */
    boolean existingSkipped;
    /** Finished jobs in a wanted status not delivered yet, by key: offered again from memory, they never change. */
    final Map<String, AvatarSynthesisJob> undelivered = new LinkedHashMap<>();
    /** Unfinished jobs as last listed, by id/created: every walk reaches below the oldest. */
    final Map<String, AvatarSynthesisJob> unfinished = new HashMap<>();
    /** Jobs complete walks listed, by id/created, with how many whole walks in a row did not list them. */
    private final Map<String, Integer> known = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final boolean ownsDelivered;
    private final boolean ownsInProgress;
    private final String keyPrefix;
    private final long fullScanNanos;
    private long lastFullWalk;
    private boolean fullWalked;
    private boolean outOfOrder;
    private boolean full;
    private boolean ordered;
    private Instant mark;
    /** The newest creation a complete walk listed: the first job of a list in order is no older, unless deleted. */
    private Instant top;
    private Instant seenTop;

    DeliveryRecord(String label, AzureAvatarConfiguration configuration) {
        Set<JobStatus> filter = configuration.statusFilter();
        keyPrefix = label + (filter.isEmpty() ? ""
                : filter.stream().map(Enum::name).collect(Collectors.joining(",", "(", ")"))) + "/";
        fullScanNanos = TimeUnit.MILLISECONDS.toNanos(configuration.getFullScanInterval());
        ownsDelivered = configuration.getIdempotentRepository() == null;
        ownsInProgress = configuration.getInProgressRepository() == null;
        // plain maps, no LRU: a key evicted while its job is listed would announce the job again
        delivered = ownsDelivered ? memory() : configuration.getIdempotentRepository();
        inProgress = ownsInProgress ? memory() : configuration.getInProgressRepository();
    }

    private static IdempotentRepository memory() {
        return MemoryIdempotentRepository.memoryIdempotentRepository(new HashMap<>());
    }

    /** The key of a job's change to a status. */
    String key(AvatarSynthesisJob job, JobStatus status) {
        return keyPrefix + identity(job) + "/" + status.name();
    }

    private static String identity(AvatarSynthesisJob job) {
        Instant created = job.getCreatedDateTime();
        return job.getId() + "/" + (created == null ? "-" : created.toEpochMilli());
    }

    /** Starts a walk; whole when forced, before the first whole walk, while the order fails or once fullScanInterval passed. */
    void startWalk(boolean forceFull) {
        seen.clear();
        seenTop = null;
        ordered = true;
        full = forceFull || !fullWalked || outOfOrder || System.nanoTime() - lastFullWalk >= fullScanNanos;
        mark = unfinished.values().stream().map(AvatarSynthesisJob::getCreatedDateTime).min(Instant::compareTo).orElse(null);
    }

    /**
     * Notes a page; true when the walk may end here: listed in order so far, and its last job is one a complete walk
     * listed before, created before every unfinished job. Anything newer sits above it, anything below is known.
     */
    boolean listed(JobPage page, boolean inOrder) {
        List<AvatarSynthesisJob> jobs = page.jobs();
        AvatarSynthesisJob last = jobs.isEmpty() ? null : jobs.get(jobs.size() - 1);
        ordered &= inOrder && (seenTop != null || top == null || jobs.isEmpty()
                               || !jobs.get(0).getCreatedDateTime().isBefore(top));
        boolean below = !full && ordered && last != null && known.containsKey(identity(last))
                        && (mark == null || last.getCreatedDateTime().isBefore(mark));
        for (AvatarSynthesisJob job : jobs) {
            seen.add(identity(job));
            Instant created = job.getCreatedDateTime();
            seenTop = created == null || seenTop != null && !created.isAfter(seenTop) ? seenTop : created;
            if (job.getStatus().isFinished()) {
                unfinished.remove(identity(job));
            } else {
                unfinished.put(identity(job), job);
            }
        }
        return below;
    }

    /**
     * Ends a walk that did not fail; a complete walk read the last page or ended at a known page.
     *
     * @return the unfinished jobs the complete walk should have listed and did not: a GET by id says where they are
     */
    List<AvatarSynthesisJob> walked(boolean complete) {
        if (!ordered && !outOfOrder) {
            LOG.warn("Azure's job list is not newest first by creation (or a job's date is unreadable): the consumer "
                     + "reads the whole list on every poll until it is again");
        }
        outOfOrder = !ordered || outOfOrder && !(full && complete);
        if (!complete) {
            return List.of();
        }
        top = seenTop;
        seen.forEach(id -> known.putIfAbsent(id, 0));
        if (full) {
            known.entrySet().removeIf(entry -> {
                int missed = seen.contains(entry.getKey()) ? 0 : entry.getValue() + 1;
                entry.setValue(missed);
                return missed >= 2 && forget(entry.getKey());
            });
            fullWalked = true;
            lastFullWalk = System.nanoTime();
            if (delivered instanceof MemoryIdempotentRepository memory && !ownsDelivered
                && memory.getMaxCacheSize() < known.size()) {
                LOG.warn("The idempotentRepository holds {} keys but Azure lists {} jobs: it forgets jobs still listed, "
                         + "which are then announced again. Configure one without a size limit (or a persistent one)",
                        memory.getMaxCacheSize(), known.size());
            }
        }
        List<AvatarSynthesisJob> unlisted = new ArrayList<>();
        unfinished.forEach((id, job) -> {
            if (!seen.contains(id)) {
                unlisted.add(job);
            }
        });
        return unlisted;
    }

    /** What a GET by id answered for an unfinished job a complete walk missed; true when it is the same job. */
    boolean got(AvatarSynthesisJob hidden, AvatarSynthesisJob found) {
        unfinished.remove(identity(hidden));
        if (found == null || !identity(found).equals(identity(hidden))) {
            known.remove(identity(hidden));
            return !forget(identity(hidden)); // Azure says it is gone (404), or another job took its id
        }
        if (!found.getStatus().isFinished()) {
            unfinished.put(identity(found), found);
        }
        return true;
    }

    private boolean forget(String identity) {
        unfinished.remove(identity);
        for (JobStatus status : JobStatus.values()) {
            undelivered.remove(keyPrefix + identity + "/" + status.name());
            if (ownsDelivered) {
                delivered.remove(keyPrefix + identity + "/" + status.name());
            }
        }
        return true;
    }

    /** Whether the list has been read whole, in order, and nothing was unfinished. */
    boolean isIdle() {
        return fullWalked && !outOfOrder && unfinished.isEmpty();
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(delivered, inProgress);
    }

    @Override
    protected void doStop() throws Exception {
        if (ownsDelivered) {
            ServiceHelper.stopService(delivered);
        }
        if (ownsInProgress) {
            ServiceHelper.stopService(inProgress);
        }
    }
}
