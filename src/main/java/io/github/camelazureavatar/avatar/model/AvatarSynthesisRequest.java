package io.github.camelazureavatar.avatar.model;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;

import static io.github.camelazureavatar.avatar.api.AvatarApiDialect.MAPPER;

/**
 * What to synthesize: the body of a create for the common case, held as Jackson's tree by Azure's names and rendered
 * for the endpoint's API generation (3.1-preview1: {@code displayName}, {@code textType}, {@code inputs[{text}]}, the
 * avatar under {@code properties}, an ISO {@code timeToLive}; 2024: {@code inputKind}, {@code inputs[{content}]}, the
 * avatar under {@code avatarConfig}, {@code timeToLiveInHours}). Avatars, styles, codecs and formats go to Azure as
 * given: Azure judges its catalogue. Anything else can be sent as a Map or as JSON.
 *
 * <pre>
 * AvatarSynthesisRequest.builder()
 *         .text("Hello from Camel.")
 *         .voice("en-US-AvaMultilingualNeural")
 *         .avatar("lisa", "graceful-sitting")
 *         .avatarConfig("videoFormat", "mp4").avatarConfig("videoCodec", "h264")
 *         .timeToLive(Duration.ofHours(48))
 *         .build();
 * </pre>
 */
public final class AvatarSynthesisRequest {

    /** The display name sent to 3.1-preview1 (where Azure requires one) when none was set. */
    public static final String DEFAULT_DISPLAY_NAME = "camel-azure-avatar";

    /** Azure's most inputs a job. */
    public static final int MAX_INPUTS = 1000;

    private static final Pattern VOICE_ELEMENT = Pattern.compile("<(\\w+:)?voice[\\s>/]");

    public enum InputKind {
        PlainText,
        SSML
    }

    /** A point, or a size, in pixels: Azure's {@code {x, y}}. */
    public record Point(double x, double y) {
    }

    /** A photo avatar's framing; null leaves a value to Azure. */
    @JsonInclude(Include.NON_NULL)
    public record Scene(Double zoom, Double positionX, Double positionY, Double rotationX, Double rotationY, Double rotationZ,
                        Double amplitude) {
    }

    private final InputKind inputKind;
    private final List<String> inputs;
    private final Duration timeToLive;
    /** displayName, description, synthesisConfig, customVoices, avatarConfig and properties, by Azure's names. */
    private final ObjectNode settings;

