package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per rule of Azure's (swagger types, patterns, required corners; the Learn pages'
 * value sets), over real HTTP, in both generations where the generation has the setting: each
 * refusal is a 400 in that generation's error shape naming the rule, and creates nothing.
 */
class AvatarEmulatorRulesTest extends EmulatorHttpTestSupport {

    /** A change to a valid body: (root, avatar settings), the latter avatarConfig in B and properties in A. */
    private interface Spoil extends BiConsumer<ObjectNode, ObjectNode> {
    }

    private static Arguments rule(String name, String code, Spoil spoil) {
        return Arguments.of(name, code, spoil);
    }

    private static ObjectNode props(ObjectNode root) {
        return root.with("properties");
    }

    /** Rules of both generations. */
    static Stream<Arguments> sharedRules() {
        return Stream.of(
                rule("standard avatar without style", "MissingTalkingAvatarStyle", (r, a) -> a.remove("talkingAvatarStyle")),
                rule("unknown standard avatar", "UnsupportedTalkingAvatarCharacter", (r, a) -> a.put("talkingAvatarCharacter", "bob")),
                rule("another avatar's style", "UnsupportedTalkingAvatarStyle", (r, a) -> a.put("talkingAvatarStyle", "business")),
                rule("a style for rowan, who has none", "UnsupportedTalkingAvatarStyle", (r, a) -> a.put("talkingAvatarCharacter", "rowan")),
                rule("character not a string", "InvalidType", (r, a) -> a.put("talkingAvatarCharacter", 7)),
                rule("customized not a boolean", "InvalidType", (r, a) -> a.put("customized", "yes")),
                rule("videoFormat avi", "UnsupportedVideoFormat", (r, a) -> a.put("videoFormat", "avi")),
                rule("videoCodec xyz", "UnsupportedVideoCodec", (r, a) -> a.put("videoCodec", "xyz")),
                rule("subtitleType bogus", "UnsupportedSubtitleType", (r, a) -> a.put("subtitleType", "bogus")),
                rule("backgroundColor red", "InvalidBackgroundColor", (r, a) -> a.put("backgroundColor", "red")),
                rule("backgroundColor #FFF", "InvalidBackgroundColor", (r, a) -> a.put("backgroundColor", "#FFF")),
                rule("http background image", "InvalidBackgroundImage", (r, a) -> a.put("backgroundImage", "http://example.com/bg.png")),
                rule("relative background image", "InvalidBackgroundImage", (r, a) -> a.put("backgroundImage", "bg.png")),
                rule("videoCrop with one corner", "InvalidVideoCrop", (r, a) -> a.putObject("videoCrop").putObject("topLeft").put("x", 0).put("y", 0)),
                rule("videoCrop x not a number", "InvalidType", (r, a) -> {
                    ObjectNode crop = a.putObject("videoCrop");
                    crop.putObject("topLeft").put("x", "left").put("y", 0);
                    crop.putObject("bottomRight").put("x", 100).put("y", 100);
                }),
                rule("bitrate 0", "InvalidBitrate", (r, a) -> a.put(a.has("talkingAvatarCharacter") && r.has("textType") ? "kBitrate" : "bitrateKbps", 0)),
                rule("custom voice id outside the pattern", "InvalidCustomVoices", (r, a) -> r.putObject("customVoices").put("my-voice", "a b")),
                rule("custom voice id too short", "InvalidCustomVoices", (r, a) -> r.putObject("customVoices").put("my-voice", "ab")),
                rule("voice not a string", "InvalidType", (r, a) -> r.with("synthesisConfig").put("voice", 1)),
                rule("rate not a string", "InvalidType", (r, a) -> r.with("synthesisConfig").put("rate", 1.2)),
                rule("description not a string", "InvalidType", (r, a) -> r.put("description", 5)),
                rule("container is not a URL", "InvalidDestinationContainerUrl", (r, a) -> props(r).put("destinationContainerUrl", "my container")),
                rule("container over http elsewhere", "InvalidDestinationContainerUrl", (r, a) -> props(r).put("destinationContainerUrl",
                        "http://acct.blob.core.windows.net/c?se=2099-01-01T00:00:00Z&sp=w&sig=x")),
                rule("container without a SAS", "InvalidDestinationContainerUrl", (r, a) -> props(r).put("destinationContainerUrl",
                        "https://acct.blob.core.windows.net/c")),
                rule("container with a stored access policy", "InvalidDestinationContainerUrl", (r, a) -> props(r).put("destinationContainerUrl",
                        "https://acct.blob.core.windows.net/c?si=policy&se=2099-01-01T00:00:00Z&sig=x")),
                rule("container URL without a container", "InvalidDestinationContainerUrl", (r, a) -> props(r).put("destinationContainerUrl",
                        "https://acct.blob.core.windows.net/?se=2099-01-01T00:00:00Z&sp=w&sig=x")),
                rule("destinationPath without a container", "InvalidDestinationPath", (r, a) -> props(r).put("destinationPath", "videos")));
    }

