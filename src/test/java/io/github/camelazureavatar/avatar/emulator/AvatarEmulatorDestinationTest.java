package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With destinationContainerUrl Azure writes into the user's container and answers relative
 * paths ({destinationPath/}{jobId}/0001.mp4): the emulator does the same on its blob host.
 */
class AvatarEmulatorDestinationTest extends EmulatorHttpTestSupport {

    private EmulatorHttp anonymous() {
        return new EmulatorHttp(emu, null);
    }

    /** The container URL's path joined with a relative output, the container's SAS kept: what a client does. */
    private static String inContainer(String containerUrl, String relative) {
        URI uri = URI.create(containerUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "/" + relative + "?" + uri.getRawQuery();
    }

    private ObjectNode threeInputs(String containerUrl, String destinationPath) {
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyB("x", containerUrl));
        body.putArray("inputs").add(json("{\"content\":\"one\"}")).add(json("{\"content\":\"two\"}")).add(json("{\"content\":\"three\"}"));
        if (destinationPath != null) {
            body.with("properties").put("destinationPath", destinationPath);
        }
        return body;
    }

    @Test
    void everyVideoAndTheSummaryGoIntoTheContainerAndOutputsAreRelative() {
        String container = emu.containerUrl("videos");
        assertThat(http.createB("multi-1", threeInputs(container, "/avatars/2026/").toString()).statusCode()).isEqualTo(201);
        emu.advance(Duration.ofSeconds(15));
        JsonNode job = json(http.get(B + "/multi-1?" + V));
        assertThat(job.get("status").asText()).isEqualTo("Succeeded");
        assertThat(job.at("/outputs/result").asText()).isEqualTo("avatars/2026/multi-1/0001.mp4");
        assertThat(job.at("/outputs/summary").asText()).isEqualTo("avatars/2026/multi-1/summary.json");
        assertThat(job.at("/properties/succeededCount").asInt()).isEqualTo(3);

        for (String video : new String[] {"0001.mp4", "0002.mp4", "0003.mp4"}) {
            HttpResponse<String> r = anonymous().get(inContainer(container, "avatars/2026/multi-1/" + video));
            assertThat(r.statusCode()).as(video).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("video/mp4");
        }
        assertThat(anonymous().get(inContainer(container, "avatars/2026/multi-1/0004.mp4")).statusCode()).isEqualTo(404);
        JsonNode summary = json(anonymous().get(inContainer(container, job.at("/outputs/summary").asText())));
        assertThat(summary.get("results")).extracting(r -> r.get("videoFileName").asText())
                .containsExactly("avatars/2026/multi-1/0001.mp4", "avatars/2026/multi-1/0002.mp4", "avatars/2026/multi-1/0003.mp4");
        // nothing on Microsoft's storage for such a job
        assertThat(emu.requests().all()).noneMatch(r -> r.path().startsWith("/batchsynthesis-output/"));
    }

    @Test
    void previewJobsWriteThereToo() {
        String container = emu.containerUrl("videos");
        ObjectNode body = (ObjectNode) json(EmulatorHttp.bodyA("Hello"));
        body.with("properties").put("destinationContainerUrl", container);
        String id = json(http.createA(body.toString())).get("id").asText();
        emu.advance(Duration.ofSeconds(15));
        JsonNode job = json(http.get(A + "/" + id));
        assertThat(job.at("/outputs/result").asText()).isEqualTo(id + "/0001.mp4");
        assertThat(anonymous().get(inContainer(container, job.at("/outputs/result").asText())).statusCode()).isEqualTo(200);
    }

    @Test
    void aContainerSasWithoutReadPermissionCannotReadItBack() {
        String writeOnly = emu.containerUrl("drop", "w", Duration.ofDays(1));
        http.createB("drop-1", EmulatorHttp.bodyB("x", writeOnly));
        emu.advance(Duration.ofSeconds(15));
        JsonNode job = json(http.get(B + "/drop-1?" + V));
        assertThat(job.get("status").asText()).isEqualTo("Succeeded");
        HttpResponse<String> r = anonymous().get(inContainer(writeOnly, job.at("/outputs/result").asText()));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("AuthorizationPermissionMismatch");
        String readable = emu.containerUrl("drop", "r", Duration.ofDays(1));
        assertThat(anonymous().get(inContainer(readable, job.at("/outputs/result").asText())).statusCode()).isEqualTo(200);
    }

    @Test
    void aContainerSasThatCannotWriteFailsTheJobWithNothingWritten() {
        String readOnly = emu.containerUrl("videos", "rl", Duration.ofDays(1));
        assertThat(http.createB("ro-1", EmulatorHttp.bodyB("x", readOnly)).statusCode()).isEqualTo(201);
        emu.advance(Duration.ofSeconds(15));
        JsonNode job = json(http.get(B + "/ro-1?" + V));
        assertThat(job.get("status").asText()).isEqualTo("Failed");
        assertThat(job.at("/properties/error/message").asText()).contains("destination container");
        assertThat(anonymous().get(inContainer(readOnly, job.at("/outputs/summary").asText())).statusCode()).isEqualTo(404);
    }

    @Test
    void aForgedContainerSignatureIsRefusedByStorage() {
        String container = emu.containerUrl("videos");
        http.createB("forged-1", EmulatorHttp.bodyB("x", container));
        emu.advance(Duration.ofSeconds(15));
        String url = inContainer(container, "forged-1/0001.mp4").replaceAll("sig=[^&]+", "sig=Zm9yZ2Vk");
        HttpResponse<String> r = anonymous().get(url);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("AuthenticationFailed");
    }

    @Test
    void deletingTheJobDeletesItsFilesInTheContainer() {
        String container = emu.containerUrl("videos");
        http.createB("del-1", EmulatorHttp.bodyB("x", container));
        emu.advance(Duration.ofSeconds(15));
        String video = inContainer(container, "del-1/0001.mp4");
        assertThat(anonymous().get(video).statusCode()).isEqualTo(200);
        assertThat(http.delete(B + "/del-1?" + V).statusCode()).isEqualTo(204);
        assertThat(anonymous().get(video).statusCode()).isEqualTo(404);
    }

    @Test
    void aContainerElsewhereIsAssumedWritableAndAnswersRelativePaths() {
        http.createB("far-1", EmulatorHttp.bodyB("x", EmulatorHttp.FOREIGN_CONTAINER));
        emu.advance(Duration.ofSeconds(15));
        JsonNode job = json(http.get(B + "/far-1?" + V));
        assertThat(job.get("status").asText()).isEqualTo("Succeeded");
        assertThat(job.at("/outputs/result").asText()).isEqualTo("far-1/0001.mp4");
    }
}