    private AvatarSynthesisRequest(Builder b) {
        this.inputKind = b.inputKind;
        this.inputs = List.copyOf(b.inputs);
        this.timeToLive = b.timeToLive;
        this.settings = b.settings.deepCopy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This request as the JSON body of a create in the given API generation. */
    public ObjectNode toJson(AvatarApiVersion version) {
        boolean preview = version == AvatarApiVersion.V3_1_PREVIEW1;
        ObjectNode root = settings.deepCopy();
        JsonNode displayName = root.remove("displayName");
        ObjectNode avatar = root.remove("avatarConfig") instanceof ObjectNode set ? set : MAPPER.createObjectNode();
        ObjectNode properties = root.remove("properties") instanceof ObjectNode set ? set : MAPPER.createObjectNode();
        root.put(preview ? "textType" : "inputKind", inputKind.name());
        ArrayNode texts = root.putArray("inputs");
        inputs.forEach(text -> texts.addObject().put(preview ? "text" : "content", text));
        if (preview) {
            root.put("displayName", displayName == null ? DEFAULT_DISPLAY_NAME : displayName.asText());
            if (avatar.has("bitrateKbps")) {
                avatar.set("kBitrate", avatar.remove("bitrateKbps"));
            }
            properties = avatar.setAll(properties);
            if (timeToLive != null) {
                properties.put("timeToLive", timeToLive.toString());
            }
        } else {
            root.set("avatarConfig", avatar);
            if (timeToLive != null) {
                long hours = timeToLive.toHours();
                properties.put("timeToLiveInHours", (int) (timeToLive.equals(Duration.ofHours(hours)) ? hours : hours + 1));
            }
        }
        if (!properties.isEmpty()) {
            root.set("properties", properties);
        }
        return root;
    }

    /** @see #validate(JsonNode, AvatarApiVersion) */
    public void validate(AvatarApiVersion version) {
        validate(toJson(version), version);
    }

    /**
     * Checks a create body of the given generation for what would cost a request for certain: inputs present, at most
     * {@value #MAX_INPUTS}, none empty; a voice for plain text (SSML names its own); a character; a container for more
     * than one input; the time-to-live bounds; a container URL with an ad hoc SAS. Everything else is Azure's to judge.
     *
     * @throws IllegalArgumentException naming the first problem; never showing a SAS signature
     */
    public static void validate(JsonNode body, AvatarApiVersion version) {
        boolean preview = version == AvatarApiVersion.V3_1_PREVIEW1;
        require(body != null && body.isObject(), "The create body must be a JSON object with the job definition");
        String field = preview ? "text" : "content";
        JsonNode inputs = body.path("inputs");
        require(inputs.isArray() && !inputs.isEmpty(), "The avatar synthesis request has no inputs: " + version.value()
                                                       + " needs inputs: [{\"" + field + "\": \"...\"}]");
        require(inputs.size() <= MAX_INPUTS, "The request has " + inputs.size() + " inputs; Azure takes at most 1000");
        boolean ssml = "SSML".equalsIgnoreCase(body.path(preview ? "textType" : "inputKind").asText());
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode text = inputs.get(i).path(field);
            String other = preview ? "content" : "text";
            require(text.isTextual(), "Input " + (i + 1) + " of the avatar synthesis request has no '" + field + "', which "
                                      + version.value() + " reads" + (inputs.get(i).has(other)
                                              ? " (it has '" + other + "', the other API generation's name)" : ""));
            require(!text.textValue().isBlank(), "Input " + (i + 1) + " of the avatar synthesis request is empty");
            require(!ssml || VOICE_ELEMENT.matcher(text.textValue()).find(),
                    "Input " + (i + 1) + " is SSML that names no voice: Azure needs a <voice name=\"...\"> element");
        }
        JsonNode avatar = body.path(preview ? "properties" : "avatarConfig");
        require(ssml || avatar.path("useBuiltInVoice").asBoolean() || !body.at("/synthesisConfig/voice").asText().isBlank(),
                "Plain-text inputs need a voice, for example en-US-AvaMultilingualNeural");
        require(!avatar.path("talkingAvatarCharacter").asText().isBlank(),
                "The avatar synthesis request needs an avatar character, for example lisa");
        JsonNode properties = body.path("properties");
        Duration ttl = timeToLive(properties.path(preview ? "timeToLive" : "timeToLiveInHours"));
        require(ttl == null || ttl.toMinutes() >= 60 && ttl.compareTo(Duration.ofHours(744)) <= 0,
                "timeToLive " + ttl + " must be from 1 hour to 744 hours (31 days)");
        String container = properties.path("destinationContainerUrl").asText();
        require(inputs.size() <= 1 || !container.isBlank(), "A request with " + inputs.size()
                                                            + " inputs needs a destinationContainerUrl: Azure writes one video per input there");
        if (!container.isBlank()) {
            // the URL carries a SAS signature: the message never shows it
            require(isHttps(container), "The destinationContainerUrl must be an https URL");
            String query = "&" + URI.create(container).getRawQuery() + "&";
            require(query.contains("&sig=") && query.contains("&se=") && !query.contains("&si="),
                    "The destinationContainerUrl needs an ad hoc SAS (sig and se; Azure takes no stored access policy, si)");
        }
    }