    /** Rules of the 2024 generations only. */
    static Stream<Arguments> batchRules() {
        return Stream.of(
                rule("timeToLiveInHours 1.5", "InvalidType", (r, a) -> props(r).put("timeToLiveInHours", 1.5)),
                rule("timeToLiveInHours as text", "InvalidType", (r, a) -> props(r).put("timeToLiveInHours", "48")),
                rule("timeToLiveInHours 0", "InvalidTimeToLive", (r, a) -> props(r).put("timeToLiveInHours", 0)),
                rule("bitrateKbps fast", "InvalidType", (r, a) -> a.put("bitrateKbps", "fast")),
                rule("content not a string", "InvalidType", (r, a) -> r.putArray("inputs").addObject().put("content", 42)),
                rule("photo avatar base model unknown", "UnsupportedPhotoAvatarBaseModel", (r, a) -> {
                    a.remove("talkingAvatarStyle");
                    a.put("talkingAvatarCharacter", "anika").put("photoAvatarBaseModel", "vasa-2");
                }),
                rule("photo avatar with a style", "InvalidTalkingAvatarStyle", (r, a) -> a.put("photoAvatarBaseModel", "vasa-1")),
                rule("scene on a video avatar", "InvalidScene", (r, a) -> a.putObject("scene").put("zoom", 1.0)),
                rule("scene zoom 0", "InvalidScene", (r, a) -> photo(a).putObject("scene").put("zoom", 0)),
                rule("scene positionX 2", "InvalidScene", (r, a) -> photo(a).putObject("scene").put("positionX", 2)),
                rule("scene rotationZ 4 rad", "InvalidScene", (r, a) -> photo(a).putObject("scene").put("rotationZ", 4)),
                rule("scene amplitude 0", "InvalidScene", (r, a) -> photo(a).putObject("scene").put("amplitude", 0)),
                rule("scene zoom as text", "InvalidType", (r, a) -> photo(a).putObject("scene").put("zoom", "big")),
                rule("useBuiltInVoice on a standard avatar", "InvalidUseBuiltInVoice", (r, a) -> a.put("useBuiltInVoice", true)),
                rule("useBuiltInVoice not a boolean", "InvalidType", (r, a) -> a.put("customized", true).put("useBuiltInVoice", "yes")),
                rule("avatarPosition y as text", "InvalidType", (r, a) -> a.putObject("avatarPosition").put("x", 1).put("y", "top")),
                rule("resolution not an object", "InvalidType", (r, a) -> a.put("resolution", "1920x1080")),
                rule("SSML that is not XML", "InvalidSsml", (r, a) -> ssml(r, "content", "<speak>Hello")),
                rule("SSML without speak", "InvalidSsml", (r, a) -> ssml(r, "content", "<voice name='en-US-AvaNeural'>Hi</voice>")),
                rule("SSML that names no voice", "InvalidSsml", (r, a) -> ssml(r, "content", "<speak version='1.0'>Hi</speak>")),
                rule("SSML with a DTD", "InvalidSsml", (r, a) -> ssml(r, "content",
                        "<!DOCTYPE speak [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><speak>&x;</speak>")));
    }

    /** Rules of 3.1-preview1 only. */
    static Stream<Arguments> previewRules() {
        return Stream.of(
                rule("av1 predates 3.1-preview1", "UnsupportedVideoCodec", (r, a) -> a.put("videoCodec", "av1")),
                rule("kBitrate fast", "InvalidType", (r, a) -> a.put("kBitrate", "fast")),
                rule("timeToLive under an hour", "InvalidTimeToLive", (r, a) -> a.put("timeToLive", "PT30M")),
                rule("text not a string", "InvalidType", (r, a) -> r.putArray("inputs").addObject().put("text", true)),
                rule("displayName not a string", "InvalidType", (r, a) -> r.put("displayName", 3)),
                rule("SSML that is not XML", "InvalidSsml", (r, a) -> ssml(r, "text", "Hello, <b>world")));
    }

