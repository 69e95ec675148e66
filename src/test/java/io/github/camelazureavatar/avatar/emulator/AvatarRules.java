package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.JsonFields.bool;
import static io.github.camelazureavatar.avatar.emulator.JsonFields.integer;
import static io.github.camelazureavatar.avatar.emulator.JsonFields.number;
import static io.github.camelazureavatar.avatar.emulator.JsonFields.object;
import static io.github.camelazureavatar.avatar.emulator.JsonFields.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The avatar's settings as Azure states them: the swagger's types and required corners, and
 * the value sets of the Learn pages (standard avatars and their styles, formats, codecs,
 * subtitle types, colour syntax, https images, photo-avatar rules). av1 is allowed in mp4 and webm alike. Generation A
 * (3.1-preview1) keeps these in {@code properties} and predates photo avatars, av1, the
 * built-in voice and the position/size/resolution settings, which it leaves alone.
 */
final class AvatarRules {

    /**
     * Standard video avatars and their styles (Learn, "Supported standard text to speech avatar", Nov 2025): rowan,
     * celine, nia and malik have none. The catalogue is Azure's and lives here only: the component sends names as given.
     */
    static final Map<String, Set<String>> STANDARD_AVATARS = Map.of(
            "harry", Set.of("business", "casual", "youthful"),
            "jeff", Set.of("business", "formal"),
            "lisa", Set.of("casual-sitting", "graceful-sitting", "graceful-standing", "technical-sitting", "technical-standing"),
            "lori", Set.of("casual", "graceful", "formal"),
            "max", Set.of("business", "casual", "formal"),
            "meg", Set.of("formal", "casual", "business"),
            "rowan", Set.of(), "celine", Set.of(), "nia", Set.of(), "malik", Set.of());
    /** Learn: jeff is retired from December 2026; the emulator's clock decides, and then knows him no more (a guess). */
    static final Instant JEFF_RETIRED = Instant.parse("2026-12-01T00:00:00Z");
    static final Set<String> PHOTO_BASE_MODELS = Set.of("vasa-1");
    static final Set<String> VIDEO_FORMATS = Set.of("mp4", "webm");
    static final Set<String> CODECS_A = Set.of("h264", "hevc", "vp9");
    static final Set<String> CODECS_B = Set.of("h264", "hevc", "vp9", "av1");
    static final Set<String> SUBTITLE_TYPES = Set.of("external_file", "soft_embedded", "hard_embedded", "none");
    /** #RRGGBBAA, or the names the docs and Microsoft's samples use. */
    static final Pattern BACKGROUND_COLOR = Pattern.compile("#[0-9a-fA-F]{8}|(?i:transparent|white)");
    /** Handled here; the rest of the avatar's fields are echoed back as sent. */
    static final Set<String> READ_FIELDS = Set.of("talkingAvatarCharacter", "talkingAvatarStyle", "customized",
            "videoFormat", "videoCodec", "subtitleType", "backgroundColor", "bitrateKbps", "kBitrate");

    private AvatarRules() {
    }

    static void read(JobDraft d, ObjectNode avatar, String prefix, Dialect dialect, Instant now) {
        boolean b = dialect == Dialect.BATCH;
        d.character = string(avatar, "talkingAvatarCharacter", prefix + "talkingAvatarCharacter");
        if (d.character == null || d.character.isBlank()) {
            throw new ValidationException("MissingTalkingAvatarCharacter", "The talkingAvatarCharacter is required.");
        }
        d.style = string(avatar, "talkingAvatarStyle", prefix + "talkingAvatarStyle");
        d.customized = Boolean.TRUE.equals(bool(avatar, "customized", prefix + "customized"));
        String baseModel = b ? string(avatar, "photoAvatarBaseModel", prefix + "photoAvatarBaseModel") : null;
        if (baseModel != null) {
            oneOf(baseModel, PHOTO_BASE_MODELS, "UnsupportedPhotoAvatarBaseModel", "photoAvatarBaseModel");
            if (d.style != null) {
                throw new ValidationException("InvalidTalkingAvatarStyle",
                        "A photo avatar has no talkingAvatarStyle: omit it when photoAvatarBaseModel is set.");
            }
        } else if (!d.customized) {
            standardVideoAvatar(d.character, d.style, now);
        }
        if (b) {
            scene(object(avatar, "scene", prefix + "scene"), baseModel != null);
            if (Boolean.TRUE.equals(bool(avatar, "useBuiltInVoice", prefix + "useBuiltInVoice")) && !d.customized) {
                throw new ValidationException("InvalidUseBuiltInVoice",
                        "useBuiltInVoice is only for a custom avatar trained with voice sync (customized: true).");
            }
            for (String field : List.of("avatarPosition", "avatarSize", "resolution")) {
                point(object(avatar, field, prefix + field), prefix + field);
            }
        }
        d.videoFormat = oneOf(orDefault(string(avatar, "videoFormat", prefix + "videoFormat"), "mp4"), VIDEO_FORMATS,
                "UnsupportedVideoFormat", "videoFormat");
        d.videoCodec = oneOf(orDefault(string(avatar, "videoCodec", prefix + "videoCodec"), "hevc"), b ? CODECS_B : CODECS_A,
                "UnsupportedVideoCodec", "videoCodec");
        d.subtitleType = oneOf(orDefault(string(avatar, "subtitleType", prefix + "subtitleType"), "soft_embedded"),
                SUBTITLE_TYPES, "UnsupportedSubtitleType", "subtitleType");
        d.backgroundColor = string(avatar, "backgroundColor", prefix + "backgroundColor");
        if (d.backgroundColor != null && !BACKGROUND_COLOR.matcher(d.backgroundColor).matches()) {
            throw new ValidationException("InvalidBackgroundColor", "The backgroundColor '" + d.backgroundColor
                    + "' is not supported: use #RRGGBBAA (for example #FFFFFFFF) or transparent.");
        }
        backgroundImage(string(avatar, "backgroundImage", prefix + "backgroundImage"));
        String bitrateField = b ? "bitrateKbps" : avatar.has("kBitrate") ? "kBitrate" : "bitrateKbps";
        Long bitrate = integer(avatar, bitrateField, prefix + bitrateField);
        if (bitrate != null && bitrate <= 0) {
            throw new ValidationException("InvalidBitrate", "The " + bitrateField + " must be a positive number of kbps.");
        }
        d.bitrateKbps = bitrate == null ? 2000 : bitrate;
        videoCrop(object(avatar, "videoCrop", prefix + "videoCrop"), prefix + "videoCrop");
        avatar.fields().forEachRemaining(e -> {
            if (!READ_FIELDS.contains(e.getKey())) {
                d.avatarExtras.set(e.getKey(), e.getValue());
            }
        });
    }

