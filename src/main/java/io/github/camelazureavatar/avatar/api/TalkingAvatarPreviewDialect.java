package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * The {@code 3.1-preview1} generation: the version is in the path, Azure makes the id on POST, lists answer
 * {@code {values, @nextLink}} and page with {@code skip}/{@code top}; avatar settings live under {@code properties}.
 */
final class TalkingAvatarPreviewDialect extends AbstractAvatarDialect {

    private static final String PATH = "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar";

    TalkingAvatarPreviewDialect(URI endpoint) {
        super(endpoint, "values", "@nextLink", "value", "nextLink");
    }

    @Override
    public AvatarApiVersion version() {
        return AvatarApiVersion.V3_1_PREVIEW1;
    }

    @Override
    public URI listUri(int skip, int pageSize) {
        return URI.create(base() + PATH + "?skip=" + skip + "&top=" + pageSize);
    }

    @Override
    public URI jobUri(String jobId) {
        return URI.create(base() + PATH + "/" + encode(jobId));
    }

    @Override
    public URI createUri(String jobId) {
        return URI.create(base() + PATH);
    }

    @Override
    public String createMethod() {
        return "POST";
    }

    @Override
    public boolean clientChoosesId() {
        return false;
    }

    @Override
    public boolean supportsOperations() {
        return false;
    }

    @Override
    void readDialectFields(JsonNode job, JsonNode properties, AvatarSynthesisJob.Builder builder) {
        builder.displayName(text(job, "displayName"))
                .inputKind(text(job, "textType"))
                .avatarCharacter(text(properties, "talkingAvatarCharacter"))
                .avatarStyle(text(properties, "talkingAvatarStyle"))
                .sizeInBytes(longValue(properties, "audioSize"))
                .succeededCount(intValue(properties, "succeededAudioCount"))
                .failedCount(intValue(properties, "failedAudioCount"));
        Duration duration = isoDuration(text(properties, "duration"));
        Long ticks = longValue(properties, "durationInTicks");
        if (duration == null && ticks != null) {
            duration = Duration.ofNanos(ticks * 100);
        }
        builder.duration(duration);
    }
}
