package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a create body of either generation into a {@link JobDraft}, refusing what Azure
 * refuses with 400 before anything is created.
 */
final class CreateRequestParser {

    static final int MAX_BODY_BYTES = 500 * 1024;
    static final int MAX_INPUTS = 1000;
    static final Pattern ID_PATTERN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}[a-zA-Z0-9]$");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KNOWN_AVATAR_FIELDS = Set.of("talkingAvatarCharacter", "talkingAvatarStyle",
            "customized", "videoFormat", "videoCodec", "subtitleType", "backgroundColor", "bitrateKbps", "kBitrate");
    /** A keeps avatar settings in {@code properties}, next to job settings and read-only results. */
    private static final Set<String> PREVIEW_NON_AVATAR_PROPERTIES = Set.of("timeToLive", "destinationContainerUrl",
            "destinationPath", "outputFormat", "audioSize", "durationInTicks", "duration", "succeededAudioCount",
            "failedAudioCount", "billingDetails", "error");

    private CreateRequestParser() {
    }

    static JobDraft parsePreview(byte[] body) {
        ObjectNode root = parseObject(body);
        JobDraft d = new JobDraft();
        d.createdVia = Dialect.PREVIEW;
        d.displayName = text(root, "displayName");
        if (d.displayName == null || d.displayName.isBlank()) {
            throw new ValidationException("MissingDisplayName", "The displayName is required.");
        }
        d.description = text(root, "description");
        d.inputKind = inputKind(text(root, "textType"), "textType");
        readInputs(d, root, "text");
        readSynthesisConfig(d, root);
        readCustomVoices(d, root);
        JsonNode props = root.path("properties");
        ObjectNode properties = props.isObject() ? (ObjectNode) props : MAPPER.createObjectNode();
        readAvatar(d, properties, "kBitrate");
        properties.fields().forEachRemaining(e -> {
            if (!KNOWN_AVATAR_FIELDS.contains(e.getKey()) && !PREVIEW_NON_AVATAR_PROPERTIES.contains(e.getKey())) {
                d.avatarExtras.set(e.getKey(), e.getValue());
            }
        });
        String ttl = text(properties, "timeToLive");
        if (ttl != null) {
            try {
                d.ttl = Duration.parse(ttl);
            } catch (DateTimeParseException e) {
                throw new ValidationException("InvalidTimeToLive", "The timeToLive '" + ttl + "' is not a valid ISO 8601 duration.");
            }
            if (d.ttl.compareTo(JobDraft.MAX_TTL) > 0 || d.ttl.isNegative()) {
                throw new ValidationException("InvalidTimeToLive", "The timeToLive must not be longer than 31 days.");
            }
            d.ttlText = ttl;
        }
        checkDestination(d, properties);
        return d;
    }

    static JobDraft parseBatch(String id, byte[] body) {
        ObjectNode root = parseObject(body);
        JobDraft d = new JobDraft();
        d.createdVia = Dialect.BATCH;
        d.id = id;
        d.description = text(root, "description");
        d.inputKind = inputKind(text(root, "inputKind"), "inputKind");
        readInputs(d, root, "content");
        readSynthesisConfig(d, root);
        readCustomVoices(d, root);
        JsonNode avatar = root.get("avatarConfig");
        if (avatar == null || !avatar.isObject()) {
            throw new ValidationException("MissingAvatarConfig", "The avatarConfig is required.");
        }
        readAvatar(d, (ObjectNode) avatar, "bitrateKbps");
        avatar.fields().forEachRemaining(e -> {
            if (!KNOWN_AVATAR_FIELDS.contains(e.getKey())) {
                d.avatarExtras.set(e.getKey(), e.getValue());
            }
        });
        JsonNode props = root.path("properties");
        ObjectNode properties = props.isObject() ? (ObjectNode) props : MAPPER.createObjectNode();
        JsonNode ttl = properties.get("timeToLiveInHours");
        if (ttl != null && !ttl.isNull()) {
            if (!ttl.canConvertToInt() || ttl.asInt() < 0 || ttl.asInt() > 744) {
                throw new ValidationException("InvalidTimeToLive", "The timeToLiveInHours must be between 0 and 744.");
            }
            d.ttl = Duration.ofHours(ttl.asInt());
        }
        checkDestination(d, properties);
        return d;
    }

    private static ObjectNode parseObject(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new ValidationException("RequestTooLarge", "The request body must not be larger than 500 KB.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ValidationException("InvalidJson", "The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException("InvalidJson", "The request body must be a JSON object.");
        }
        return (ObjectNode) root;
    }

    private static String inputKind(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("MissingInputKind", "The " + field + " is required.");
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "plaintext" -> "PlainText";
            case "ssml" -> "SSML";
            default -> throw new ValidationException("InvalidInputKind",
                    "The " + field + " '" + value + "' is not supported. Supported values: PlainText, SSML.");
        };
    }

    private static void readInputs(JobDraft d, ObjectNode root, String textField) {
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new ValidationException("MissingInputs", "The inputs is required.");
        }
        if (inputs.size() > MAX_INPUTS) {
            throw new ValidationException("TooManyInputs", "The number of inputs must not exceed " + MAX_INPUTS + ".");
        }
        List<String> texts = new ArrayList<>(inputs.size());
        long chars = 0;
        for (JsonNode input : inputs) {
            String text = text(input, textField);
            if (text == null || text.isBlank()) {
                throw new ValidationException("MissingInputText", "The " + textField + " of every input is required.");
            }
            texts.add(text);
            chars += "SSML".equals(d.inputKind) ? text.replaceAll("<[^>]*>", "").length() : text.length();
            if (text.contains(JobFactory.FAIL_MARKER)) {
                d.fails = true;
            }
        }
        d.texts = List.copyOf(texts);
        d.inputCount = texts.size();
        d.billedCharacters = chars;
    }

    private static void readSynthesisConfig(JobDraft d, ObjectNode root) {
        JsonNode config = root.get("synthesisConfig");
        if (config != null && config.isObject()) {
            d.synthesisConfig = (ObjectNode) config;
        }
        if ("PlainText".equals(d.inputKind)) {
            String voice = d.synthesisConfig == null ? null : text(d.synthesisConfig, "voice");
            if (voice == null || voice.isBlank()) {
                throw new ValidationException("MissingVoice", "The synthesisConfig.voice is required when the input is plain text.");
            }
        }
    }

    private static void readCustomVoices(JobDraft d, ObjectNode root) {
        JsonNode voices = root.get("customVoices");
        if (voices != null && voices.isObject()) {
            d.customVoices = (ObjectNode) voices;
        }
    }

    private static void readAvatar(JobDraft d, ObjectNode avatar, String bitrateField) {
        d.character = text(avatar, "talkingAvatarCharacter");
        if (d.character == null || d.character.isBlank()) {
            throw new ValidationException("MissingTalkingAvatarCharacter", "The talkingAvatarCharacter is required.");
        }
        d.style = text(avatar, "talkingAvatarStyle");
        d.customized = avatar.path("customized").asBoolean(false);
        d.videoFormat = orDefault(text(avatar, "videoFormat"), "mp4");
        d.videoCodec = orDefault(text(avatar, "videoCodec"), "hevc");
        d.subtitleType = orDefault(text(avatar, "subtitleType"), "soft_embedded");
        d.backgroundColor = text(avatar, "backgroundColor");
        JsonNode bitrate = avatar.has(bitrateField) ? avatar.get(bitrateField) : avatar.get("bitrateKbps");
        if (bitrate != null && bitrate.canConvertToLong()) {
            d.bitrateKbps = bitrate.asLong();
        }
    }

    private static void checkDestination(JobDraft d, ObjectNode properties) {
        String container = text(properties, "destinationContainerUrl");
        if (d.inputCount > 1 && (container == null || container.isBlank())) {
            throw new ValidationException("MissingDestinationContainerUrl",
                    "The destinationContainerUrl is required when there is more than one input.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
