package io.github.camelazureavatar.avatar.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;

/**
 * What to synthesize: the body of a create for the common case, written once and rendered to the JSON of whichever
 * API generation the endpoint speaks. 3.1-preview1 gets {@code displayName}, {@code textType},
 * {@code inputs[{text}]} and the avatar settings under {@code properties} (with {@code timeToLive} as an ISO
 * duration); the 2024 generations get {@code inputKind}, {@code inputs[{content}]}, the avatar settings under
 * {@code avatarConfig} and {@code properties{timeToLiveInHours, destinationContainerUrl}}. Anything this class does
 * not cover can be sent as a Map or as JSON instead.
 *
 * <pre>
 * AvatarSynthesisRequest.builder()
 *         .text("Hello from Camel.")
 *         .voice("en-US-AvaMultilingualNeural")
 *         .avatar("lisa", "graceful-sitting")
 *         .videoFormat("mp4").videoCodec("h264")
 *         .timeToLive(Duration.ofHours(48))
 *         .build();
 * </pre>
 */
public final class AvatarSynthesisRequest {

    /** The most a job may live after it finished: 31 days (744 hours). */
    public static final Duration MAX_TIME_TO_LIVE = Duration.ofHours(744);

    /** The display name sent to 3.1-preview1 (where Azure requires one) when none was set. */
    public static final String DEFAULT_DISPLAY_NAME = "camel-azure-avatar";

    /** How the inputs are written. */
    public enum InputKind {
        PlainText,
        SSML
    }

    private final InputKind inputKind;
    private final List<String> inputs;
    private final String displayName;
    private final String description;
    private final String voice;
    private final String voiceStyle;
    private final Map<String, String> customVoices;
    private final String avatarCharacter;
    private final String avatarStyle;
    private final Boolean customized;
    private final String videoFormat;
    private final String videoCodec;
    private final Integer bitrateKbps;
    private final String subtitleType;
    private final String backgroundColor;
    private final String backgroundImage;
    private final Duration timeToLive;
    private final String destinationContainerUrl;
    private final String destinationPath;

    private AvatarSynthesisRequest(Builder b) {
        this.inputKind = b.inputKind;
        this.inputs = Collections.unmodifiableList(new ArrayList<>(b.inputs));
        this.displayName = b.displayName;
        this.description = b.description;
        this.voice = b.voice;
        this.voiceStyle = b.voiceStyle;
        this.customVoices = Collections.unmodifiableMap(new LinkedHashMap<>(b.customVoices));
        this.avatarCharacter = b.avatarCharacter;
        this.avatarStyle = b.avatarStyle;
        this.customized = b.customized;
        this.videoFormat = b.videoFormat;
        this.videoCodec = b.videoCodec;
        this.bitrateKbps = b.bitrateKbps;
        this.subtitleType = b.subtitleType;
        this.backgroundColor = b.backgroundColor;
        this.backgroundImage = b.backgroundImage;
        this.timeToLive = b.timeToLive;
        this.destinationContainerUrl = b.destinationContainerUrl;
        this.destinationPath = b.destinationPath;
    }

    public static Builder builder() {
        return new Builder();
    }

    public InputKind getInputKind() {
        return inputKind;
    }