    private static ObjectNode photo(ObjectNode avatar) {
        avatar.remove("talkingAvatarStyle");
        return avatar.put("talkingAvatarCharacter", "anika").put("photoAvatarBaseModel", "vasa-1");
    }

    private static void ssml(ObjectNode root, String field, String text) {
        root.put(root.has("textType") ? "textType" : "inputKind", "SSML").remove("synthesisConfig");
        root.putArray("inputs").addObject().put(field, text);
    }

    static Stream<Arguments> batchAll() {
        return Stream.concat(sharedRules(), batchRules());
    }

    static Stream<Arguments> previewAll() {
        return Stream.concat(sharedRules(), previewRules());
    }

    @ParameterizedTest(name = "2024-08-01: {0}")
    @MethodSource("batchAll")
    void batchRefuses(String name, String code, Spoil spoil) {
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyB("Hello"));
        spoil.accept(body, (ObjectNode) body.get("avatarConfig"));
        HttpResponse<String> r = http.createB("job-1", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = json(r).get("error");
        assertThat(error.get("code").asText()).isEqualTo("BadRequest");
        assertThat(error.at("/innererror/code").asText()).as(r.body()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("BadRequest");
        assertThat(emu.jobCount()).isZero();
    }

    @ParameterizedTest(name = "3.1-preview1: {0}")
    @MethodSource("previewAll")
    void previewRefuses(String name, String code, Spoil spoil) {
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyA("Hello"));
        spoil.accept(body, (ObjectNode) body.get("properties"));
        HttpResponse<String> r = http.createA(body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = json(r);
        assertThat(error.get("code").asText()).isEqualTo("InvalidRequest");
        assertThat(error.at("/innerError/code").asText()).as(r.body()).isEqualTo(code);
        assertThat(emu.jobCount()).isZero();
    }

    @Test
    void anExpiredContainerSasIsAzuresValidationProblemIn31AndABadRequestIn2024() {
        String expired = emu.containerUrl("videos", "rwl", Duration.ofMinutes(1));
        emu.advance(Duration.ofMinutes(2));
        ObjectNode a = (ObjectNode) json(EmulatorHttp.bodyA("Hello"));
        props(a).put("destinationContainerUrl", expired);
        HttpResponse<String> preview = http.createA(a.toString());
        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(preview.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(preview).at("/errors/Properties.DestinationContainerUrl/0").asText())
                .isEqualTo("The property DestinationContainerUrl is an expired SAS URI.");
        assertThat(json(preview).get("title").asText()).isEqualTo("One or more validation errors occurred.");
        assertThat(json(preview).get("status").asInt()).isEqualTo(400);

        HttpResponse<String> batch = http.createB("job-1", EmulatorHttp.bodyB("Hello", expired));
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(json(batch).at("/error/innererror/code").asText()).isEqualTo("ExpiredDestinationContainerUrl");
        assertThat(emu.jobCount()).isZero();
    }

    static Stream<Arguments> acceptedBatch() {
        return Stream.of(
                rule("standard photo avatar with a scene", null, (r, a) -> photo(a).putObject("scene").put("zoom", 0.85)
                        .put("positionX", 0.1).put("positionY", -0.05).put("rotationX", 0.1745).put("rotationY", 0)
                        .put("rotationZ", -Math.PI).put("amplitude", 1)),
                rule("custom photo avatar", null, (r, a) -> photo(a).put("talkingAvatarCharacter", "my-own-photo")),
                rule("custom video avatar without style", null, (r, a) -> a.put("talkingAvatarCharacter", "my-avatar")
                        .put("customized", true).remove("talkingAvatarStyle")),
                rule("built-in voice: plain text, no voice", null, (r, a) -> {
                    a.put("talkingAvatarCharacter", "my-avatar").put("customized", true).put("useBuiltInVoice", true);
                    r.remove("synthesisConfig");
                }),
                rule("transparent webm vp9", null, (r, a) -> a.put("videoFormat", "webm").put("videoCodec", "vp9")
                        .put("backgroundColor", "transparent")),
                rule("av1 in mp4", null, (r, a) -> a.put("videoFormat", "mp4").put("videoCodec", "av1")),
                rule("av1 in webm", null, (r, a) -> a.put("videoFormat", "webm").put("videoCodec", "av1")),
                rule("Rowan without style, any case", null, (r, a) -> a.put("talkingAvatarCharacter", "Rowan")
                        .remove("talkingAvatarStyle")),
                rule("jeff before his retirement", null, (r, a) -> a.put("talkingAvatarCharacter", "jeff").put("talkingAvatarStyle", "formal")),
                rule("every subtitle type, any case", null, (r, a) -> a.put("subtitleType", "Hard_Embedded")),
                rule("character and style in capitals", null, (r, a) -> a.put("talkingAvatarCharacter", "Lisa")
                        .put("talkingAvatarStyle", "Casual-Sitting")),
                rule("crop, position, size, resolution", null, (r, a) -> {
                    ObjectNode crop = a.putObject("videoCrop");
                    crop.putObject("topLeft").put("x", 100).put("y", 100);
                    crop.putObject("bottomRight").put("x", 1820).put("y", 1080.5);
                    a.putObject("avatarPosition").put("x", 10).put("y", 20);
                    a.putObject("avatarSize").put("x", 800).put("y", 600);
                    a.putObject("resolution").put("x", 1920).put("y", 1080);
                }),
                rule("prosody", null, (r, a) -> r.with("synthesisConfig").put("rate", "+10%").put("pitch", "high").put("volume", "x-loud")),
                rule("https background image", null, (r, a) -> a.put("backgroundImage", "https://example.com/bg.png")),
                rule("SSML with namespaces", null, (r, a) -> ssml(r, "content", "<speak version='1.0' "
                        + "xmlns='http://www.w3.org/2001/10/synthesis' xmlns:mstts='https://www.w3.org/2001/mstts' xml:lang='en-US'>"
                        + "<voice name='en-US-AvaNeural'><mstts:express-as style='cheerful'>Hi</mstts:express-as></voice></speak>")),
                rule("custom voice with a GUID deployment", null, (r, a) -> r.putObject("customVoices")
                        .put("my-voice", "502ac834-6537-4bc3-9fd6-140114daa66d")),
                rule("timeToLiveInHours 1 and 744 bounds", null, (r, a) -> props(r).put("timeToLiveInHours", 744)));
    }

    @ParameterizedTest(name = "2024-08-01 accepts {0}")
    @MethodSource("acceptedBatch")
    void batchAccepts(String name, String ignored, Spoil change) {
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyB("Hello"));
        change.accept(body, (ObjectNode) body.get("avatarConfig"));
        HttpResponse<String> r = http.createB("job-1", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "rowan", "celine", "nia", "malik" })
    void theStandardAvatarsWithoutStyleAreKnownInBothGenerations(String character) {
        ObjectNode b = (ObjectNode) json(EmulatorHttp.bodyB("Hello"));
        ((ObjectNode) b.get("avatarConfig")).put("talkingAvatarCharacter", character).remove("talkingAvatarStyle");
        assertThat(http.createB("job-" + character, b.toString()).statusCode()).isEqualTo(201);
        ObjectNode a = (ObjectNode) json(EmulatorHttp.bodyA("Hello"));
        props(a).put("talkingAvatarCharacter", character).remove("talkingAvatarStyle");
        assertThat(http.createA(a.toString()).statusCode()).isEqualTo(201);
    }

