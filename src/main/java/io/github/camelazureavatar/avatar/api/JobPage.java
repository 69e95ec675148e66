package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * One page of the job list: the jobs Azure listed, newest first, that could be read, and one line per listed job that
 * could not (no id, an unknown status, a bad date...), for a WARN.
 *
 * @param jobs       the readable jobs, in Azure's order
 * @param nextLink   where the next page is, or null on the last page
 * @param unreadable why each unreadable job was left out
 */
public record JobPage(List<AvatarSynthesisJob> jobs, URI nextLink, List<String> unreadable) {

    /**
     * Whether this page lists a job created before the instant, and every job of it could be read with its creation
     * time: Azure lists newest first, so the pages after it hold only older jobs.
     */
    public boolean reachesBelow(Instant instant) {
        return unreadable.isEmpty() && !jobs.isEmpty()
               && jobs.stream().allMatch(job -> job.getCreatedDateTime() != null)
               && jobs.stream().anyMatch(job -> job.getCreatedDateTime().isBefore(instant));
    }
}
