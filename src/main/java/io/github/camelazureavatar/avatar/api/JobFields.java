package io.github.camelazureavatar.avatar.api;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The fields of one job that either generation maps into the model, read straight off the token stream: no JSON tree
 * is built, every other field is skipped unread. Values stay text until the dialect converts them, so that a bad value
 * fails its job only after the whole object was read and the page's parse can go on with the next job.
 *
 * <p>
 * Like a tree's {@code asText()}: numbers and booleans read as their text, {@code null} as absent, an object or array
 * where a value was expected as the empty string.
 */
final class JobFields {

    String id;
    String status;
    String description;
    String displayName;
    String createdDateTime;
    String lastActionDateTime;
    String inputKind;
    String textType;
    String result;
    String summary;
    /** avatarConfig's (2024 generation). */
    String avatarConfigCharacter;
    String avatarConfigStyle;
    /** properties' (3.1-preview1). */
    String propertiesCharacter;
    String propertiesStyle;
    /**
     * The {@code properties} members read as numbers, durations or counts, as text; the 2024 generation has the first
     * four, 3.1-preview1 the others. Fields, not a map: a map per listed job cost a few percent of reading a page.
     */
    String durationInMilliseconds;
    String sizeInBytes;
    String succeededCount;
    String failedCount;
    String audioSize;
    String succeededAudioCount;
    String failedAudioCount;
    String duration;
    String durationInTicks;
    Map<String, Long> billingDetails;
    ErrorFields propertiesError;
    ErrorFields topLevelError;

    /** An error object, or {@link #NOT_AN_OBJECT} where the field held something else. */
    record ErrorFields(String code, String message) {
        static final ErrorFields NOT_AN_OBJECT = new ErrorFields(null, null);
    }

    /**
     * Reads the object whose {@code START_OBJECT} is the parser's current token, up to and including its
     * {@code END_OBJECT}.
     */
    static JobFields read(JsonParser p) throws IOException {
        JobFields job = new JobFields();
        forEachMember(p, (name, value) -> {
            switch (name) {
                case "id" -> job.id = text(p);
                case "status" -> job.status = text(p);
                case "description" -> job.description = text(p);
                case "displayName" -> job.displayName = text(p);
                case "createdDateTime" -> job.createdDateTime = text(p);
                case "lastActionDateTime" -> job.lastActionDateTime = text(p);
                case "inputKind" -> job.inputKind = text(p);
                case "textType" -> job.textType = text(p);
                case "outputs" -> job.readOutputs(p);
                case "properties" -> job.readProperties(p);
                case "avatarConfig" -> job.readAvatarConfig(p);
                case "error" -> job.topLevelError = error(p);
                default -> p.skipChildren();
            }
        });
        return job;
    }

    /** Reads one member's value, which the parser is at; whatever it does not want it skips. */
    @FunctionalInterface
    private interface MemberReader {
        void read(String name, JsonToken value) throws IOException;
    }

    /**
     * Hands each member of the object the parser is at to {@code reader}, up to and including the object's end.
     *
     * @return false, the value skipped, when the parser is at anything but an object
     */
    private static boolean forEachMember(JsonParser p, MemberReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return false;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            reader.read(name, p.nextToken());
        }
        return true;
    }

    private void readOutputs(JsonParser p) throws IOException {
        forEachMember(p, (name, value) -> {
            switch (name) {
                case "result" -> result = text(p);
                case "summary" -> summary = text(p);
                default -> p.skipChildren();
            }
        });
    }

    private void readAvatarConfig(JsonParser p) throws IOException {
        forEachMember(p, (name, value) -> {
            switch (name) {
                case "talkingAvatarCharacter" -> avatarConfigCharacter = text(p);
                case "talkingAvatarStyle" -> avatarConfigStyle = text(p);
                default -> p.skipChildren();
            }
        });
    }

    private void readProperties(JsonParser p) throws IOException {
        forEachMember(p, (name, value) -> {
            switch (name) {
                case "talkingAvatarCharacter" -> propertiesCharacter = text(p);
                case "talkingAvatarStyle" -> propertiesStyle = text(p);
                case "error" -> propertiesError = error(p);
                case "billingDetails" -> billingDetails = billing(p);
                case "durationInMilliseconds" -> durationInMilliseconds = scalar(p, value);
                case "sizeInBytes" -> sizeInBytes = scalar(p, value);
                case "succeededCount" -> succeededCount = scalar(p, value);
                case "failedCount" -> failedCount = scalar(p, value);
                case "audioSize" -> audioSize = scalar(p, value);
                case "succeededAudioCount" -> succeededAudioCount = scalar(p, value);
                case "failedAudioCount" -> failedAudioCount = scalar(p, value);
                case "duration" -> duration = scalar(p, value);
                case "durationInTicks" -> durationInTicks = scalar(p, value);
                default -> p.skipChildren();
            }
        });
    }

    private static ErrorFields error(JsonParser p) throws IOException {
        // rare (failed jobs only): a map keeps the two values without a holder class
        Map<String, String> read = new HashMap<>(4);
        boolean object = forEachMember(p, (name, value) -> {
            if (name.equals("code") || name.equals("message")) {
                read.put(name, text(p));
            } else {
                p.skipChildren();
            }
        });
        return object ? new ErrorFields(read.get("code"), read.get("message")) : ErrorFields.NOT_AN_OBJECT;
    }

    private static Map<String, Long> billing(JsonParser p) throws IOException {
        Map<String, Long> billing = new LinkedHashMap<>();
        boolean object = forEachMember(p, (name, value) -> {
            billing.put(name, p.getValueAsLong(0));
            p.skipChildren();
        });
        return object ? billing : null;
    }

    /** A number, duration or count as text; null, the value skipped, for a boolean, an object or an array. */
    private static String scalar(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE || !value.isScalarValue()) {
            p.skipChildren();
            return null;
        }
        return text(p);
    }

    /** The value as text: see the class comment. */
    static String text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }
}
