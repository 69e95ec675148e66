package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvatarEmulatorBlobHostTest {

    private AvatarEmulator emu;
    private EmulatorHttp http;
    private EmulatorHttp anonymous;

    @BeforeEach
    void start() {
        emu = AvatarEmulator.builder().subscriptionKey("test-key").start();
        http = new EmulatorHttp(emu);
        anonymous = new EmulatorHttp(emu, null);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private JsonNode finishedJob(String id) {
        http.createB(id, EmulatorHttp.bodyB("The rainbow has seven colors."));
        emu.advance(Duration.ofSeconds(15));
        return json(http.get(B + "/" + id + "?" + V));
    }

    @Test
    void blobHostIsAnotherLoopbackAddress() {
        assertThat(emu.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(emu.blobBaseUrl()).startsWith("http://127.0.0.2:");
    }

    @Test
    void servesThePlayableMp4WithContentTypeAndLength() throws Exception {
        JsonNode job = finishedJob("video-1");
        HttpResponse<byte[]> r = anonymous.client().send(
                HttpRequest.newBuilder(URI.create(job.at("/outputs/result").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(emu.resultVideo().length);
        assertThat(r.body()).isEqualTo(emu.resultVideo());
        assertThat(new String(r.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(r.body().length).isLessThan(100 * 1024);
    }

    @Test
    void servesSummaryJsonInAzuresMixedCasing() {
        JsonNode job = finishedJob("summary-1");
        HttpResponse<String> r = anonymous.get(job.at("/outputs/summary").asText());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode summary = json(r);
        assertThat(summary.get("jobID").asText()).isEqualTo(job.get("internalId").asText());
        assertThat(summary.get("status").asText()).isEqualTo("Succeeded");
        JsonNode result = summary.get("results").get(0);
        assertThat(result.get("texts").get(0).asText()).isEqualTo(
                "<speak version='1.0' xml:lang='en-US'><voice name='en-US-AvaMultilingualNeural'>The rainbow has seven colors.</voice></speak>");
        assertThat(result.get("status").asText()).isEqualTo("Succeeded");
        assertThat(result.get("videoFileName").asText()).matches("[0-9a-f]{32}/" + job.get("internalId").asText() + "/0001\\.mp4");
        assertThat(result.get("TalkingAvatarCharacter").asText()).isEqualTo("lisa");
        assertThat(result.get("TalkingAvatarStyle").asText()).isEqualTo("graceful-sitting");
        assertThat(result.has("billingDetails")).isFalse();
    }

    @Test
    void previewSummaryCarriesStringBillingDetails() {
        String id = json(http.createA(EmulatorHttp.bodyA("Hello"))).get("id").asText();
        emu.advance(Duration.ofSeconds(15));
        JsonNode job = json(http.get(A + "/" + id));
        JsonNode summary = json(anonymous.get(job.at("/outputs/summary").asText()));
        assertThat(summary.get("jobID").asText()).isEqualTo(id);
        assertThat(summary.at("/results/0/billingDetails/Neural").isTextual()).isTrue();
        assertThat(summary.at("/results/0/billingDetails/Neural").asText()).isEqualTo("5");
    }

    @Test
    void wrongOrMissingSignatureIs403AuthenticationFailed() {
        String result = finishedJob("sig-1").at("/outputs/result").asText();
        for (String url : new String[] {result.replaceAll("sig=[^&]+", "sig=forged"), result.replaceAll("&sig=[^&]+", "")}) {
            HttpResponse<String> r = anonymous.get(url);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/xml");
            assertThat(r.headers().firstValue("x-ms-error-code")).hasValue("AuthenticationFailed");
            assertThat(r.body()).contains("<Code>AuthenticationFailed</Code>");
        }
    }

    @Test
    void missingFilesAre404BlobNotFound() {
        JsonNode job = finishedJob("gone-1");
        String result = job.at("/outputs/result").asText();
        assertThat(anonymous.get(result.replace("0001.mp4", "0002.mp4")).statusCode()).isEqualTo(404);
        assertThat(http.delete(B + "/gone-1?" + V).statusCode()).isEqualTo(204);
        HttpResponse<String> r = anonymous.get(result);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<Code>BlobNotFound</Code>");
    }

    @Test
    void failedJobsHaveASummaryButNoVideo() {
        http.createB("failed-1", EmulatorHttp.bodyB("[fail]"));
        emu.advance(Duration.ofSeconds(15));
        JsonNode job = json(http.get(B + "/failed-1?" + V));
        JsonNode summary = json(anonymous.get(job.at("/outputs/summary").asText()));
        assertThat(summary.get("status").asText()).isEqualTo("Failed");
        String guessedResult = job.at("/outputs/summary").asText().replace("summary.json", "0001.mp4");
        assertThat(anonymous.get(guessedResult).statusCode()).isEqualTo(404);
    }

    @Test
    void recordsEveryCredentialItReceivesAndMasksSignaturesInTheLog() {
        String result = finishedJob("leak-1").at("/outputs/result").asText();
        String sig = result.replaceAll(".*sig=", "");
        http.get(result);
        anonymous.send("GET", result, null, "Authorization", "Bearer token-9");
        anonymous.get(result);

        assertThat(emu.blobHost().receivedSecrets()).extracting(ReceivedSecret::header, ReceivedSecret::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ocp-Apim-Subscription-Key", "test-key"),
                        org.assertj.core.groups.Tuple.tuple("Authorization", "Bearer token-9"));
        assertThat(emu.blobHost().requests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.host()).isEqualTo("blob");
            assertThat(r.query()).contains("sig=xxxxxx").doesNotContain(sig);
            assertThat(r.status()).isEqualTo(200);
        });
        assertThat(emu.requests().all().toString()).doesNotContain(sig);
        emu.blobHost().clear();
        assertThat(emu.blobHost().receivedSecrets()).isEmpty();
        assertThat(emu.blobHost().requests()).isEmpty();
        assertThat(emu.requests().count("GET", B)).isEqualTo(1);
    }

    @Test
    void streamsALargeSyntheticResultWithoutHoldingIt() throws Exception {
        finishedJob("large-1");
        long size = 64L * 1024 * 1024 + 7;
        emu.setResultSize("large-1", size);
        JsonNode job = json(http.get(B + "/large-1?" + V));
        assertThat(job.at("/properties/sizeInBytes").asLong()).isEqualTo(size);
        HttpResponse<InputStream> r = anonymous.client().send(
                HttpRequest.newBuilder(URI.create(job.at("/outputs/result").asText())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(size);
        long position = 0;
        long mismatches = 0;
        byte[] buffer = new byte[65536];
        try (InputStream in = r.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != SyntheticContent.byteAt(position + i)) {
                        mismatches++;
                    }
                }
                position += n;
            }
        }
        assertThat(position).isEqualTo(size);
        assertThat(mismatches).isZero();
    }
}
