package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static io.github.camelazureavatar.avatar.emulator.SchemaFacts.array;
import static io.github.camelazureavatar.avatar.emulator.SchemaFacts.bool;
import static io.github.camelazureavatar.avatar.emulator.SchemaFacts.integer;
import static io.github.camelazureavatar.avatar.emulator.SchemaFacts.map;
import static io.github.camelazureavatar.avatar.emulator.SchemaFacts.number;
import static io.github.camelazureavatar.avatar.emulator.SchemaFacts.object;
import static io.github.camelazureavatar.avatar.emulator.SchemaFacts.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every 2xx body of a full lifecycle (create, get in each status, list pages, operation,
 * delete) meets the schema facts of Azure's swaggers for 2024-04-15-preview and 2024-08-01
 * (the two are the same but for readOnly marks), as this project states them below.
 */
class AvatarEmulatorSchemaTest extends EmulatorHttpTestSupport {

    static final String ID_PATTERN = "^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}[a-zA-Z0-9]$";
    static final String[] STATUS = {"NotStarted", "Running", "Succeeded", "Failed"};

    static SchemaFacts id() {
        return string().pattern(ID_PATTERN, 3, 64);
    }

    static SchemaFacts coordinate() {
        return object().prop("x", number().format("double")).prop("y", number().format("double"));
    }

    static final SchemaFacts BATCH_SYNTHESIS = object()
            .req("inputKind", string().enumOf("PlainText", "SSML"))
            .req("avatarConfig", object()
                    .req("talkingAvatarCharacter", string().minLength(1))
                    .prop("talkingAvatarStyle", string()).prop("videoFormat", string()).prop("videoCodec", string())
                    .prop("subtitleType", string()).prop("backgroundColor", string()).prop("backgroundImage", string())
                    .prop("avatarPosition", coordinate()).prop("avatarSize", coordinate()).prop("resolution", coordinate())
                    .prop("videoCrop", object().req("topLeft", coordinate()).req("bottomRight", coordinate()))
                    .prop("bitrateKbps", integer("int64")).prop("customized", bool()))
            .prop("inputs", array(object().req("content", string().minLength(1))))
            .prop("synthesisConfig", object().req("voice", string().minLength(1)).prop("style", string())
                    .prop("rate", string()).prop("pitch", string()).prop("volume", string()))
            .prop("customVoices", map(id()))
            .prop("properties", object()
                    .prop("timeToLiveInHours", integer("int32"))
                    .prop("destinationContainerUrl", string().format("uri")).prop("destinationPath", string())
                    .prop("sizeInBytes", integer("int64")).prop("succeededCount", integer("int32"))
                    .prop("failedCount", integer("int32")).prop("durationInMilliseconds", integer("int32"))
                    .prop("billingDetails", object().prop("neuralCharacters", integer("int64"))
                            .prop("customNeuralCharacters", integer("int64")).prop("aoaiCharacters", integer("int64"))
                            .prop("aoaiHDCharacters", integer("int64")).prop("talkingAvatarDurationSeconds", integer("int64")))
                    .prop("error", object().prop("code", string()).prop("message", string())))
            .prop("outputs", object().prop("result", string()).prop("summary", string()))
            .prop("status", string().enumOf(STATUS))
            .prop("lastActionDateTime", string().format("date-time"))
            .prop("id", id())
            .prop("description", string())
            .prop("createdDateTime", string().format("date-time"));

    static final SchemaFacts PAGE = object().req("value", array(BATCH_SYNTHESIS)).prop("nextLink", string().format("uri"));
    static final SchemaFacts OPERATION = object().prop("id", id()).prop("status", string().enumOf(STATUS));

    /** What the Learn examples and the swagger's readOnly fields promise every answer shows. */
    static final List<String> ALWAYS = List.of("id", "status", "createdDateTime", "lastActionDateTime", "inputKind", "avatarConfig",
            "properties");

    private final List<String> violations = new ArrayList<>();

