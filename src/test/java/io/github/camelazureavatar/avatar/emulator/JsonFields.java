package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one field of a create body with the type the swagger gives it, refusing any other type
 * (ASP.NET's JSON binding does: {@code "bitrateKbps": "fast"} is a 400, not a default). A JSON
 * null reads as absent.
 */
final class JsonFields {

    static final String INVALID_TYPE = "InvalidType";

    private JsonFields() {
    }

    private static JsonNode value(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static ValidationException wrongType(String path, String type) {
        return new ValidationException(INVALID_TYPE, "The " + path + " must be " + type + ".");
    }

    static String string(JsonNode parent, String field, String path) {
        JsonNode v = value(parent, field);
        if (v != null && !v.isTextual()) {
            throw wrongType(path, "a string");
        }
        return v == null ? null : v.asText();
    }

    static Boolean bool(JsonNode parent, String field, String path) {
        JsonNode v = value(parent, field);
        if (v != null && !v.isBoolean()) {
            throw wrongType(path, "true or false");
        }
        return v == null ? null : v.asBoolean();
    }

    /** An integral JSON number: {@code 1.5} and {@code "48"} are refused. */
    static Long integer(JsonNode parent, String field, String path) {
        JsonNode v = value(parent, field);
        if (v != null && !(v.isIntegralNumber() && v.canConvertToLong())) {
            throw wrongType(path, "an integer");
        }
        return v == null ? null : v.asLong();
    }

    static Double number(JsonNode parent, String field, String path) {
        JsonNode v = value(parent, field);
        if (v != null && !v.isNumber()) {
            throw wrongType(path, "a number");
        }
        return v == null ? null : v.asDouble();
    }

    static ObjectNode object(JsonNode parent, String field, String path) {
        JsonNode v = value(parent, field);
        if (v != null && !v.isObject()) {
            throw wrongType(path, "an object");
        }
        return (ObjectNode) v;
    }
}
