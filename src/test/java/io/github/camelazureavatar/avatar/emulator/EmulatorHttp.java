package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The emulator's own tests talk to it over real HTTP with the JDK client only, never through
 * project code, so they pin the wire behaviour rather than the component's reading of it.
 */
final class EmulatorHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String A = "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar";
    static final String B = "/avatar/batchsyntheses";
    static final String V = "api-version=2024-08-01";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AvatarEmulator emu;
    private final String key;

    EmulatorHttp(AvatarEmulator emu) {
        this(emu, emu.subscriptionKey());
    }

    EmulatorHttp(AvatarEmulator emu, String key) {
        this.emu = emu;
        this.key = key;
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send("GET", pathOrUrl, null);
    }

    HttpResponse<String> delete(String pathOrUrl) {
        return send("DELETE", pathOrUrl, null);
    }

    HttpResponse<String> send(String method, String pathOrUrl, String json, String... headers) {
        HttpRequest.Builder b = request(method, pathOrUrl, json, headers);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String method, String pathOrUrl, String json, String... headers) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : emu.baseUrl() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Ocp-Apim-Subscription-Key", key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b;
    }

    HttpClient client() {
        return client;
    }

    /** PUT create in generation B. */
    HttpResponse<String> createB(String id, String body, String... headers) {
        return send("PUT", B + "/" + id + "?" + V, body, headers);
    }

    /** POST create in generation A. */
    HttpResponse<String> createA(String body) {
        return send("POST", A, body);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    /** Azure's own example of a create: one input, results on Microsoft's storage. */
    static String bodyB(String text) {
        return """
                {"inputKind":"PlainText","synthesisConfig":{"voice":"en-US-AvaMultilingualNeural"},"customVoices":{},
                 "description":"a test job","inputs":[{"content":"%s"}],
                 "properties":{"timeToLiveInHours":48},
                 "avatarConfig":{"talkingAvatarCharacter":"lisa","talkingAvatarStyle":"graceful-sitting","videoFormat":"mp4",
                   "videoCodec":"h264","subtitleType":"soft_embedded","backgroundColor":"#FFFFFFFF"}}
                """.formatted(text);
    }

    /** As {@link #bodyB}, writing into the user's container. */
    static String bodyB(String text, String destinationContainerUrl) {
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) json(bodyB(text));
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("properties")).put("destinationContainerUrl", destinationContainerUrl);
        return body.toString();
    }

    /** A container SAS URL on a storage account the emulator does not host (Azure's own URL shape). */
    static final String FOREIGN_CONTAINER = "https://acct.blob.core.windows.net/c?sv=2023-11-03&se=2099-01-01T00%3A00%3A00Z"
            + "&sr=c&sp=rwl&sig=c2VjcmV0";

    static String bodyA(String text) {
        return """
                {"displayName":"avatar batch synthesis sample","description":"optional","textType":"PlainText",
                 "synthesisConfig":{"voice":"en-US-JennyNeural"},"customVoices":{},"inputs":[{"text":"%s"}],
                 "properties":{"talkingAvatarCharacter":"lisa","talkingAvatarStyle":"graceful-sitting","customized":false,
                   "videoFormat":"mp4","videoCodec":"h264","subtitleType":"soft_embedded","backgroundColor":"#FFFFFFFF"}}
                """.formatted(text);
    }
}