    /** The texts or SSML documents, one video each. */
    public List<String> getInputs() {
        return inputs;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getDescription() {
        return description;
    }

    public String getVoice() {
        return voice;
    }

    public String getVoiceStyle() {
        return voiceStyle;
    }

    public Map<String, String> getCustomVoices() {
        return customVoices;
    }

    public String getAvatarCharacter() {
        return avatarCharacter;
    }

    public String getAvatarStyle() {
        return avatarStyle;
    }

    public Boolean getCustomized() {
        return customized;
    }

    public String getVideoFormat() {
        return videoFormat;
    }

    public String getVideoCodec() {
        return videoCodec;
    }

    public Integer getBitrateKbps() {
        return bitrateKbps;
    }

    public String getSubtitleType() {
        return subtitleType;
    }

    public String getBackgroundColor() {
        return backgroundColor;
    }

    public String getBackgroundImage() {
        return backgroundImage;
    }

    public Duration getTimeToLive() {
        return timeToLive;
    }

    public String getDestinationContainerUrl() {
        return destinationContainerUrl;
    }

    public String getDestinationPath() {
        return destinationPath;
    }

    /**
     * Checks what Azure would refuse, so that a bad request fails before it is sent.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public void validate(AvatarApiVersion version) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("The avatar synthesis request has no inputs: add at least one text or "
                                               + "SSML document");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null || inputs.get(i).isBlank()) {
                throw new IllegalArgumentException("Input " + (i + 1) + " of the avatar synthesis request is empty");
            }
        }
        if (inputs.size() > 1000) {
            throw new IllegalArgumentException("The avatar synthesis request has " + inputs.size()
                                               + " inputs; Azure takes at most 1000");
        }
        if (inputKind == InputKind.PlainText && isBlank(voice)) {
            throw new IllegalArgumentException("Plain-text inputs need a voice, for example en-US-AvaMultilingualNeural");
        }
        if (isBlank(avatarCharacter)) {
            throw new IllegalArgumentException("The avatar synthesis request needs an avatar character, for example lisa");
        }
        if (timeToLive != null && (timeToLive.compareTo(Duration.ofHours(1)) < 0 || timeToLive.compareTo(MAX_TIME_TO_LIVE) > 0)) {
            throw new IllegalArgumentException("timeToLive " + timeToLive + " must be from 1 hour to 744 hours (31 days)");
        }
        if (version != AvatarApiVersion.V3_1_PREVIEW1 && inputs.size() > 1 && isBlank(destinationContainerUrl)) {
            throw new IllegalArgumentException("A request with " + inputs.size() + " inputs needs a "
                                               + "destinationContainerUrl: Azure writes one video per input there");
        }
    }

    /** This request as the JSON body of a create in the given API generation. */
    public ObjectNode toJson(AvatarApiVersion version) {
        return version == AvatarApiVersion.V3_1_PREVIEW1 ? toPreviewJson() : toBatchSynthesesJson();
    }

    private ObjectNode toPreviewJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("displayName", isBlank(displayName) ? DEFAULT_DISPLAY_NAME : displayName);
        putIfSet(root, "description", description);
        root.put("textType", inputKind.name());
        inputs.forEach(text -> root.withArray("inputs").addObject().put("text", text));
        putSynthesisConfig(root);
        putCustomVoices(root);
        ObjectNode properties = root.putObject("properties");
        putAvatarSettings(properties, "kBitrate");
        putIfSet(properties, "destinationContainerUrl", destinationContainerUrl);
        if (timeToLive != null) {
            properties.put("timeToLive", timeToLive.toString());
        }
        return root;
    }

