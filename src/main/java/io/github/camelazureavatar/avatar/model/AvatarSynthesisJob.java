package io.github.camelazureavatar.avatar.model;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One avatar batch synthesis job, the same model for every API generation. The common fields are typed; the JSON
 * Azure sent is kept whole, so fields this class does not know are never lost and can be passed on: the type
 * converters turn a job into that JSON as String, bytes, InputStream or Map, with the SAS signatures of its links
 * masked, since text gets logged, traced and forwarded. The usable links are {@link #getResultUrl()},
 * {@link #getSummaryUrl()} and {@link #getJson()}.
 */
public final class AvatarSynthesisJob {

    private final String id;
    private final String displayName;
    private final String description;
    private final JobStatus status;
    private final Instant createdDateTime;
    private final Instant lastActionDateTime;
    private final String inputKind;
    private final String avatarCharacter;
    private final String avatarStyle;
    private final Duration duration;
    private final Long sizeInBytes;
    private final Integer succeededCount;
    private final Integer failedCount;
    private final Map<String, Long> billingDetails;
    private final AvatarSynthesisError error;
    private final String resultUrl;
    private final String summaryUrl;
    /** Every field Azure sent; never handed out, so the job stays immutable. */
    private final ObjectNode json;

    private AvatarSynthesisJob(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.status = Objects.requireNonNull(b.status, "status");
        this.displayName = b.displayName;
        this.description = b.description;
        this.createdDateTime = b.createdDateTime;
        this.lastActionDateTime = b.lastActionDateTime;
        this.inputKind = b.inputKind;
        this.avatarCharacter = b.avatarCharacter;
        this.avatarStyle = b.avatarStyle;
        this.duration = b.duration;
        this.sizeInBytes = b.sizeInBytes;
        this.succeededCount = b.succeededCount;
        this.failedCount = b.failedCount;
        this.billingDetails = b.billingDetails == null ? Map.of() : Map.copyOf(b.billingDetails);
        this.error = b.error;
        this.resultUrl = b.resultUrl;
        this.summaryUrl = b.summaryUrl;
        this.json = Objects.requireNonNull(b.json, "json");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The job id: a GUID Azure made (3.1-preview1) or the id the client chose (2024-xx). */
    public String getId() {
        return id;
    }

    /** The display name (3.1-preview1 only; the 2024 generation has none). */
    public String getDisplayName() {
        return displayName;
    }

    public String getDescription() {
        return description;
    }

    public JobStatus getStatus() {
        return status;
    }

    public Instant getCreatedDateTime() {
        return createdDateTime;
    }

    /** When the job entered its current status. */
    public Instant getLastActionDateTime() {
        return lastActionDateTime;
    }

    /** {@code PlainText} or {@code SSML}. */
    public String getInputKind() {
        return inputKind;
    }

    public String getAvatarCharacter() {
        return avatarCharacter;
    }

    public String getAvatarStyle() {
        return avatarStyle;
    }

    /** The length of the rendered video, once the job succeeded. */
    public Duration getDuration() {
        return duration;
    }

    /** The size of the rendered video in bytes, once the job succeeded. */
    public Long getSizeInBytes() {
        return sizeInBytes;
    }

    public Integer getSucceededCount() {
        return succeededCount;
    }

    public Integer getFailedCount() {
        return failedCount;
    }

    /** Billed quantities by Azure's names (e.g. {@code neuralCharacters}); empty until the job finished. */
    public Map<String, Long> getBillingDetails() {
        return billingDetails;
    }

    /** Azure's reason for a failed job. */
    public AvatarSynthesisError getError() {
        return error;
    }

    /** The SAS URL of the video (treat it as a secret: its signature grants read access). */
    public String getResultUrl() {
        return resultUrl;
    }

    /** The SAS URL of summary.json (treat it as a secret). */
    public String getSummaryUrl() {
        return summaryUrl;
    }

    /** The video's URL with its SAS signature shown as {@code xxxxxx}: safe to log, not to download. */
    public String getMaskedResultUrl() {
        return SecretMasking.maskUrl(resultUrl);
    }

    /** The summary's URL with its SAS signature shown as {@code xxxxxx}: safe to log, not to download. */
    public String getMaskedSummaryUrl() {
        return SecretMasking.maskUrl(summaryUrl);
    }

    /**
     * The JSON Azure sent for this job, every field included, usable links too, as a copy that is the caller's to
     * change.
     */
    public ObjectNode getJson() {
        return json.deepCopy();
    }

    /** The JSON Azure sent for this job, every field included, as text: the signatures of its links masked. */
    public String toJson() {
        ObjectNode masked = json.deepCopy();
        if (masked.get("outputs") instanceof ObjectNode outputs) {
            outputs.properties().forEach(link -> {
                if (link.getValue().isTextual()) {
                    link.setValue(outputs.textNode(SecretMasking.maskUrl(link.getValue().textValue())));
                }
            });
        }
        return masked.toString();
    }

    /** {@link #toJson()} as UTF-8 bytes. */
    public byte[] toJsonBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // no URLs: their SAS signatures must not reach logs
        return "AvatarSynthesisJob[id=" + id + ", status=" + status + ", lastActionDateTime=" + lastActionDateTime + "]";
    }

    public static final class Builder {
        private String id;
        private String displayName;
        private String description;
        private JobStatus status;
        private Instant createdDateTime;
        private Instant lastActionDateTime;
        private String inputKind;
        private String avatarCharacter;
        private String avatarStyle;
        private Duration duration;
        private Long sizeInBytes;
        private Integer succeededCount;
        private Integer failedCount;
        private Map<String, Long> billingDetails;
        private AvatarSynthesisError error;
        private String resultUrl;
        private String summaryUrl;
        private ObjectNode json;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder status(JobStatus status) {
            this.status = status;
            return this;
        }

        public Builder createdDateTime(Instant createdDateTime) {
            this.createdDateTime = createdDateTime;
            return this;
        }

        public Builder lastActionDateTime(Instant lastActionDateTime) {
            this.lastActionDateTime = lastActionDateTime;
            return this;
        }

        public Builder inputKind(String inputKind) {
            this.inputKind = inputKind;
            return this;
        }

        public Builder avatarCharacter(String avatarCharacter) {
            this.avatarCharacter = avatarCharacter;
            return this;
        }

        public Builder avatarStyle(String avatarStyle) {
            this.avatarStyle = avatarStyle;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder sizeInBytes(Long sizeInBytes) {
            this.sizeInBytes = sizeInBytes;
            return this;
        }

        public Builder succeededCount(Integer succeededCount) {
            this.succeededCount = succeededCount;
            return this;
        }

        public Builder failedCount(Integer failedCount) {
            this.failedCount = failedCount;
            return this;
        }

        public Builder billingDetails(Map<String, Long> billingDetails) {
            this.billingDetails = billingDetails;
            return this;
        }

        public Builder error(AvatarSynthesisError error) {
            this.error = error;
            return this;
        }

        public Builder resultUrl(String resultUrl) {
            this.resultUrl = resultUrl;
            return this;
        }

        public Builder summaryUrl(String summaryUrl) {
            this.summaryUrl = summaryUrl;
            return this;
        }

        /** The job's JSON as Azure sent it; the job keeps this node, so the caller must not change it afterwards. */
        public Builder json(ObjectNode json) {
            this.json = json;
            return this;
        }

        public AvatarSynthesisJob build() {
            return new AvatarSynthesisJob(this);
        }
    }
}