    /** Learn: jeff is retired from December 2026; on the emulator's clock he is then an unknown character. */
    @Test
    void jeffIsRetiredFromDecember2026OnTheEmulatorsClock() {
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyB("Hello"));
        ((ObjectNode) body.get("avatarConfig")).put("talkingAvatarCharacter", "jeff").put("talkingAvatarStyle", "business");
        assertThat(emu.clock().now()).isBefore(AvatarRules.JEFF_RETIRED);
        assertThat(http.createB("job-1", body.toString()).statusCode()).isEqualTo(201);

        emu.advance(Duration.between(emu.clock().now(), AvatarRules.JEFF_RETIRED));
        HttpResponse<String> r = http.createB("job-2", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).at("/error/innererror/code").asText()).isEqualTo("UnsupportedTalkingAvatarCharacter");
        assertThat(json(r).at("/error/message").asText()).contains("'jeff'").doesNotContain("jeff,");
    }

    @Test
    void previewLeavesThe2024OnlySettingsAlone() {
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyA("Hello"));
        ((ObjectNode) body.get("properties")).put("useBuiltInVoice", true).putObject("scene").put("zoom", 7);
        HttpResponse<String> r = http.createA(body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).at("/properties/scene/zoom").asInt()).isEqualTo(7);
    }

    @Test
    void anAvatarNamedLikeAStandardOneIsStillCustomWhenCustomized() {
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyB("Hello"));
        ((ObjectNode) body.get("avatarConfig")).put("customized", true).put("talkingAvatarStyle", "my-own-style");
        assertThat(http.createB("job-1", body.toString()).statusCode()).isEqualTo(201);
    }
}
