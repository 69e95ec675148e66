package io.github.camelazureavatar.avatar.api;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;

/**
 * One job as a list page shows it, read only as far as a consumer needs to decide about it: id and status at once,
 * creation time on demand, the full {@link AvatarSynthesisJob} only for the jobs it emits. A poll over 100 000 jobs
 * that were all delivered before builds no model at all.
 */
public final class ListedJob {

    private final AbstractAvatarDialect dialect;
    private final ObjectNode json;
    private final String id;
    private final JobStatus status;
    private final String statusKey;
    private AvatarSynthesisJob job;

    ListedJob(AbstractAvatarDialect dialect, ObjectNode json, String id, JobStatus status) {
        this.dialect = dialect;
        this.json = json;
        this.id = id;
        this.status = status;
        this.statusKey = AvatarSynthesisJob.statusKey(id, status);
    }

    public String id() {
        return id;
    }

    public JobStatus status() {
        return status;
    }

    /** {@code id:status}, the key a consumer remembers a delivery by. */
    public String statusKey() {
        return statusKey;
    }

    /**
     * When Azure created the job, or null when the page does not say or says it unreadably.
     */
    public Instant createdDateTime() {
        try {
            return AzureDates.parse(AbstractAvatarDialect.text(json, "createdDateTime"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The whole job, read once.
     *
     * @throws IllegalArgumentException when a field is unreadable (a bad date, say)
     */
    public AvatarSynthesisJob job() {
        if (job == null) {
            job = dialect.readJob(json, id, status);
        }
        return job;
    }
}
