package io.github.camelazureavatar.avatar.model;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest.Point;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest.Scene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * validate() and the emulator apply the same rules: what one refuses the other refuses (the emulator with a 400 to the
 * very JSON toJson renders), and what one accepts the other creates. A route thus fails before it spends a request
 * exactly where the emulator, standing in for Azure, would have failed it.
 */
class RequestRulesAgreementTest {

    private static final AvatarApiVersion B = AvatarApiVersion.V2024_08_01;
    private static final AvatarApiVersion A = AvatarApiVersion.V3_1_PREVIEW1;
    private static final String SSML = "<speak version='1.0' xml:lang='en-US'><voice name='en-US-AvaNeural'>Hi</voice></speak>";

    private static AvatarEmulator emu;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        emu = AvatarEmulator.builder().maxActiveJobs(-1).start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private interface Change extends Function<AvatarSynthesisRequest.Builder, AvatarSynthesisRequest.Builder> {
    }

    private static AvatarSynthesisRequest.Builder valid() {
        return AvatarSynthesisRequest.builder().text("Hello").voice("en-US-AvaMultilingualNeural").avatar("lisa", "casual-sitting");
    }

    private static Arguments rule(String name, AvatarApiVersion version, Change change) {
        return Arguments.of(name, version, change);
    }

    static Stream<Arguments> refused() {
        String foreignSas = "?sv=2023-11-03&se=2099-01-01T00%3A00%3A00Z&sr=c&sp=rwl&sig=c2VjcmV0";
        return Stream.of(
                rule("standard avatar without style", B, r -> r.avatar("lisa", null)),
                rule("standard avatar without style", A, r -> r.avatar("lisa", null)),
                rule("unknown standard avatar", B, r -> r.avatar("bob", "casual")),
                rule("another avatar's style", A, r -> r.avatar("lisa", "business")),
                rule("videoFormat avi", B, r -> r.videoFormat("avi")),
                rule("videoCodec xyz", B, r -> r.videoCodec("xyz")),
                rule("av1 on 3.1-preview1", A, r -> r.videoCodec("av1")),
                rule("subtitleType bogus", A, r -> r.subtitleType("bogus")),
                rule("backgroundColor red", B, r -> r.backgroundColor("red")),
                rule("http background image", B, r -> r.backgroundImage("http://example.com/bg.png")),
                rule("videoCrop with one corner", B, r -> r.videoCrop(new Point(0, 0), null)),
                rule("bitrate 0", A, r -> r.bitrateKbps(0)),
                rule("custom voice id outside the pattern", B, r -> r.customVoice("my-voice", "a b")),
                rule("time to live under an hour", A, r -> r.timeToLive(Duration.ofMinutes(30))),
                rule("container over http elsewhere", B, r -> r.destinationContainerUrl("http://acct.blob.core.windows.net/c" + foreignSas)),
                rule("container without a SAS", B, r -> r.destinationContainerUrl("https://acct.blob.core.windows.net/c")),
                rule("container with a stored access policy", B, r -> r.destinationContainerUrl(
                        "https://acct.blob.core.windows.net/c?si=policy&se=2099-01-01T00%3A00%3A00Z&sig=c2VjcmV0")),
                rule("destinationPath without a container", B, r -> r.destinationPath("videos")),
                rule("two inputs without a container", B, r -> r.text("two")),
                rule("two inputs without a container", A, r -> r.text("two")),
                rule("SSML that is not XML", B, r -> AvatarSynthesisRequest.builder().ssml("<speak>Hi").avatar("lisa", "casual-sitting")),
                rule("SSML without speak", A, r -> AvatarSynthesisRequest.builder().ssml("<voice>Hi</voice>").avatar("lisa", "casual-sitting")),
                rule("photo base model vasa-2", B, r -> r.photoAvatar("anika", "vasa-2")),
                rule("scene on a video avatar", B, r -> r.scene(new Scene(1.0, null, null, null, null, null, null))),
                rule("scene zoom 0", B, r -> r.photoAvatar("anika", "vasa-1").scene(new Scene(0.0, null, null, null, null, null, null))),
                rule("useBuiltInVoice on a standard avatar", B, r -> r.useBuiltInVoice(true)),
                rule("no voice for plain text", B, r -> r.voice(null)));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                rule("standard avatar", B, r -> r),
                rule("standard avatar", A, r -> r),
                rule("custom avatar without style", A, r -> r.customAvatar("my-avatar").avatar("my-avatar", null)),
                rule("photo avatar with a scene", B, r -> r.photoAvatar("anika", "vasa-1")
                        .scene(new Scene(0.85, 0.1, -0.05, 0.1745, 0.0, 0.0, 0.8))),
                rule("built-in voice, no voice", B, r -> r.voice(null).customAvatar("my-avatar").avatar("my-avatar", null)
                        .useBuiltInVoice(true)),
                rule("transparent webm vp9 av1 settings", B, r -> r.videoFormat("webm").videoCodec("vp9").backgroundColor("transparent")),
                rule("av1", B, r -> r.videoCodec("av1")),
                rule("crop and layout", B, r -> r.videoCrop(new Point(100, 100), new Point(1820, 1080))
                        .layout(new Point(10, 20), new Point(800, 600), new Point(1920, 1080))),
                rule("prosody", A, r -> r.prosody("+10%", "high", "x-loud")),
                rule("https background image", A, r -> r.backgroundImage("https://example.com/bg.png")),
                rule("SSML", B, r -> AvatarSynthesisRequest.builder().ssml(SSML).avatar("lisa", "casual-sitting")),
                rule("two inputs into the emulator's container", B, r -> r.text("two")
                        .destinationContainerUrl(emu.containerUrl("videos")).destinationPath("avatars")),
                rule("two inputs into the emulator's container", A, r -> r.text("two").destinationContainerUrl(emu.containerUrl("videos"))));
    }

    private static HttpResponse<String> create(AvatarSynthesisRequest request, AvatarApiVersion version) throws Exception {
        String path = version == A ? "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar"
                : "/avatar/batchsyntheses/" + UUID.randomUUID() + "?api-version=" + version.value();
        HttpRequest http = HttpRequest.newBuilder(URI.create(emu.baseUrl() + path))
                .header("Ocp-Apim-Subscription-Key", emu.subscriptionKey()).header("Content-Type", "application/json")
                .method(version == A ? "POST" : "PUT", HttpRequest.BodyPublishers.ofString(request.toJson(version).toString()))
                .build();
        return HTTP.send(http, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("refused")
    void bothRefuse(String name, AvatarApiVersion version, Change change) throws Exception {
        AvatarSynthesisRequest request = change.apply(valid()).build();
        assertThatThrownBy(() -> request.validate(version)).isInstanceOf(IllegalArgumentException.class);
        HttpResponse<String> answer = create(request, version);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("accepted")
    void bothAccept(String name, AvatarApiVersion version, Change change) throws Exception {
        AvatarSynthesisRequest request = change.apply(valid()).build();
        request.validate(version);
        HttpResponse<String> answer = create(request, version);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
