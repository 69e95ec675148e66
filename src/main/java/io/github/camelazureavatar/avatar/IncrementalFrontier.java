package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.github.camelazureavatar.avatar.client.JobListing;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import org.apache.camel.spi.IdempotentRepository;

/**
 * What incremental polling remembers between polls: the jobs that are not settled yet, that is, still in progress, or
 * finished in a wanted status that was not delivered. Everything else the list holds is settled: finished jobs never
 * change, so a settled job can never be news again.
 *
 * <p>
 * The invariant, after any walk that reached the end of the list or stopped here: every job created before the oldest
 * unsettled job remembered is settled. Azure lists newest first and stamps new jobs with the time of their creation,
 * so they come at the top; the next walk can therefore end at the first page whose jobs are all settled and created
 * before that instant, for every job that might change is above it. Memory grows with the unsettled jobs (those in
 * progress, at most 200 in Azure, plus the changes not yet delivered), never with the whole list.
 *
 * <p>
 * A remembered job that a covering walk did not list twice in a row is forgotten: it was deleted (after it finished:
 * Azure refuses to delete a job in progress). Twice, because a deletion between two page requests shifts the list up
 * and can hide a job from one walk. Only the poll thread touches this object.
 */
final class IncrementalFrontier {

    private static final class Unsettled {
        Instant created;
        String statusKey;
        boolean finished;
        long seenInPoll;
        int missed;
    }

    /**
     * What the frontier needs of a candidate once it was emitted: not the job, which can then be collected. The thread
     * that commits its change marks it delivered, which spares {@link #delivered} a repository look-up per candidate.
     */
    static final class Candidate {
        private final String id;
        private final String statusKey;
        private final boolean finished;
        private final Instant created;
        private volatile boolean delivered;

        private Candidate(AvatarSynthesisJob job) {
            this.id = job.getId();
            this.statusKey = job.statusKey();
            this.finished = job.getStatus().isFinished();
            this.created = job.getCreatedDateTime();
        }

        /** Its change is in the idempotent repository. */
        void delivered() {
            delivered = true;
        }
    }

    /** The candidate as the frontier needs it after emission, or null when incremental polling is off. */
    Candidate candidate(AvatarSynthesisJob job) {
        return enabled ? new Candidate(job) : null;
    }

    private final boolean enabled;
    private final int fullScanEvery;
    private final Map<String, Unsettled> unsettled = new HashMap<>();
    private boolean complete;
    private int pollsSinceFullPass;

    IncrementalFrontier(boolean enabled, int fullScanEvery) {
        this.enabled = enabled;
        this.fullScanEvery = fullScanEvery;
    }

    /** Whether the coming poll must read the whole list. */
    boolean fullPassDue(boolean forced) {
        if (!enabled || forced || !complete) {
            return true;
        }
        return fullScanEvery > 0 && pollsSinceFullPass + 1 >= fullScanEvery;
    }

    /**
     * The instant before which a page of settled jobs ends an incremental walk: the creation of the oldest unsettled
     * job, {@link Instant#MAX} when none is, {@link Instant#MIN} (never stop) when one has no readable creation time.
     */
    Instant oldestUnsettled() {
        Instant oldest = Instant.MAX;
        for (Unsettled job : unsettled.values()) {
            if (job.created == null) {
                return Instant.MIN;
            }
            if (job.created.isBefore(oldest)) {
                oldest = job.created;
            }
        }
        return oldest;
    }

    /**
     * Called for every job a walk lists. A candidate (a change to emit) is only marked as seen here: whether it stays
     * unsettled is known once it was delivered, see {@link #delivered}.
     */
    void saw(long poll, AvatarSynthesisJob job, boolean settled, boolean candidate) {
        if (!enabled) {
            return;
        }
        if (settled) {
            unsettled.remove(job.getId());
            return;
        }
        Unsettled known = unsettled.get(job.getId());
        if (known == null && candidate) {
            return;
        }
        remember(poll, job, known);
    }

    private void remember(long poll, AvatarSynthesisJob job, Unsettled known) {
        if (known == null) {
            known = new Unsettled();
            unsettled.put(job.getId(), known);
        }
        if (known.created == null) {
            known.created = job.getCreatedDateTime();
        }
        known.statusKey = job.statusKey();
        known.finished = job.getStatus().isFinished();
        known.seenInPoll = poll;
        known.missed = 0;
    }

    /**
     * Called once a walk ended normally (an exception leaves everything as it was).
     *
     * @param cutShort   the walk stopped because the poll had enough changes (maxMessagesPerPoll), not below the
     *                   oldest unsettled job: the pages below were not read
     * @param unreadable the walk left out a job it could not read
     */
    void walked(long poll, JobListing.End end, boolean fullPass, boolean cutShort, boolean unreadable) {
        if (!enabled) {
            return;
        }
        // a walk that reached the last page, or stopped below the oldest unsettled job, passed every remembered one
        if (end == JobListing.End.LAST_PAGE || end == JobListing.End.STOPPED && !cutShort) {
            unsettled.values().removeIf(job -> job.seenInPoll != poll && ++job.missed >= 2);
        }
        if (!fullPass) {
            pollsSinceFullPass++;
        } else if (end == JobListing.End.LAST_PAGE) {
            complete = true;
            pollsSinceFullPass = 0;
        }
        if (unreadable) {
            // nothing is known of that job, not even when it was created, so no walk may stop above it: full passes
            // until it reads well, or it would wait for the next full pass
            complete = false;
        }
    }

    /**
     * Called after the candidates of a poll were emitted (or recorded, for skipExisting): a finished one whose change
     * was delivered by a route that ran in the poll is settled; any other (in progress, failed, still routing, held
     * back by maxMessagesPerPoll) is remembered, so that the next walks go down to it.
     */
    void delivered(long poll, Collection<Candidate> candidates, IdempotentRepository delivered) {
        if (!enabled) {
            return;
        }
        for (Candidate job : candidates) {
            if (job.finished && job.delivered) {
                unsettled.remove(job.id);
            } else {
                Unsettled known = unsettled.computeIfAbsent(job.id, id -> new Unsettled());
                if (known.created == null) {
                    known.created = job.created;
                }
                known.statusKey = job.statusKey;
                known.finished = job.finished;
                known.seenInPoll = poll;
                known.missed = 0;
            }
        }
        // and those remembered from earlier polls that a route has delivered since
        unsettled.values().removeIf(job -> job.finished && job.seenInPoll != poll && delivered.contains(job.statusKey));
    }

    int unsettledCount() {
        return unsettled.size();
    }
}
