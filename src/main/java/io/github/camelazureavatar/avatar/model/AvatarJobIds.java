package io.github.camelazureavatar.avatar.model;

import java.util.UUID;
import java.util.regex.Pattern;

/** Azure's rule for job ids (and Operation-Ids), checked before anything is sent. */
public final class AvatarJobIds {

    /** Azure's id pattern: 3 to 64 characters, letters, digits, dot, dash and underscore, alphanumeric at both ends. */
    public static final Pattern PATTERN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}[a-zA-Z0-9]$");

    private AvatarJobIds() {
    }

    /** A fresh id that Azure accepts: a random UUID, as Azure's own samples use. */
    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param  what                     what the id is, for the message, e.g. "job id"
     * @throws IllegalArgumentException naming the id and the rule it breaks
     */
    public static String requireValid(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is empty");
        }
        if (!PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("The " + what + " '" + printable(id) + "' breaks Azure's id pattern "
                                               + PATTERN.pattern()
                                               + ": 3 to 64 letters, digits, '.', '-' or '_', starting and ending with "
                                               + "a letter or digit");
        }
        return id;
    }

    /**
     * The id as it may stand in a message or a log line: control characters (a CR or LF would forge log lines) escaped
     * as {@code \\uXXXX}, and no longer than 80 characters.
     */
    public static String printable(String id) {
        String shown = id.length() > 80 ? id.substring(0, 80) + "..." : id;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }
}
