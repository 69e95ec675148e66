package io.github.camelazureavatar.avatar;

import io.github.camelazureavatar.avatar.client.AzureAvatarException;
import io.github.camelazureavatar.avatar.model.JobStatus;

/**
 * An operation does not fit the job's status: deleting a job that has not finished, downloading the video of a job
 * that has not succeeded. Routes can catch it by type and retry later, once the job reached the status needed.
 */
public class AzureAvatarJobStateException extends AzureAvatarException {

    private final String jobId;
    private final JobStatus status;

    public AzureAvatarJobStateException(String message, String jobId, JobStatus status, int httpResponseCode,
                                        String azureErrorCode, Throwable cause) {
        super(message, httpResponseCode, azureErrorCode, cause);
        this.jobId = jobId;
        this.status = status;
    }

    public String getJobId() {
        return jobId;
    }

    /** The job's status when the operation was refused. */
    public JobStatus getStatus() {
        return status;
    }
}
