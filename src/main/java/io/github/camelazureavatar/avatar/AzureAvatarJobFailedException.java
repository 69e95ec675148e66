package io.github.camelazureavatar.avatar;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import io.github.camelazureavatar.avatar.model.SecretMasking;

/**
 * A job that createAndWait waited for finished as Failed. Azure's error code is {@link #getAzureErrorCode()}, and the
 * job as Azure last listed it is {@link #getJob()}.
 */
public class AzureAvatarJobFailedException extends AzureAvatarJobStateException {

    private final transient AvatarSynthesisJob job;

    public AzureAvatarJobFailedException(AvatarSynthesisJob job) {
        super("Avatar job " + job.getId() + " failed"
              + (job.getError() == null ? "" : ": " + SecretMasking.maskText(job.getError().toString())),
              job.getId(), JobStatus.Failed, 0, job.getError() == null ? null : job.getError().code(), null);
        this.job = job;
    }

    /** The failed job, as Azure listed it. */
    public AvatarSynthesisJob getJob() {
        return job;
    }
}
