package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.JsonFields.bool;
import static io.github.camelazureavatar.avatar.emulator.JsonFields.integer;
import static io.github.camelazureavatar.avatar.emulator.JsonFields.object;
import static io.github.camelazureavatar.avatar.emulator.JsonFields.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a create body of either generation into a {@link JobDraft}, refusing what Azure
 * refuses with 400 before anything is created. The avatar's settings are {@link AvatarRules},
 * the destination container {@link DestinationRules}.
 */
final class CreateRequestParser {

    static final int MAX_BODY_BYTES = 500 * 1024;
    static final int MAX_INPUTS = 1000;
    static final Pattern ID_PATTERN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}[a-zA-Z0-9]$");
    static final Duration MIN_TTL = Duration.ofHours(1);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A keeps avatar settings in {@code properties}, next to job settings and read-only results. */
    private static final Set<String> PREVIEW_NON_AVATAR_PROPERTIES = Set.of("timeToLive", "destinationContainerUrl",
            "destinationPath", "outputFormat", "audioSize", "durationInTicks", "duration", "succeededAudioCount",
            "failedAudioCount", "billingDetails", "error");

    private final DestinationRules destinations;

    CreateRequestParser(DestinationRules destinations) {
        this.destinations = destinations;
    }

    JobDraft parsePreview(byte[] body) {
        ObjectNode root = parseObject(body);
        JobDraft d = new JobDraft();
        d.createdVia = Dialect.PREVIEW;
        d.displayName = string(root, "displayName", "displayName");
        if (d.displayName == null || d.displayName.isBlank()) {
            throw new ValidationException("MissingDisplayName", "The displayName is required.");
        }
        d.description = string(root, "description", "description");
        d.inputKind = inputKind(string(root, "textType", "textType"), "textType");
        readInputs(d, root, "text");
        ObjectNode properties = orEmpty(object(root, "properties", "properties"));
        ObjectNode avatar = properties.deepCopy();
        avatar.remove(PREVIEW_NON_AVATAR_PROPERTIES);
        AvatarRules.read(d, avatar, "properties.", Dialect.PREVIEW, destinations.now());
        readSynthesisConfig(d, root, false);
        readCustomVoices(d, root);
        String ttl = string(properties, "timeToLive", "properties.timeToLive");
        if (ttl != null) {
            try {
                d.ttl = Duration.parse(ttl);
            } catch (DateTimeParseException e) {
                throw new ValidationException("InvalidTimeToLive", "The timeToLive '" + ttl + "' is not a valid ISO 8601 duration.");
            }
            if (d.ttl.compareTo(JobDraft.MAX_TTL) > 0 || d.ttl.compareTo(MIN_TTL) < 0) {
                throw new ValidationException("InvalidTimeToLive", "The timeToLive must be from 1 hour to 31 days.");
            }
            d.ttlText = ttl;
        }
        destinations.read(d, properties);
        return d;
    }

    JobDraft parseBatch(String id, byte[] body) {
        ObjectNode root = parseObject(body);
        JobDraft d = new JobDraft();
        d.createdVia = Dialect.BATCH;
        d.id = id;
        d.description = string(root, "description", "description");
        d.inputKind = inputKind(string(root, "inputKind", "inputKind"), "inputKind");
        readInputs(d, root, "content");
        ObjectNode avatar = object(root, "avatarConfig", "avatarConfig");
        if (avatar == null) {
            throw new ValidationException("MissingAvatarConfig", "The avatarConfig is required.");
        }
        AvatarRules.read(d, avatar, "avatarConfig.", Dialect.BATCH, destinations.now());
        readSynthesisConfig(d, root, Boolean.TRUE.equals(bool(avatar, "useBuiltInVoice", "avatarConfig.useBuiltInVoice")));
        readCustomVoices(d, root);
        ObjectNode properties = orEmpty(object(root, "properties", "properties"));
        Long ttl = integer(properties, "timeToLiveInHours", "properties.timeToLiveInHours");
        if (ttl != null) {
            if (ttl < MIN_TTL.toHours() || ttl > JobDraft.MAX_TTL.toHours()) {
                throw new ValidationException("InvalidTimeToLive", "The timeToLiveInHours must be between 1 and 744.");
            }
            d.ttl = Duration.ofHours(ttl);
        }
        destinations.read(d, properties);
        d.requestFingerprint = MAPPER.createObjectNode().put("id", id).set("body", root);
        return d;
    }

    private static ObjectNode orEmpty(ObjectNode node) {
        return node != null ? node : MAPPER.createObjectNode();
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
        boolean ssml = "SSML".equals(d.inputKind);
        for (JsonNode input : inputs) {
            String path = "inputs[" + texts.size() + "]." + textField;
            String text = input.isObject() ? string(input, textField, path) : null;
            if (text == null || text.isBlank()) {
                throw new ValidationException("MissingInputText", "The " + textField + " of every input is required.");
            }
            if (ssml) {
                SsmlCheck.require(text, texts.size() + 1);
            }
            texts.add(text);
            chars += ssml ? text.replaceAll("<[^>]*>", "").length() : text.length();
            if (text.contains(JobFactory.FAIL_MARKER)) {
                d.fails = true;
            }
        }
        d.texts = List.copyOf(texts);
        d.inputCount = texts.size();
        d.billedCharacters = chars;
    }

    /** Strings all; the voice is required for plain text, unless the custom avatar speaks with its own. */
    private static void readSynthesisConfig(JobDraft d, ObjectNode root, boolean builtInVoice) {
        d.synthesisConfig = object(root, "synthesisConfig", "synthesisConfig");
        for (String field : List.of("voice", "style", "rate", "pitch", "volume")) {
            string(d.synthesisConfig, field, "synthesisConfig." + field);
        }
        if ("PlainText".equals(d.inputKind) && !builtInVoice) {
            String voice = string(d.synthesisConfig, "voice", "synthesisConfig.voice");
            if (voice == null || voice.isBlank()) {
                throw new ValidationException("MissingVoice",
                        "The synthesisConfig.voice is required when the input is plain text.");
            }
        }
    }

    /** Voice name to deployment id, which has the pattern of every Azure id. */
    private static void readCustomVoices(JobDraft d, ObjectNode root) {
        ObjectNode voices = object(root, "customVoices", "customVoices");
        if (voices == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> voice : voices.properties()) {
            JsonNode deployment = voice.getValue();
            if (!deployment.isTextual() || !ID_PATTERN.matcher(deployment.asText()).matches()) {
                throw new ValidationException("InvalidCustomVoices", "The deployment id of custom voice '" + voice.getKey()
                        + "' must be 3 to 64 letters, digits, '.', '_' or '-', starting and ending with a letter or digit.");
            }
        }
        d.customVoices = voices;
    }
}
