package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AvatarEmulatorValidationTest extends EmulatorHttpTestSupport {

    private static ObjectNode b() {
        return (ObjectNode) json(EmulatorHttp.bodyB("x"));
    }

    private static ObjectNode a() {
        return (ObjectNode) json(EmulatorHttp.bodyA("x"));
    }

    private static ArrayNode inputs(int n, String field) {
        ArrayNode array = EmulatorHttp.MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            array.addObject().put(field, "text " + i);
        }
        return array;
    }

    static Stream<Arguments> invalidBatchBodies() {
        return Stream.<Object[]>of(
                new Object[] {"no inputs", (Consumer<ObjectNode>) j -> j.remove("inputs")},
                new Object[] {"empty inputs", (Consumer<ObjectNode>) j -> j.putArray("inputs")},
                new Object[] {"blank content", (Consumer<ObjectNode>) j -> j.set("inputs", inputs(1, "other"))},
                new Object[] {"no inputKind", (Consumer<ObjectNode>) j -> j.remove("inputKind")},
                new Object[] {"bad inputKind", (Consumer<ObjectNode>) j -> j.put("inputKind", "Markdown")},
                new Object[] {"no voice", (Consumer<ObjectNode>) j -> j.remove("synthesisConfig")},
                new Object[] {"no character", (Consumer<ObjectNode>) j -> ((ObjectNode) j.get("avatarConfig")).remove("talkingAvatarCharacter")},
                new Object[] {"no avatarConfig", (Consumer<ObjectNode>) j -> j.remove("avatarConfig")},
                new Object[] {"1001 inputs", (Consumer<ObjectNode>) j -> j.set("inputs", inputs(1001, "content"))},
                new Object[] {"2 inputs, no container", (Consumer<ObjectNode>) j -> {
                    j.set("inputs", inputs(2, "content"));
                    ((ObjectNode) j.get("properties")).remove("destinationContainerUrl");
                }},
                new Object[] {"ttl > 744", (Consumer<ObjectNode>) j -> ((ObjectNode) j.get("properties")).put("timeToLiveInHours", 745)})
                .map(o -> Arguments.of(o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBatchBodies")
    void batchCreateRefusesInvalidBodiesAndCreatesNothing(String name, Consumer<ObjectNode> spoil) {
        ObjectNode body = b();
        spoil.accept(body);
        HttpResponse<String> r = http.createB("job-1", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(json(r).at("/error/message").asText()).isNotBlank();
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("BadRequest");
        assertThat(emu.jobCount()).isZero();
    }

    static Stream<Arguments> invalidPreviewBodies() {
        return Stream.<Object[]>of(
                new Object[] {"no inputs", (Consumer<ObjectNode>) j -> j.remove("inputs")},
                new Object[] {"no textType", (Consumer<ObjectNode>) j -> j.remove("textType")},
                new Object[] {"bad textType", (Consumer<ObjectNode>) j -> j.put("textType", "html")},
                new Object[] {"no voice", (Consumer<ObjectNode>) j -> j.remove("synthesisConfig")},
                new Object[] {"no character", (Consumer<ObjectNode>) j -> ((ObjectNode) j.get("properties")).remove("talkingAvatarCharacter")},
                new Object[] {"no displayName", (Consumer<ObjectNode>) j -> j.remove("displayName")},
                new Object[] {"1001 inputs", (Consumer<ObjectNode>) j -> j.set("inputs", inputs(1001, "text"))},
                new Object[] {"2 inputs, no container", (Consumer<ObjectNode>) j -> j.set("inputs", inputs(2, "text"))},
                new Object[] {"ttl 32 days", (Consumer<ObjectNode>) j -> ((ObjectNode) j.get("properties")).put("timeToLive", "P32D")})
                .map(o -> Arguments.of(o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPreviewBodies")
    void previewCreateRefusesInvalidBodiesWithFlatErrors(String name, Consumer<ObjectNode> spoil) {
        ObjectNode body = a();
        spoil.accept(body);
        HttpResponse<String> r = http.createA(body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = json(r);
        assertThat(error.has("error")).isFalse();
        assertThat(error.get("code").asText()).isEqualTo("InvalidRequest");
        assertThat(error.at("/innerError/code").asText()).isNotBlank();
        assertThat(emu.jobCount()).isZero();
    }

    @Test
    void ssmlNeedsNoVoiceAndKindIsCaseInsensitive() {
        ObjectNode body = b();
        body.remove("synthesisConfig");
        body.put("inputKind", "ssml");
        body.set("inputs", EmulatorHttp.MAPPER.createArrayNode().add(EmulatorHttp.MAPPER.createObjectNode()
                .put("content", "<speak version='1.0' xml:lang='en-US'><voice name='en-US-AvaNeural'>Hi</voice></speak>")));
        HttpResponse<String> r = http.createB("ssml-1", body.toString());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).get("inputKind").asText()).isEqualTo("SSML");
    }

    @Test
    void multipleInputsWithAContainerAreAccepted() {
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyB("x", emu.containerUrl("videos")));
        body.set("inputs", inputs(1000, "content"));
        assertThat(http.createB("many-1", body.toString()).statusCode()).isEqualTo(201);
    }

    @Test
    void bodyOver500KbIsRefused() {
        ObjectNode body = b();
        body.set("inputs", EmulatorHttp.MAPPER.createArrayNode().add(
                EmulatorHttp.MAPPER.createObjectNode().put("content", "a".repeat(500 * 1024))));
        HttpResponse<String> r = http.createB("big-1", body.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).contains("500 KB");
        assertThat(emu.jobCount()).isZero();
    }

    @Test
    void nonJsonContentTypeIsRefusedWith415() {
        HttpResponse<String> r = http.send("PUT", B + "/ct-1?" + V, null);
        assertThat(r.statusCode()).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-abc", "abc-", "a b c", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void badIdsAreRefused(String id) {
        HttpResponse<String> r = http.createB(java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"), EmulatorHttp.bodyB("x"));
        assertThat(r.statusCode()).as(id).isEqualTo(400);
        assertThat(emu.jobCount()).isZero();
    }

    @Test
    void idPatternBoundariesAreAccepted() {
        assertThat(http.createB("abc", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
        assertThat(http.createB("A.b_c-9", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
        assertThat(http.createB("x".repeat(64), EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
    }

    @Test
    void badOrReusedOperationIdIsRefused() {
        assertThat(http.createB("job-1", EmulatorHttp.bodyB("x"), "Operation-Id", "-bad").statusCode()).isEqualTo(400);
        assertThat(http.createB("job-1", EmulatorHttp.bodyB("x"), "Operation-Id", "op-1").statusCode()).isEqualTo(201);
        assertThat(http.createB("job-2", EmulatorHttp.bodyB("x"), "Operation-Id", "op-1").statusCode()).isEqualTo(400);
        assertThat(emu.jobCount()).isEqualTo(1);
    }

    @Test
    void anIdenticalRetryUnderTheSameOperationIdAnswersTheJobAndCreatesNothing() {
        com.fasterxml.jackson.databind.node.ObjectNode body = b();
        HttpResponse<String> first = http.createB("job-1", body.toString(), "Operation-Id", "op-1");
        assertThat(first.statusCode()).isEqualTo(201);
        emu.advance(java.time.Duration.ofSeconds(6));
        // the same definition, its fields in another order: still the same request
        com.fasterxml.jackson.databind.node.ObjectNode reordered = EmulatorHttp.MAPPER.createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, body.get(n)));
        HttpResponse<String> retry = http.createB("job-1", reordered.toString(), "Operation-Id", "op-1");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Operation-Id")).hasValue("op-1");
        assertThat(retry.headers().firstValue("Operation-Location")).hasValueSatisfying(l -> assertThat(l).contains("/avatar/operations/op-1?"));
        assertThat(json(retry).get("id").asText()).isEqualTo("job-1");
        assertThat(json(retry).get("status").asText()).isEqualTo("Running");
        assertThat(json(retry).get("createdDateTime")).isEqualTo(json(first).get("createdDateTime"));
        assertThat(emu.jobCount()).isEqualTo(1);

        body.put("description", "another request");
        assertThat(http.createB("job-1", body.toString(), "Operation-Id", "op-1").statusCode()).isEqualTo(400);
        // without the Operation-Id, the same body is a second create of an existing id
        assertThat(http.createB("job-1", b().toString()).statusCode()).isEqualTo(400);
    }

    @Test
    void anOperationIdIsFreeAgainOnceItsJobIsDeleted() {
        assertThat(http.createB("job-1", EmulatorHttp.bodyB("x"), "Operation-Id", "op-1").statusCode()).isEqualTo(201);
        emu.advance(java.time.Duration.ofSeconds(15));
        assertThat(http.delete(B + "/job-1?" + V).statusCode()).isEqualTo(204);
        assertThat(http.createB("job-2", EmulatorHttp.bodyB("x"), "Operation-Id", "op-1").statusCode()).isEqualTo(201);
    }

    @Test
    void duplicateIdIsRefused() {
        assertThat(http.createB("dup-1", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = http.createB("dup-1", EmulatorHttp.bodyB("y"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).at("/error/message").asText()).contains("already exists");
        assertThat(emu.jobCount()).isEqualTo(1);
    }

    @Test
    void moreThan200UnfinishedJobsAreRefusedUntilSomeFinish() {
        emu.seedJobs(199, SeedState.LIFECYCLE);
        assertThat(http.createB("job-200", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
        assertThat(http.createB("job-201", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(400);
        assertThat(http.createA(EmulatorHttp.bodyA("x")).statusCode()).isEqualTo(400);
        emu.advance(java.time.Duration.ofSeconds(15));
        assertThat(http.createB("job-201", EmulatorHttp.bodyB("x")).statusCode()).isEqualTo(201);
    }

    @Test
    void apiVersionMustBePresentAndKnown() {
        HttpResponse<String> missing = http.get(B);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("ApiVersionUnspecified");
        HttpResponse<String> unknown = http.get(B + "?api-version=2023-01-01");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("x-ms-error-code")).hasValue("UnsupportedApiVersion");
        assertThat(http.get(B + "?api-version=2024-04-15-preview").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownJobsAndPathsAre404() {
        assertThat(http.get(B + "/nope-1?" + V).statusCode()).isEqualTo(404);
        assertThat(http.get("/avatar/operations/nope-1?" + V).statusCode()).isEqualTo(404);
        assertThat(http.get(A + "/nope").statusCode()).isEqualTo(404);
        assertThat(http.get("/avatar/other?" + V).statusCode()).isEqualTo(404);
    }
}