    private ObjectNode toBatchSynthesesJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        putIfSet(root, "description", description);
        root.put("inputKind", inputKind.name());
        inputs.forEach(text -> root.withArray("inputs").addObject().put("content", text));
        putSynthesisConfig(root);
        putCustomVoices(root);
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        if (timeToLive != null) {
            properties.put("timeToLiveInHours", (int) hoursRoundedUp(timeToLive));
        }
        putIfSet(properties, "destinationContainerUrl", destinationContainerUrl);
        putIfSet(properties, "destinationPath", destinationPath);
        if (!properties.isEmpty()) {
            root.set("properties", properties);
        }
        putAvatarSettings(root.putObject("avatarConfig"), "bitrateKbps");
        return root;
    }

    private void putSynthesisConfig(ObjectNode root) {
        if (!isBlank(voice) || !isBlank(voiceStyle)) {
            ObjectNode config = root.putObject("synthesisConfig");
            putIfSet(config, "voice", voice);
            putIfSet(config, "style", voiceStyle);
        }
    }

    private void putCustomVoices(ObjectNode root) {
        if (!customVoices.isEmpty()) {
            ObjectNode voices = root.putObject("customVoices");
            customVoices.forEach(voices::put);
        }
    }

    private void putAvatarSettings(ObjectNode target, String bitrateField) {
        putIfSet(target, "talkingAvatarCharacter", avatarCharacter);
        putIfSet(target, "talkingAvatarStyle", avatarStyle);
        if (customized != null) {
            target.put("customized", customized);
        }
        putIfSet(target, "videoFormat", videoFormat);
        putIfSet(target, "videoCodec", videoCodec);
        if (bitrateKbps != null) {
            target.put(bitrateField, bitrateKbps);
        }
        putIfSet(target, "subtitleType", subtitleType);
        putIfSet(target, "backgroundColor", backgroundColor);
        putIfSet(target, "backgroundImage", backgroundImage);
    }

    private static long hoursRoundedUp(Duration duration) {
        long hours = duration.toHours();
        return duration.equals(Duration.ofHours(hours)) ? hours : hours + 1;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (!isBlank(value)) {
            node.put(field, value);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        // no texts (they may be personal) and no container URL (its SAS signature is a secret)
        return "AvatarSynthesisRequest[" + inputKind + " x" + inputs.size() + ", avatar=" + avatarCharacter + "/"
               + avatarStyle + ", voice=" + voice + "]";
    }

    public static final class Builder {
        private InputKind inputKind = InputKind.PlainText;
        private final List<String> inputs = new ArrayList<>();
        private String displayName;
        private String description;
        private String voice;
        private String voiceStyle;
        private final Map<String, String> customVoices = new LinkedHashMap<>();
        private String avatarCharacter;
        private String avatarStyle;
        private Boolean customized;
        private String videoFormat;
        private String videoCodec;
        private Integer bitrateKbps;
        private String subtitleType;
        private String backgroundColor;
        private String backgroundImage;
        private Duration timeToLive;
        private String destinationContainerUrl;
        private String destinationPath;

        private Builder() {
        }

        /** Plain-text inputs, one video each; a voice is needed. */
        public Builder text(String... texts) {
            return inputs(InputKind.PlainText, texts);
        }

        /** SSML inputs, one video each; the voice is named inside the SSML. */
        public Builder ssml(String... documents) {
            return inputs(InputKind.SSML, documents);
        }

        private Builder inputs(InputKind kind, String... texts) {
            if (!inputs.isEmpty() && kind != inputKind) {
                throw new IllegalArgumentException("A request holds plain-text or SSML inputs, not both");
            }
            inputKind = kind;
            inputs.addAll(List.of(texts));
            return this;
        }

        /** The job's name on 3.1-preview1, where Azure requires one (default camel-azure-avatar); ignored by 2024-xx. */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The neural voice for plain-text inputs, for example en-US-AvaMultilingualNeural. */
        public Builder voice(String voice) {
            this.voice = voice;
            return this;
        }

        /** The speaking style of the voice, for example cheerful. */
        public Builder voiceStyle(String voiceStyle) {
            this.voiceStyle = voiceStyle;
            return this;
        }

        /** A custom neural voice: its name and the id of its deployment. */
        public Builder customVoice(String voiceName, String deploymentId) {
            this.customVoices.put(voiceName, deploymentId);
            return this;
        }

        /** The avatar character and style, for example lisa and graceful-sitting. */
        public Builder avatar(String character, String style) {
            this.avatarCharacter = character;
            this.avatarStyle = style;
            return this;
        }

        /** A custom avatar (style optional). */
        public Builder customAvatar(String character) {
            this.avatarCharacter = character;
            this.customized = true;
            return this;
        }

        /** mp4 (Azure's default) or webm. */
        public Builder videoFormat(String videoFormat) {
            this.videoFormat = videoFormat;
            return this;
        }

        /** h264, hevc (Azure's default), vp9 or av1. */
        public Builder videoCodec(String videoCodec) {
            this.videoCodec = videoCodec;
            return this;
        }

        public Builder bitrateKbps(int bitrateKbps) {
            this.bitrateKbps = bitrateKbps;
            return this;
        }

        /** external_file, soft_embedded (Azure's default), hard_embedded or none. */
        public Builder subtitleType(String subtitleType) {
            this.subtitleType = subtitleType;
            return this;
        }

        /** #RRGGBBAA, or transparent (with webm and vp9). */
        public Builder backgroundColor(String backgroundColor) {
            this.backgroundColor = backgroundColor;
            return this;
        }

        /** An https URL of a background image. */
        public Builder backgroundImage(String backgroundImage) {
            this.backgroundImage = backgroundImage;
            return this;
        }

        /** How long Azure keeps the job and its files after it finished: 1 hour to 31 days (Azure's default). */
        public Builder timeToLive(Duration timeToLive) {
            this.timeToLive = timeToLive;
            return this;
        }

        /** A writable SAS URL of your own blob container; needed for more than one input. */
        public Builder destinationContainerUrl(String destinationContainerUrl) {
            this.destinationContainerUrl = destinationContainerUrl;
            return this;
        }

        /** A folder in the destination container (2024 generations). */
        public Builder destinationPath(String destinationPath) {
            this.destinationPath = destinationPath;
            return this;
        }

        public AvatarSynthesisRequest build() {
            return new AvatarSynthesisRequest(this);
        }
    }
}
