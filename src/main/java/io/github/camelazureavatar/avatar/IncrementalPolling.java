package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * What incremental polling remembers between polls: the jobs that were not settled when last listed (in progress, or
 * finished in a wanted status not delivered yet), by the time of their creation. A finished, delivered job never
 * changes again, and Azure lists newest first with new jobs on top; so every job created before the oldest unsettled
 * one is settled, and a walk can stop at the first page whose jobs are all settled and created before it.
 *
 * <p>
 * Ids, not just that one instant: a job deleted between two page requests shifts the list up and hides the job after
 * it from that walk (a route that downloads and deletes each finished job does it on every page). A remembered job
 * that a complete walk did not list is kept for one more walk; twice unlisted, it was deleted.
 */
final class IncrementalPolling {

    private final int fullScanEvery;
    /** Creation time of each job not settled when last listed; null until a walk passed the whole list. */
    private Map<String, Instant> unsettled;
    /** The remembered jobs that the last complete walk did not list. */
    private Set<String> unlisted = new HashSet<>();
    private boolean unreadableListed;
    /** Creation time of the newest job the last complete walk listed: anything newer is news. */
    private Instant newestListed;
    private int pollsSinceFullPass;

    private final Map<String, Instant> seenUnsettled = new HashMap<>();
    private final Set<String> seenSettled = new HashSet<>();
    private boolean seenUnreadable;
    private Instant seenNewest;

    IncrementalPolling(int fullScanEvery) {
        this.fullScanEvery = fullScanEvery;
    }

    /**
     * Starts a walk.
     *
     * @return the instant below which a page ends the walk, or null when the walk must read the whole list
     */
    Instant startWalk() {
        seenUnsettled.clear();
        seenSettled.clear();
        seenUnreadable = false;
        seenNewest = null;
        if (unsettled == null || fullScanEvery == 1 || fullScanEvery > 1 && pollsSinceFullPass + 1 >= fullScanEvery) {
            return null;
        }
        // nothing is known of an unreadable job, not even its creation: no page may end the walk above it
        if (unreadableListed || newestListed == null) {
            return Instant.MIN;
        }
        return unsettled.values().stream().min(Comparator.naturalOrder()).filter(newestListed::isAfter)
                .orElse(newestListed);
    }

    /** Whether the last walks passed the whole list and found nothing unsettled: nothing is in progress. */
    boolean isIdle() {
        return unsettled != null && unsettled.isEmpty() && !unreadableListed;
    }

    /** How many jobs were unsettled when last listed (0 before the first complete walk). */
    int unsettledCount() {
        return unsettled == null ? 0 : unsettled.size();
    }

    /** A job the walk listed; a candidate is settled once its change was delivered. */
    void saw(AvatarSynthesisJob job, boolean settled) {
        Instant created = job.getCreatedDateTime();
        if (created != null && (seenNewest == null || created.isAfter(seenNewest))) {
            seenNewest = created;
        }
        if (settled) {
            seenSettled.add(job.getId());
        } else {
            seenUnsettled.put(job.getId(), created == null ? Instant.MIN : created);
        }
    }

    void sawUnreadable() {
        seenUnreadable = true;
    }

    /**
     * Ends a walk that did not fail.
     *
     * @param complete whether it passed every job that might be news: it read the last page, or stopped at a page of
     *                 settled jobs. A walk cut short (maxMessagesPerPoll, a stopping route, a cycle) only adds to what
     *                 is known.
     */
    void walked(boolean fullPass, boolean complete) {
        if (complete) {
            Map<String, Instant> next = new HashMap<>(seenUnsettled);
            Set<String> nextUnlisted = new HashSet<>();
            if (unsettled != null) {
                unsettled.forEach((id, created) -> {
                    if (!next.containsKey(id) && !seenSettled.contains(id) && !unlisted.contains(id)) {
                        next.put(id, created);
                        nextUnlisted.add(id);
                    }
                });
            }
            unsettled = next;
            unlisted = nextUnlisted;
            unreadableListed = seenUnreadable;
            newestListed = seenNewest;
        } else if (unsettled != null) {
            seenSettled.forEach(unsettled::remove);
            unsettled.putAll(seenUnsettled);
            unlisted.removeAll(seenSettled);
            unlisted.removeAll(seenUnsettled.keySet());
            unreadableListed |= seenUnreadable;
        }
        pollsSinceFullPass = fullPass && complete ? 0 : pollsSinceFullPass + 1;
    }
}
