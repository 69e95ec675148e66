package io.github.camelazureavatar.avatar;

import java.util.List;
import java.util.function.BiConsumer;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The headers that describe a job, the same for the consumer's events and the producer's answers. */
final class AvatarJobHeaders {

    private static final List<String> DESCRIBING = List.of(AzureAvatarConstants.STATUS,
            AzureAvatarConstants.DISPLAY_NAME, AzureAvatarConstants.CREATED_DATE_TIME,
            AzureAvatarConstants.LAST_ACTION_DATE_TIME, AzureAvatarConstants.RESULT_URL, AzureAvatarConstants.SUMMARY_URL,
            Exchange.MESSAGE_TIMESTAMP);

    private AvatarJobHeaders() {
    }

    /** Hands each describing header and its value (null where the job lacks the field) to {@code header}. */
    private static void describe(AvatarSynthesisJob job, BiConsumer<String, Object> header) {
        header.accept(AzureAvatarConstants.JOB_ID, job.getId());
        header.accept(AzureAvatarConstants.STATUS, job.getStatus().name());
        header.accept(AzureAvatarConstants.DISPLAY_NAME, job.getDisplayName());
        header.accept(AzureAvatarConstants.CREATED_DATE_TIME, job.getCreatedDateTime());
        header.accept(AzureAvatarConstants.LAST_ACTION_DATE_TIME, job.getLastActionDateTime());
        header.accept(Exchange.MESSAGE_TIMESTAMP,
                job.getLastActionDateTime() == null ? null : job.getLastActionDateTime().toEpochMilli());
        // headers get logged, traced and copied to other systems: the SAS signature stays on the body's job only
        header.accept(AzureAvatarConstants.RESULT_URL, job.getMaskedResultUrl());
        header.accept(AzureAvatarConstants.SUMMARY_URL, job.getMaskedSummaryUrl());
    }

    /** Describes the job; a field the job lacks removes its header, so nothing stale from another job remains. */
    static void set(Message message, AvatarSynthesisJob job) {
        describe(job, (header, value) -> setOrRemove(message, header, value));
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