    private static Duration timeToLive(JsonNode ttl) {
        try {
            return ttl.isIntegralNumber() ? Duration.ofHours(ttl.longValue()) : ttl.isTextual() ? Duration.parse(ttl.textValue()) : null;
        } catch (DateTimeParseException e) {
            return null; // Azure judges what is no duration
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** An absolute https URL; plain http too on loopback (the emulator's blob host). */
    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme())
                                             || "http".equalsIgnoreCase(uri.getScheme())
                                                && InetAddress.getByName(uri.getHost()).isLoopbackAddress());
        } catch (Exception e) {
            return false;
        }
    }

    /** Null or blank leaves a setting out, so Azure's default applies. */
    public static final class Builder {
        private InputKind inputKind = InputKind.PlainText;
        private final List<String> inputs = new ArrayList<>();
        private Duration timeToLive;
        private final ObjectNode settings = MAPPER.createObjectNode();

        private Builder() {
        }

        private Builder set(String object, String field, Object value) {
            ObjectNode node = object == null ? settings
                    : settings.get(object) instanceof ObjectNode set ? set : settings.putObject(object);
            if (value == null || value instanceof String text && text.isBlank()) {
                node.remove(field);
            } else {
                node.set(field, MAPPER.valueToTree(value));
            }
            if (node.isEmpty()) {
                settings.remove(object);
            }
            return this;
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
            return set(null, "displayName", displayName);
        }

        public Builder description(String description) {
            return set(null, "description", description);
        }

        /** The neural voice for plain-text inputs, for example en-US-AvaMultilingualNeural. */
        public Builder voice(String voice) {
            return set("synthesisConfig", "voice", voice);
        }

        /** The speaking style of the voice, for example cheerful. */
        public Builder voiceStyle(String voiceStyle) {
            return set("synthesisConfig", "style", voiceStyle);
        }

        /** Rate, pitch and volume of a plain-text voice as SSML's prosody writes them (+10%, high, x-loud); null: as is. */
        public Builder prosody(String rate, String pitch, String volume) {
            return set("synthesisConfig", "rate", rate).set("synthesisConfig", "pitch", pitch)
                    .set("synthesisConfig", "volume", volume);
        }

        /** A custom neural voice: its name and the id of its deployment. */
        public Builder customVoice(String voiceName, String deploymentId) {
            return set("customVoices", voiceName, deploymentId);
        }

        /** The avatar character and style, for example lisa and graceful-sitting, or rowan and no style. */
        public Builder avatar(String character, String style) {
            return set("avatarConfig", "talkingAvatarCharacter", character).set("avatarConfig", "talkingAvatarStyle", style);
        }

        /** A custom avatar (style optional). */
        public Builder customAvatar(String character) {
            return set("avatarConfig", "talkingAvatarCharacter", character).set("avatarConfig", "customized", true);
        }

        /** A photo avatar (2024 generations): a standard one such as anika, or your own, driven by a base model (vasa-1). */
        public Builder photoAvatar(String character, String baseModel) {
            return avatar(character, null).set("avatarConfig", "photoAvatarBaseModel", baseModel);
        }

        /** How a photo avatar is framed and moves (2024 generations). */
        public Builder scene(Scene scene) {
            return set("avatarConfig", "scene", scene);
        }

        /** A custom avatar trained with voice sync speaks with its own voice: plain text needs none (2024 generations). */
        public Builder useBuiltInVoice(boolean useBuiltInVoice) {
            return set("avatarConfig", "useBuiltInVoice", useBuiltInVoice);
        }

        /** Keeps only this rectangle of the video, in pixels. */
        public Builder videoCrop(Point topLeft, Point bottomRight) {
            ObjectNode crop = MAPPER.createObjectNode();
            crop.set("topLeft", MAPPER.valueToTree(topLeft));
            crop.set("bottomRight", MAPPER.valueToTree(bottomRight));
            crop.properties().removeIf(corner -> corner.getValue().isNull());
            return set("avatarConfig", "videoCrop", crop.isEmpty() ? null : crop);
        }

        /** Where the avatar stands, how large it is, and the video's resolution, in pixels (2024 generations). */
        public Builder layout(Point avatarPosition, Point avatarSize, Point resolution) {
            return set("avatarConfig", "avatarPosition", avatarPosition).set("avatarConfig", "avatarSize", avatarSize)
                    .set("avatarConfig", "resolution", resolution);
        }

        /**
         * Any avatarConfig field by Azure's (2024) name: videoFormat, videoCodec, bitrateKbps, subtitleType,
         * backgroundColor, backgroundImage...; Azure judges the value.
         */
        public Builder avatarConfig(String field, Object value) {
            return set("avatarConfig", field, value);
        }

        /** How long Azure keeps the job and its files after it finished: 1 hour to 31 days (Azure's default). */
        public Builder timeToLive(Duration timeToLive) {
            this.timeToLive = timeToLive;
            return this;
        }

        /** A writable ad hoc SAS URL of your own container, for more than one input; outputs are then paths in it. */
        public Builder destinationContainerUrl(String destinationContainerUrl) {
            return set("properties", "destinationContainerUrl", destinationContainerUrl);
        }

        public Builder destinationPath(String destinationPath) {
            return set("properties", "destinationPath", destinationPath);
        }

        public AvatarSynthesisRequest build() {
            return new AvatarSynthesisRequest(this);
        }
    }
}
