package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * One page of the job list: the readable jobs in Azure's order, the next page (null on the last) and why each listed
 * job that could not be read was left out (no id, an unknown status, a bad date...).
 */
public record JobPage(List<AvatarSynthesisJob> jobs, URI nextLink, List<String> unreadable) {

    /** Whether every job could be read with its creation and one was created before the instant. */
    public boolean reachesBelow(Instant instant) {
        return unreadable.isEmpty() && jobs.stream().allMatch(job -> job.getCreatedDateTime() != null)
               && jobs.stream().anyMatch(job -> job.getCreatedDateTime().isBefore(instant));
    }
}
