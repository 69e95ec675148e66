package io.github.camelazureavatar.avatar;

import java.util.List;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import org.apache.camel.Message;

/** The headers that describe a job, the same for the consumer's events and the producer's answers. */
final class AvatarJobHeaders {

    private static final List<String> DESCRIBING = List.of(AzureAvatarConstants.STATUS,
            AzureAvatarConstants.DISPLAY_NAME, AzureAvatarConstants.CREATED_DATE_TIME,
            AzureAvatarConstants.LAST_ACTION_DATE_TIME, AzureAvatarConstants.RESULT_URL, AzureAvatarConstants.SUMMARY_URL);

    private AvatarJobHeaders() {
    }

    /** Describes the job; a field the job lacks removes its header, so nothing stale from another job remains. */
    static void set(Message message, AvatarSynthesisJob job) {
        message.setHeader(AzureAvatarConstants.JOB_ID, job.getId());
        message.setHeader(AzureAvatarConstants.STATUS, job.getStatus().name());
        setOrRemove(message, AzureAvatarConstants.DISPLAY_NAME, job.getDisplayName());
        setOrRemove(message, AzureAvatarConstants.CREATED_DATE_TIME, job.getCreatedDateTime());
        setOrRemove(message, AzureAvatarConstants.LAST_ACTION_DATE_TIME, job.getLastActionDateTime());
        // headers get logged, traced and copied to other systems: the SAS signature stays on the body's job only
        setOrRemove(message, AzureAvatarConstants.RESULT_URL, job.getMaskedResultUrl());
        setOrRemove(message, AzureAvatarConstants.SUMMARY_URL, job.getMaskedSummaryUrl());
    }

    /** Removes what describes a job (not its id), for answers about a job that does not exist. */
    static void remove(Message message) {
        DESCRIBING.forEach(message::removeHeader);
    }

    static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
