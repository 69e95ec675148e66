package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * The 2024 generation ({@code 2024-04-15-preview}, {@code 2024-08-01}): {@code api-version} on every request, the
 * client chooses the id and creates by PUT, lists answer {@code {value, nextLink}} and page with
 * {@code skip}/{@code maxpagesize}; avatar settings live under {@code avatarConfig}.
 */
final class BatchSynthesesDialect extends AbstractAvatarDialect {

    private static final String PATH = "/avatar/batchsyntheses";

    private final AvatarApiVersion version;

    BatchSynthesesDialect(URI endpoint, AvatarApiVersion version) {
        super(endpoint, "value", "nextLink", "values", "@nextLink");
        this.version = version;
    }

    @Override
    public AvatarApiVersion version() {
        return version;
    }

    @Override
    public URI listUri(int skip, int pageSize) {
        return URI.create(base() + PATH + "?api-version=" + version.value() + "&skip=" + skip + "&maxpagesize=" + pageSize);
    }

    @Override
    public URI jobUri(String jobId) {
        return URI.create(base() + PATH + "/" + encode(jobId) + "?api-version=" + version.value());
    }

    @Override
    public URI createUri(String jobId) {
        return jobUri(jobId);
    }

    @Override
    public String createMethod() {
        return "PUT";
    }

    @Override
    public boolean clientChoosesId() {
        return true;
    }

    @Override
    public boolean supportsOperations() {
        return true;
    }

    @Override
    void readDialectFields(JsonNode job, JsonNode properties, AvatarSynthesisJob.Builder builder) {
        Long millis = longValue(properties, "durationInMilliseconds");
        builder.inputKind(text(job, "inputKind"))
                .avatarCharacter(text(job.path("avatarConfig"), "talkingAvatarCharacter"))
                .avatarStyle(text(job.path("avatarConfig"), "talkingAvatarStyle"))
                .sizeInBytes(longValue(properties, "sizeInBytes"))
                .succeededCount(intValue(properties, "succeededCount"))
                .failedCount(intValue(properties, "failedCount"))
                .duration(millis == null ? null : Duration.ofMillis(millis));
    }
}