    /** Custom avatars are the user's own names; standard ones must exist, with one of their styles if they have any. */
    private static void standardVideoAvatar(String character, String style, Instant now) {
        Set<String> known = STANDARD_AVATARS.keySet().stream()
                .filter(name -> !name.equals("jeff") || now.isBefore(JEFF_RETIRED)).collect(Collectors.toSet());
        String name = character.toLowerCase(Locale.ROOT);
        if (!known.contains(name)) {
            throw new ValidationException("UnsupportedTalkingAvatarCharacter", "The talking avatar character '" + character
                    + "' is not a standard avatar: use one of " + sorted(known)
                    + ", set customized: true for a custom avatar, or photoAvatarBaseModel for a photo avatar.");
        }
        Set<String> styles = STANDARD_AVATARS.get(name);
        boolean noStyle = style == null || style.isBlank();
        if (styles.isEmpty() && !noStyle) {
            throw new ValidationException("UnsupportedTalkingAvatarStyle", "The standard avatar '" + character
                    + "' has no styles: omit the talkingAvatarStyle.");
        }
        if (!styles.isEmpty() && noStyle) {
            throw new ValidationException("MissingTalkingAvatarStyle",
                    "The talkingAvatarStyle is required for the standard avatar '" + character + "'.");
        }
        if (!styles.isEmpty() && !styles.contains(style.toLowerCase(Locale.ROOT))) {
            throw new ValidationException("UnsupportedTalkingAvatarStyle", "The talking avatar style '" + style
                    + "' is not supported for '" + character + "': use one of " + sorted(styles) + ".");
        }
    }

    /** Learn: zoom above 0, positions within -1..1, rotations within -π..π (radians), amplitude above 0 up to 1. */
    private static void scene(ObjectNode scene, boolean photo) {
        if (scene == null) {
            return;
        }
        if (!photo) {
            throw new ValidationException("InvalidScene", "The scene is only for photo avatars (set photoAvatarBaseModel).");
        }
        range(scene, "zoom", 0, false, Double.MAX_VALUE);
        range(scene, "positionX", -1, true, 1);
        range(scene, "positionY", -1, true, 1);
        for (String rotation : List.of("rotationX", "rotationY", "rotationZ")) {
            range(scene, rotation, -Math.PI, true, Math.PI);
        }
        range(scene, "amplitude", 0, false, 1);
    }

    private static void range(ObjectNode scene, String field, double min, boolean minIncluded, double max) {
        Double v = number(scene, field, "scene." + field);
        if (v != null && (v < min || (!minIncluded && v == min) || v > max)) {
            throw new ValidationException("InvalidScene", "The scene." + field + " " + v + " is out of range.");
        }
    }

    /** The swagger requires both corners; a corner's x and y are numbers. */
    private static void videoCrop(ObjectNode crop, String path) {
        if (crop == null) {
            return;
        }
        for (String corner : List.of("topLeft", "bottomRight")) {
            ObjectNode point = object(crop, corner, path + "." + corner);
            if (point == null) {
                throw new ValidationException("InvalidVideoCrop", "The videoCrop needs both topLeft and bottomRight.");
            }
            point(point, path + "." + corner);
        }
    }

    private static void point(ObjectNode point, String path) {
        if (point != null) {
            number(point, "x", path + ".x");
            number(point, "y", path + ".y");
        }
    }

    private static void backgroundImage(String image) {
        if (image == null) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(image);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ValidationException("InvalidBackgroundImage", "The backgroundImage must be an https URL.");
        }
    }

    private static String oneOf(String value, Set<String> allowed, String code, String field) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new ValidationException(code, "The " + field + " '" + value + "' is not supported. Supported values: "
                    + String.join(", ", sorted(allowed)) + ".");
        }
        return lower;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
