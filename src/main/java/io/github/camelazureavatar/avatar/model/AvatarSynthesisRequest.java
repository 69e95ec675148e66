package io.github.camelazureavatar.avatar.model;

import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;

/**
 * What to synthesize: the body of a create for the common case, written once and rendered to the JSON of whichever
 * API generation the endpoint speaks. 3.1-preview1 gets {@code displayName}, {@code textType},
 * {@code inputs[{text}]} and the avatar settings under {@code properties} (with {@code timeToLive} as an ISO
 * duration); the 2024 generations get {@code inputKind}, {@code inputs[{content}]}, the avatar settings under
 * {@code avatarConfig} and {@code properties{timeToLiveInHours, destinationContainerUrl}}. Photo avatars, the scene,
 * the built-in voice and the avatar's position, size and resolution exist in the 2024 generations only. Anything this
 * class does not cover can be sent as a Map or as JSON instead.
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

    /** Standard video avatars and their styles (Learn: "Supported standard text to speech avatar"). */
    static final Map<String, Set<String>> STANDARD_AVATARS = new TreeMap<>(Map.of("harry", Set.of("business", "casual",
            "youthful"), "jeff", Set.of("business", "formal"), "lori", Set.of("casual", "formal", "graceful"), "lisa",
            new TreeSet<>(Set.of("casual-sitting", "graceful-sitting", "graceful-standing", "technical-sitting",
                    "technical-standing")), "max", Set.of("business", "casual", "formal"), "meg", Set.of("business", "casual", "formal")));

    private static final ObjectMapper SCENE_WRITER = JsonMapper.builder().serializationInclusion(Include.NON_NULL).build();

    /** How the inputs are written. */
    public enum InputKind {
        PlainText,
        SSML
    }

    /** A point, or a size, in pixels: Azure's {@code {x, y}}. */
    public record Point(double x, double y) {
    }

    /** A photo avatar's framing (null: Azure's default): zoom above 0, positions -1..1, rotations -π..π, amplitude 0..1. */
    public record Scene(Double zoom, Double positionX, Double positionY, Double rotationX, Double rotationY, Double rotationZ,
                        Double amplitude) {
    }

    private final InputKind inputKind;
    private final List<String> inputs;
    private final String displayName;
    private final String description;
    private final String voice;
    private final String voiceStyle;
    private final String rate;
    private final String pitch;
    private final String volume;
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
    /** topLeft and bottomRight. */
    private final Map<String, Point> videoCrop;
    /** avatarPosition, avatarSize and resolution, by Azure's names. */
    private final Map<String, Point> layout;
    private final String photoAvatarBaseModel;
    private final Scene scene;
    private final Boolean useBuiltInVoice;
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
        this.rate = b.rate;
        this.pitch = b.pitch;
        this.volume = b.volume;
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
        this.videoCrop = Map.copyOf(b.videoCrop);
        this.layout = Map.copyOf(b.layout);
        this.photoAvatarBaseModel = b.photoAvatarBaseModel;
        this.scene = b.scene;
        this.useBuiltInVoice = b.useBuiltInVoice;
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
     * Checks what Azure would refuse, as its swagger and documentation state it (and, where they are silent, as the
     * project's emulator chooses, see its list of guesses), so that a bad request fails before it is sent.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public void validate(AvatarApiVersion version) {
        boolean preview = version == AvatarApiVersion.V3_1_PREVIEW1;
        boolean builtInVoice = Boolean.TRUE.equals(useBuiltInVoice);
        boolean custom = Boolean.TRUE.equals(customized);
        require(!inputs.isEmpty(), "The avatar synthesis request has no inputs: add at least one text or SSML document");
        require(inputs.size() <= 1000, "The request has " + inputs.size() + " inputs; Azure takes at most 1000");
        for (int i = 0; i < inputs.size(); i++) {
            require(!isBlank(inputs.get(i)), "Input " + (i + 1) + " of the avatar synthesis request is empty");
            require(inputKind != InputKind.SSML || isSsml(inputs.get(i)),
                    "Input " + (i + 1) + " is not SSML: an XML document whose root element is <speak>");
        }
        require(inputKind != InputKind.PlainText || builtInVoice || !isBlank(voice),
                "Plain-text inputs need a voice, for example en-US-AvaMultilingualNeural");
        customVoices.forEach((name, id) -> require(id != null && AvatarJobIds.PATTERN.matcher(id).matches(),
                "The deployment id of custom voice " + name + " breaks Azure's id pattern " + AvatarJobIds.PATTERN.pattern()));
        require(!isBlank(avatarCharacter), "The avatar synthesis request needs an avatar character, for example lisa");
        require(!preview || photoAvatarBaseModel == null && scene == null && useBuiltInVoice == null && layout.isEmpty(),
                "Photo avatars, scene, useBuiltInVoice and layout need a 2024 API generation, not 3.1-preview1");
        if (photoAvatarBaseModel != null) {
            require(photoAvatarBaseModel.equalsIgnoreCase("vasa-1"), "Azure's photo avatar base model is vasa-1");
            require(avatarStyle == null, "A photo avatar has no style");
        } else if (!custom) {
            Set<String> styles = STANDARD_AVATARS.get(avatarCharacter.toLowerCase(Locale.ROOT));
            require(styles != null, avatarCharacter + " is not a standard avatar " + STANDARD_AVATARS.keySet()
                                    + ": use customAvatar for your own, or photoAvatar");
            require(!isBlank(avatarStyle) && styles.contains(avatarStyle.toLowerCase(Locale.ROOT)),
                    "The standard avatar " + avatarCharacter + " needs one of its styles: " + new TreeSet<>(styles));
        }
        require(scene == null || photoAvatarBaseModel != null, "A scene is only for photo avatars");
        require(scene == null || inRange(scene.zoom(), 0, false, Double.MAX_VALUE) && inRange(scene.positionX(), -1, true, 1)
                && inRange(scene.positionY(), -1, true, 1) && inRange(scene.amplitude(), 0, false, 1)
                && Stream.of(scene.rotationX(), scene.rotationY(), scene.rotationZ()).allMatch(r -> inRange(r, -Math.PI, true, Math.PI)),
                scene + " is out of Azure's ranges");
        require(!builtInVoice || custom, "useBuiltInVoice is only for a custom avatar trained with voice sync");
        requireOneOf(videoFormat, "videoFormat", "mp4", "webm");
        requireOneOf(videoCodec, "videoCodec", preview ? new String[] { "h264", "hevc", "vp9" }
                : new String[] { "h264", "hevc", "vp9", "av1" });
        requireOneOf(subtitleType, "subtitleType", "external_file", "soft_embedded", "hard_embedded", "none");
        require(backgroundColor == null || backgroundColor.matches("#[0-9a-fA-F]{8}|(?i:transparent|white)"),
                "backgroundColor " + backgroundColor + " is not #RRGGBBAA or transparent");
        require(backgroundImage == null || isAbsolute(backgroundImage, false), "The backgroundImage must be an https URL");
        require(bitrateKbps == null || bitrateKbps > 0, "bitrateKbps must be above 0");
        require(videoCrop.size() != 1, "A videoCrop needs both corners");
        require(timeToLive == null || timeToLive.toMinutes() >= 60 && timeToLive.compareTo(MAX_TIME_TO_LIVE) <= 0,
                "timeToLive " + timeToLive + " must be from 1 hour to 744 hours (31 days)");
        require(inputs.size() <= 1 || !isBlank(destinationContainerUrl), "A request with " + inputs.size()
                                                                        + " inputs needs a destinationContainerUrl: Azure writes one video per input there");
        require(destinationContainerUrl != null || destinationPath == null, "destinationPath needs a destinationContainerUrl");
        if (destinationContainerUrl != null) {
            // the URL carries a SAS signature: the message never shows it
            require(isAbsolute(destinationContainerUrl, true), "The destinationContainerUrl must be an https URL");
            String query = "&" + URI.create(destinationContainerUrl).getRawQuery() + "&";
            require(query.contains("&sig=") && query.contains("&se=") && !query.contains("&si="),
                    "The destinationContainerUrl needs an ad hoc SAS (sig and se; Azure takes no stored access policy, si)");
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void requireOneOf(String value, String field, String... allowed) {
        require(value == null || List.of(allowed).contains(value.toLowerCase(Locale.ROOT)),
                field + " " + value + " is not one of " + String.join(", ", allowed));
    }

    private static boolean inRange(Double value, double min, boolean minIncluded, double max) {
        return value == null || (minIncluded ? value >= min : value > min) && value <= max;
    }

    /** An absolute https URL; plain http too on loopback when {@code loopbackHttp} (the emulator's blob host). */
    private static boolean isAbsolute(String url, boolean loopbackHttp) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme()) || loopbackHttp
                    && "http".equalsIgnoreCase(uri.getScheme()) && InetAddress.getByName(uri.getHost()).isLoopbackAddress());
        } catch (Exception e) {
            return false;
        }
    }

    /** Well-formed XML with a {@code <speak>} root; a DTD is refused rather than read. */
    private static boolean isSsml(String text) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(text));
            boolean speak = reader.nextTag() == XMLStreamReader.START_ELEMENT && "speak".equals(reader.getLocalName());
            while (reader.hasNext()) {
                reader.next();
            }
            return speak;
        } catch (Exception e) {
            return false;
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
        if (Stream.of(voice, voiceStyle, rate, pitch, volume).anyMatch(v -> !isBlank(v))) {
            ObjectNode config = root.putObject("synthesisConfig");
            putIfSet(config, "voice", voice);
            putIfSet(config, "style", voiceStyle);
            putIfSet(config, "rate", rate);
            putIfSet(config, "pitch", pitch);
            putIfSet(config, "volume", volume);
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
        if (!videoCrop.isEmpty()) {
            ObjectNode crop = target.putObject("videoCrop");
            videoCrop.forEach((corner, point) -> putPoint(crop, corner, point));
        }
        layout.forEach((field, point) -> putPoint(target, field, point));
        putIfSet(target, "photoAvatarBaseModel", photoAvatarBaseModel);
        if (scene != null) {
            target.set("scene", SCENE_WRITER.valueToTree(scene)); // the record's component names are Azure's field names
        }
        if (useBuiltInVoice != null) {
            target.put("useBuiltInVoice", useBuiltInVoice);
        }
    }

    private static void putPoint(ObjectNode target, String field, Point point) {
        if (point != null) {
            target.putObject(field).put("x", point.x()).put("y", point.y());
        }
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
        private String rate;
        private String pitch;
        private String volume;
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
        private final Map<String, Point> videoCrop = new LinkedHashMap<>();
        private final Map<String, Point> layout = new LinkedHashMap<>();
        private String photoAvatarBaseModel;
        private Scene scene;
        private Boolean useBuiltInVoice;
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

        /** Rate, pitch and volume of a plain-text voice as SSML's prosody writes them (+10%, high, x-loud); null: as is. */
        public Builder prosody(String rate, String pitch, String volume) {
            this.rate = rate;
            this.pitch = pitch;
            this.volume = volume;
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

        /** A photo avatar (2024 generations): a standard one such as anika, or your own, driven by a base model (vasa-1). */
        public Builder photoAvatar(String character, String baseModel) {
            this.avatarCharacter = character;
            this.avatarStyle = null;
            this.photoAvatarBaseModel = baseModel;
            return this;
        }

        /** How a photo avatar is framed and moves (2024 generations). */
        public Builder scene(Scene scene) {
            this.scene = scene;
            return this;
        }

        /** A custom avatar trained with voice sync speaks with its own voice: plain text needs none (2024 generations). */
        public Builder useBuiltInVoice(boolean useBuiltInVoice) {
            this.useBuiltInVoice = useBuiltInVoice;
            return this;
        }

        /** Keeps only this rectangle of the video, in pixels. */
        public Builder videoCrop(Point topLeft, Point bottomRight) {
            videoCrop.put("topLeft", topLeft);
            videoCrop.put("bottomRight", bottomRight);
            videoCrop.values().removeIf(java.util.Objects::isNull);
            return this;
        }

        /** Where the avatar stands, how large it is, and the video's resolution, in pixels (2024 generations). */
        public Builder layout(Point avatarPosition, Point avatarSize, Point resolution) {
            layout.put("avatarPosition", avatarPosition);
            layout.put("avatarSize", avatarSize);
            layout.put("resolution", resolution);
            layout.values().removeIf(java.util.Objects::isNull);
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

        /** A writable ad hoc SAS URL of your own container, for more than one input; outputs are then paths in it. */
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
