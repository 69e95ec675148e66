package io.github.camelazureavatar.avatar.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelazureavatar.avatar.api.AvatarApiDialect;

/**
 * One avatar batch synthesis job, one model for both API generations: Jackson maps the fields of both (the other
 * generation's names as aliases). The JSON Azure sent is kept whole, so no field Azure adds is lost: the type converters
 * turn a job into that JSON (String, bytes, InputStream, Map) with the SAS signatures of its links masked, since text
 * gets logged and forwarded. The usable links are {@link #getResultUrl()}, {@link #getSummaryUrl()}, {@link #getJson()}.
 */
public final class AvatarSynthesisJob {

    record Fields(JobStatus status, String displayName, String description,
                  @JsonDeserialize(using = AzureDates.class) Instant createdDateTime,
                  @JsonDeserialize(using = AzureDates.class) Instant lastActionDateTime,
                  @JsonAlias("textType") String inputKind, Avatar avatarConfig, Properties properties, Outputs outputs,
                  AvatarSynthesisError error) {
    }

    /** The avatar: under avatarConfig in the 2024 generations, under properties in 3.1-preview1. */
    record Avatar(String talkingAvatarCharacter, String talkingAvatarStyle) {
    }

    record Properties(String talkingAvatarCharacter, String talkingAvatarStyle,
                      @JsonAlias("audioSize") Long sizeInBytes,
                      @JsonAlias("succeededAudioCount") Integer succeededCount,
                      @JsonAlias("failedAudioCount") Integer failedCount,
                      Long durationInMilliseconds, Long durationInTicks, String duration,
                      Map<String, Long> billingDetails, AvatarSynthesisError error) {
    }

    record Outputs(String result, String summary) {
    }

    private static final Properties NO_PROPERTIES = new Properties(null, null, null, null, null, null, null, null, null, null);

    private final String id;
    private final Fields fields;
    private final Properties properties;
    private final Avatar avatar;
    private final Duration duration;
    private final Map<String, Long> billingDetails;
    /** Every field Azure sent; never handed out, so the job stays immutable. */
    private final ObjectNode json;

    private AvatarSynthesisJob(String id, Fields fields, ObjectNode json) {
        this.id = id;
        this.fields = fields;
        this.json = json;
        if (fields.status() == null) {
            throw new IllegalArgumentException("it has no status");
        }
        this.properties = fields.properties() == null ? NO_PROPERTIES : fields.properties();
        this.avatar = fields.avatarConfig() != null ? fields.avatarConfig()
                : new Avatar(properties.talkingAvatarCharacter(), properties.talkingAvatarStyle());
        this.billingDetails = properties.billingDetails() == null ? Map.of() : Map.copyOf(properties.billingDetails());
        Long ticks = properties.durationInTicks();
        this.duration = properties.durationInMilliseconds() != null ? Duration.ofMillis(properties.durationInMilliseconds())
                : properties.duration() != null ? Duration.parse(properties.duration())
                : ticks == null ? null : Duration.ofNanos(ticks * 100);
    }

    /**
     * A job from the JSON Azure sent for it (either generation), which the job keeps: the caller must not change it.
     *
     * @throws IllegalArgumentException when the id is missing or breaks Azure's pattern (it would reach file names,
     *                                  URL paths and log lines), or a field is unreadable: a bad date, a wrong type
     */
    public static AvatarSynthesisJob of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("A listed job is not a JSON object");
        }
        String id = json.path("id").textValue();
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A listed job has no id");
        }
        if (!AvatarJobIds.PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("A listed job has an id that breaks Azure's id pattern: '"
                                               + AvatarJobIds.printable(id) + "'");
        }
        try {
            return new AvatarSynthesisJob(id, AvatarApiDialect.MAPPER.treeToValue(json, Fields.class), (ObjectNode) json);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .collect(Collectors.joining("."));
            throw new IllegalArgumentException("Job " + id + ": " + field + ": " + e.getOriginalMessage(), e);
        } catch (Exception e) {
            throw new IllegalArgumentException("Job " + id + ": " + e.getMessage(), e);
        }
    }

    /** The job id: a GUID Azure made (3.1-preview1) or the id the client chose (2024-xx). */
    public String getId() {
        return id;
    }

    /** 3.1-preview1 only. */
    public String getDisplayName() {
        return fields.displayName();
    }

    public String getDescription() {
        return fields.description();
    }

    public JobStatus getStatus() {
        return fields.status();
    }

    public Instant getCreatedDateTime() {
        return fields.createdDateTime();
    }

    /** When the job entered its current status. */
    public Instant getLastActionDateTime() {
        return fields.lastActionDateTime();
    }

    /** {@code PlainText} or {@code SSML}. */
    public String getInputKind() {
        return fields.inputKind();
    }

    public String getAvatarCharacter() {
        return avatar.talkingAvatarCharacter();
    }

    public String getAvatarStyle() {
        return avatar.talkingAvatarStyle();
    }

    /** The length of the rendered video, once the job succeeded. */
    public Duration getDuration() {
        return duration;
    }

    /** The size of the rendered video in bytes, once the job succeeded. */
    public Long getSizeInBytes() {
        return properties.sizeInBytes();
    }

    public Integer getSucceededCount() {
        return properties.succeededCount();
    }

    public Integer getFailedCount() {
        return properties.failedCount();
    }

    /** Billed quantities by Azure's names (e.g. {@code neuralCharacters}); empty until the job finished. */
    public Map<String, Long> getBillingDetails() {
        return billingDetails;
    }

    /** Azure's reason for a failed job: under properties (3.1-preview1 documents it there), else at the top. */
    public AvatarSynthesisError getError() {
        return properties.error() != null ? properties.error() : fields.error();
    }

    /** The SAS URL of the video (treat it as a secret: its signature grants read access). */
    public String getResultUrl() {
        return fields.outputs() == null ? null : fields.outputs().result();
    }

    /** The SAS URL of summary.json (treat it as a secret). */
    public String getSummaryUrl() {
        return fields.outputs() == null ? null : fields.outputs().summary();
    }

    /** The video's URL with its SAS signature shown as {@code xxxxxx}: safe to log, not to download. */
    public String getMaskedResultUrl() {
        return SecretMasking.maskUrl(getResultUrl());
    }

    /** The summary's URL with its SAS signature shown as {@code xxxxxx}: safe to log, not to download. */
    public String getMaskedSummaryUrl() {
        return SecretMasking.maskUrl(getSummaryUrl());
    }

    /** The JSON Azure sent for this job, every field and usable links included: a copy, the caller's to change. */
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

    @Override
    public String toString() {
        // no URLs: their SAS signatures must not reach logs
        return "AvatarSynthesisJob[id=" + id + ", status=" + getStatus() + ", lastActionDateTime="
               + getLastActionDateTime() + "]";
    }
}