    private JsonNode checked(HttpResponse<String> r, int status, SchemaFacts schema) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json(r);
        schema.violations(body).forEach(v -> violations.add(r.request().method() + " " + r.request().uri().getPath() + ": " + v));
        return body;
    }

    private void job(JsonNode job, String status) {
        assertThat(ALWAYS).allMatch(job::has);
        assertThat(job.get("status").asText()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-08-01", "2024-04-15-preview"})
    void aFullLifecycleMeetsTheSwaggersSchemaFacts(String apiVersion) {
        String v = "api-version=" + apiVersion;
        ObjectNode rich = (ObjectNode) json(EmulatorHttp.bodyB("Hello"));
        ObjectNode avatar = (ObjectNode) rich.get("avatarConfig");
        avatar.put("videoFormat", "webm").put("videoCodec", "vp9").put("backgroundColor", "transparent").put("bitrateKbps", 4000);
        ObjectNode crop = avatar.putObject("videoCrop");
        crop.putObject("topLeft").put("x", 100).put("y", 100);
        crop.putObject("bottomRight").put("x", 1820).put("y", 1080);
        rich.with("synthesisConfig").put("rate", "+5%");
        rich.putObject("customVoices").put("my-voice", "502ac834-6537-4bc3-9fd6-140114daa66d");

        HttpResponse<String> created = http.send("PUT", B + "/job-1?" + v, rich.toString(), "Operation-Id", "op-1");
        job(checked(created, 201, BATCH_SYNTHESIS), "NotStarted");
        assertThat(URI.create(created.headers().firstValue("Operation-Location").orElseThrow()).isAbsolute()).isTrue();
        assertThat(created.headers().firstValue("Operation-Id").orElseThrow()).matches(ID_PATTERN);
        assertThat(http.send("PUT", B + "/job-2?" + v, EmulatorHttp.bodyB("[fail]")).statusCode()).isEqualTo(201);
        assertThat(http.send("PUT", B + "/job-3?" + v, EmulatorHttp.bodyB("three", emu.containerUrl("videos"))).statusCode())
                .isEqualTo(201);
        ObjectNode ssml = (ObjectNode) json(EmulatorHttp.bodyB("ssml"));
        ssml.put("inputKind", "SSML").remove("synthesisConfig");
        ssml.putArray("inputs").addObject()
                .put("content", "<speak version='1.0' xml:lang='en-US'><voice name='en-US-AvaNeural'>Hi</voice></speak>");
        assertThat(http.send("PUT", B + "/job-4?" + v, ssml.toString()).statusCode()).isEqualTo(201);

        checked(http.get("/avatar/operations/op-1?" + v), 200, OPERATION);
        emu.advance(Duration.ofSeconds(5));
        job(checked(http.get(B + "/job-1?" + v), 200, BATCH_SYNTHESIS), "Running");
        emu.advance(Duration.ofSeconds(10));
        job(checked(http.get(B + "/job-1?" + v), 200, BATCH_SYNTHESIS), "Succeeded");
        job(checked(http.get(B + "/job-2?" + v), 200, BATCH_SYNTHESIS), "Failed");
        job(checked(http.get(B + "/job-3?" + v), 200, BATCH_SYNTHESIS), "Succeeded");
        checked(http.get("/avatar/operations/op-1?" + v), 200, OPERATION);

        JsonNode page = checked(http.get(B + "?maxpagesize=3&" + v), 200, PAGE);
        assertThat(page.get("value")).hasSize(3);
        JsonNode last = checked(http.get(page.get("nextLink").asText()), 200, PAGE);
        assertThat(last.has("nextLink")).isFalse();

        HttpResponse<String> deleted = http.delete(B + "/job-1?" + v);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(violations).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theFactsCatchWhatTheSwaggerForbids() {
        JsonNode bad = json("""
                {"id":"a b","status":"Done","inputKind":"Markdown","createdDateTime":"yesterday",
                 "avatarConfig":{"talkingAvatarCharacter":"","bitrateKbps":1.5,"videoCrop":{"topLeft":{"x":"0","y":0}}},
                 "properties":{"timeToLiveInHours":4294967296},"customVoices":{"v":"x"}}""");
        assertThat(BATCH_SYNTHESIS.violations(bad)).containsExactlyInAnyOrder(
                "$.inputKind 'Markdown' is not one of [PlainText, SSML]",
                "$.id 'a b' breaks its pattern or length",
                "$.status 'Done' is not one of [Failed, NotStarted, Running, Succeeded]",
                "$.createdDateTime 'yesterday' is not a date-time",
                "$.avatarConfig.talkingAvatarCharacter '' breaks its pattern or length",
                "$.avatarConfig.bitrateKbps is not an integer: 1.5",
                "$.avatarConfig.videoCrop.bottomRight is required",
                "$.avatarConfig.videoCrop.topLeft.x is not a number: \"0\"",
                "$.properties.timeToLiveInHours is not an int32: 4294967296",
                "$.customVoices.v 'x' breaks its pattern or length");
        assertThat(PAGE.violations(json("{\"nextLink\":\"/relative\"}")))
                .containsExactlyInAnyOrder("$.value is required", "$.nextLink '/relative' is not an absolute URI");
    }
}
