package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The facts a swagger schema states about a JSON value (type, format, enum, pattern, length,
 * required properties), written as this project's own description, and a check that lists
 * where a value breaks them. Properties a schema does not name are allowed, as in the swagger.
 */
final class SchemaFacts {

    private final String type;
    private String format;
    private Set<String> enumValues;
    private Pattern pattern;
    private int minLength;
    private int maxLength = Integer.MAX_VALUE;
    private final Map<String, SchemaFacts> properties = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private SchemaFacts items;
    private SchemaFacts additional;

    private SchemaFacts(String type) {
        this.type = type;
    }

    static SchemaFacts object() {
        return new SchemaFacts("object");
    }

    static SchemaFacts string() {
        return new SchemaFacts("string");
    }

    static SchemaFacts integer(String format) {
        return new SchemaFacts("integer").format(format);
    }

    static SchemaFacts number() {
        return new SchemaFacts("number");
    }

    static SchemaFacts bool() {
        return new SchemaFacts("boolean");
    }

    static SchemaFacts array(SchemaFacts items) {
        SchemaFacts s = new SchemaFacts("array");
        s.items = items;
        return s;
    }

    /** An object whose every value has this schema (additionalProperties). */
    static SchemaFacts map(SchemaFacts values) {
        SchemaFacts s = object();
        s.additional = values;
        return s;
    }

    SchemaFacts format(String format) {
        this.format = format;
        return this;
    }

    SchemaFacts enumOf(String... values) {
        this.enumValues = new java.util.TreeSet<>(List.of(values));
        return this;
    }

    SchemaFacts pattern(String regex, int min, int max) {
        this.pattern = Pattern.compile(regex);
        this.minLength = min;
        this.maxLength = max;
        return this;
    }

    SchemaFacts minLength(int min) {
        this.minLength = min;
        return this;
    }

    SchemaFacts prop(String name, SchemaFacts schema) {
        properties.put(name, schema);
        return this;
    }

    SchemaFacts req(String name, SchemaFacts schema) {
        required.add(name);
        return prop(name, schema);
    }

    List<String> violations(JsonNode value) {
        List<String> out = new ArrayList<>();
        check(value, "$", out);
        return out;
    }

    private void check(JsonNode v, String path, List<String> out) {
        switch (type) {
            case "object" -> {
                if (!v.isObject()) {
                    out.add(path + " is not an object");
                    return;
                }
                required.stream().filter(name -> !v.hasNonNull(name)).forEach(name -> out.add(path + "." + name + " is required"));
                v.properties().forEach(e -> {
                    SchemaFacts s = properties.getOrDefault(e.getKey(), additional);
                    if (s != null && !e.getValue().isNull()) {
                        s.check(e.getValue(), path + "." + e.getKey(), out);
                    }
                });
            }
            case "array" -> {
                if (!v.isArray()) {
                    out.add(path + " is not an array");
                    return;
                }
                for (int i = 0; i < v.size(); i++) {
                    items.check(v.get(i), path + "[" + i + "]", out);
                }
            }
            case "string" -> {
                if (!v.isTextual()) {
                    out.add(path + " is not a string: " + v);
                    return;
                }
                checkString(v.asText(), path, out);
            }
            case "integer" -> {
                if (!v.isIntegralNumber()) {
                    out.add(path + " is not an integer: " + v);
                } else if ("int32".equals(format) && !v.canConvertToInt()) {
                    out.add(path + " is not an int32: " + v);
                } else if ("int64".equals(format) && !v.canConvertToLong()) {
                    out.add(path + " is not an int64: " + v);
                }
            }
            case "number" -> {
                if (!v.isNumber()) {
                    out.add(path + " is not a number: " + v);
                }
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    out.add(path + " is not a boolean: " + v);
                }
            }
            default -> throw new IllegalStateException(type);
        }
    }

    private void checkString(String s, String path, List<String> out) {
        if (enumValues != null && !enumValues.contains(s)) {
            out.add(path + " '" + s + "' is not one of " + enumValues);
        }
        if (s.length() < minLength || s.length() > maxLength || pattern != null && !pattern.matcher(s).matches()) {
            out.add(path + " '" + s + "' breaks its pattern or length");
        }
        if ("uri".equals(format)) {
            try {
                if (!URI.create(s).isAbsolute()) {
                    out.add(path + " '" + s + "' is not an absolute URI");
                }
            } catch (IllegalArgumentException e) {
                out.add(path + " '" + s + "' is not a URI");
            }
        }
        if ("date-time".equals(format) && !isDateTime(s)) {
            out.add(path + " '" + s + "' is not a date-time");
        }
    }

    /** RFC 3339, or the offset-less form Azure's own examples use for a finished job's lastActionDateTime. */
    private static boolean isDateTime(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(s);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
