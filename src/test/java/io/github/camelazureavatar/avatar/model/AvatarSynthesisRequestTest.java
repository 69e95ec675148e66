package io.github.camelazureavatar.avatar.model;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One request, rendered in the shapes of the API notes' create examples (sections 2.3 and 3.4). */
class AvatarSynthesisRequestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static AvatarSynthesisRequest.Builder sample() {
        return AvatarSynthesisRequest.builder()
                .text("Hi, I'm a virtual assistant created by Microsoft.")
                .voice("en-US-AvaMultilingualNeural")
                .avatar("lisa", "graceful-sitting")
                .avatarConfig("videoFormat", "mp4").avatarConfig("videoCodec", "h264")
                .avatarConfig("subtitleType", "soft_embedded")
                .avatarConfig("backgroundColor", "#FFFFFFFF")
                .timeToLive(Duration.ofHours(48));
    }

    @Test
    void rendersThe2024Shape() throws Exception {
        ObjectNode json = sample().description("optional").customVoice("my-voice", "deployment-1")
                .destinationContainerUrl("https://me.blob.core.windows.net/out?sig=s").destinationPath("avatars")
                .avatarConfig("bitrateKbps", 4000).build().toJson(AvatarApiVersion.V2024_08_01);

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {"description":"optional","inputKind":"PlainText",
                 "inputs":[{"content":"Hi, I'm a virtual assistant created by Microsoft."}],
                 "synthesisConfig":{"voice":"en-US-AvaMultilingualNeural"},
                 "customVoices":{"my-voice":"deployment-1"},
                 "properties":{"timeToLiveInHours":48,"destinationContainerUrl":"https://me.blob.core.windows.net/out?sig=s",
                               "destinationPath":"avatars"},
                 "avatarConfig":{"talkingAvatarCharacter":"lisa","talkingAvatarStyle":"graceful-sitting",
                                 "videoFormat":"mp4","videoCodec":"h264","bitrateKbps":4000,
                                 "subtitleType":"soft_embedded","backgroundColor":"#FFFFFFFF"}}"""));
        assertThat(sample().build().toJson(AvatarApiVersion.V2024_04_15_PREVIEW).get("inputKind").asText())
                .isEqualTo("PlainText");
    }

    @Test
    void rendersThe31PreviewShape() throws Exception {
        ObjectNode json = sample().displayName("avatar batch synthesis sample").avatarConfig("bitrateKbps", 4000).build()
                .toJson(AvatarApiVersion.V3_1_PREVIEW1);

        assertThat(json).isEqualTo(MAPPER.readTree("""
                {"displayName":"avatar batch synthesis sample","textType":"PlainText",
                 "inputs":[{"text":"Hi, I'm a virtual assistant created by Microsoft."}],
                 "synthesisConfig":{"voice":"en-US-AvaMultilingualNeural"},
                 "properties":{"talkingAvatarCharacter":"lisa","talkingAvatarStyle":"graceful-sitting",
                               "videoFormat":"mp4","videoCodec":"h264","kBitrate":4000,
                               "subtitleType":"soft_embedded","backgroundColor":"#FFFFFFFF","timeToLive":"PT48H"}}"""));
    }

    @Test
    void ssmlNeedsNoVoiceAndThePreviewGetsADefaultDisplayName() {
        AvatarSynthesisRequest request = AvatarSynthesisRequest.builder()
                .ssml("<speak version='1.0' xml:lang='en-US'><voice name='en-US-AvaMultilingualNeural'>Hi</voice></speak>")
                .customAvatar("my-avatar").build();
        request.validate(AvatarApiVersion.V3_1_PREVIEW1);
        ObjectNode preview = request.toJson(AvatarApiVersion.V3_1_PREVIEW1);
        assertThat(preview.get("textType").asText()).isEqualTo("SSML");
        assertThat(preview.get("displayName").asText()).isEqualTo(AvatarSynthesisRequest.DEFAULT_DISPLAY_NAME);
        assertThat(preview.has("synthesisConfig")).isFalse();
        assertThat(preview.path("properties").path("customized").asBoolean()).isTrue();
        assertThat(request.toJson(AvatarApiVersion.V2024_08_01).has("properties")).as("nothing to put there").isFalse();
    }

    @Test
    void partialHoursRoundUpForThe2024Generation() {
        assertThat(sample().timeToLive(Duration.ofMinutes(90)).build().toJson(AvatarApiVersion.V2024_08_01)
                .path("properties").path("timeToLiveInHours").asLong()).isEqualTo(2);
    }

    @Test
    void validationNamesTheProblem() {
        AvatarApiVersion v = AvatarApiVersion.V2024_08_01;
        assertThatThrownBy(() -> AvatarSynthesisRequest.builder().voice("v").avatar("lisa", "casual-sitting").build()
                .validate(v)).hasMessageContaining("has no inputs");
        assertThatThrownBy(() -> sample().voice(null).build().validate(v)).hasMessageContaining("need a voice");
        assertThatThrownBy(() -> sample().avatar(null, null).build().validate(v)).hasMessageContaining("avatar character");
        assertThatThrownBy(() -> sample().text(" ").build().validate(v)).hasMessageContaining("Input 2").hasMessageContaining("empty");
        assertThatThrownBy(() -> sample().timeToLive(Duration.ofDays(32)).build().validate(v)).hasMessageContaining("744 hours");
        assertThatThrownBy(() -> sample().text("second").build().validate(v)).hasMessageContaining("destinationContainerUrl");
        assertThatThrownBy(() -> sample().ssml("<speak/>")).hasMessageContaining("not both");
    }

    @Test
    void toStringShowsNoTextAndNoContainerUrl() {
        String text = sample().destinationContainerUrl("https://me.blob.core.windows.net/out?sig=secret").build().toString();
        assertThat(text).doesNotContain("virtual assistant").doesNotContain("secret");
    }

    @Test
    void idsFollowAzuresPattern() {
        assertThat(AvatarJobIds.generate()).matches(AvatarJobIds.PATTERN);
        assertThat(AvatarJobIds.requireValid("my-job_01.a", "job id")).isEqualTo("my-job_01.a");
        for (String bad : new String[] { "ab", "-abc", "abc-", "a/b/c", "x".repeat(65), "with space" }) {
            assertThatThrownBy(() -> AvatarJobIds.requireValid(bad, "job id")).hasMessageContaining("breaks Azure's id pattern");
        }
    }

    @Test
    void rendersEverySettingOfTheSwaggerAndTheDocs() throws Exception {
        ObjectNode json = AvatarSynthesisRequest.builder().text("Hi").voice("en-US-AvaMultilingualNeural")
                .prosody("+10%", null, "x-loud").photoAvatar("anika", "vasa-1")
                .scene(new AvatarSynthesisRequest.Scene(0.85, 0.1, null, null, null, 0.0, 0.8))
                .videoCrop(new AvatarSynthesisRequest.Point(100, 100), new AvatarSynthesisRequest.Point(1820, 1080))
                .layout(new AvatarSynthesisRequest.Point(10, 20), null, new AvatarSynthesisRequest.Point(1920, 1080))
                .build().toJson(AvatarApiVersion.V2024_08_01);
        assertThat(json).isEqualTo(MAPPER.readTree("""
                {"inputKind":"PlainText","inputs":[{"content":"Hi"}],
                 "synthesisConfig":{"voice":"en-US-AvaMultilingualNeural","rate":"+10%","volume":"x-loud"},
                 "avatarConfig":{"talkingAvatarCharacter":"anika",
                   "videoCrop":{"topLeft":{"x":100.0,"y":100.0},"bottomRight":{"x":1820.0,"y":1080.0}},
                   "avatarPosition":{"x":10.0,"y":20.0},"resolution":{"x":1920.0,"y":1080.0},
                   "photoAvatarBaseModel":"vasa-1","scene":{"zoom":0.85,"positionX":0.1,"rotationZ":0.0,"amplitude":0.8}}}"""));
        AvatarSynthesisRequest.builder().text("Hi").voice("v").photoAvatar("anika", "vasa-1")
                .scene(new AvatarSynthesisRequest.Scene(0.85, 0.1, null, null, null, 0.0, 0.8)).build()
                .validate(AvatarApiVersion.V2024_08_01);
    }

    @Test
    void aCustomAvatarWithItsOwnVoiceNeedsNoVoiceAsInAzuresSamples() {
        AvatarSynthesisRequest request = AvatarSynthesisRequest.builder().text("Hello").customAvatar("my-avatar")
                .useBuiltInVoice(true).build();
        request.validate(AvatarApiVersion.V2024_08_01);
        ObjectNode json = request.toJson(AvatarApiVersion.V2024_08_01);
        assertThat(json.has("synthesisConfig")).isFalse();
        assertThat(json.at("/avatarConfig/useBuiltInVoice").asBoolean()).isTrue();
        assertThat(json.at("/avatarConfig/customized").asBoolean()).isTrue();
    }

    /** Azure judges its catalogue: names, styles, codecs, formats, colours and scenes go as given. */
    @Test
    void theCatalogueIsAzures() {
        AvatarApiVersion v = AvatarApiVersion.V2024_08_01;
        AvatarApiVersion preview = AvatarApiVersion.V3_1_PREVIEW1;
        for (AvatarSynthesisRequest request : new AvatarSynthesisRequest[] {
                sample().avatar("rowan", null).build(), sample().avatar("lisa", null).build(),
                sample().avatar("bob", "casual").build(),
                sample().avatarConfig("videoFormat", "avi").avatarConfig("videoCodec", "av1").build(),
                sample().avatarConfig("subtitleType", "bogus").avatarConfig("backgroundColor", "red")
                        .avatarConfig("backgroundImage", "http://example.com/a.png").build(),
                sample().avatarConfig("bitrateKbps", 0).customVoice("my-voice", "a b").destinationPath("videos").build(),
                sample().photoAvatar("anika", "vasa-2").scene(new AvatarSynthesisRequest.Scene(null, null, null, null, null, 4.0, null))
                        .useBuiltInVoice(true).build() }) {
            request.validate(v);
            request.validate(preview);
        }
        assertThat(sample().avatar("rowan", null).build().toJson(v).get("avatarConfig"))
                .isEqualTo(MAPPER.createObjectNode().put("talkingAvatarCharacter", "rowan").put("videoFormat", "mp4")
                        .put("videoCodec", "h264").put("subtitleType", "soft_embedded").put("backgroundColor", "#FFFFFFFF"));
    }

    @Test
    void whatWouldCostARequestForCertainIsRefused() {
        AvatarApiVersion v = AvatarApiVersion.V2024_08_01;
        AvatarApiVersion preview = AvatarApiVersion.V3_1_PREVIEW1;
        assertThatThrownBy(() -> sample().timeToLive(Duration.ofMinutes(30)).build().validate(preview)).hasMessageContaining("1 hour");
        assertThat(sample().timeToLive(Duration.ofMinutes(30)).build().toJson(v).at("/properties/timeToLiveInHours").asInt())
                .as("rounded up to Azure's hour").isEqualTo(1);
        assertThatThrownBy(() -> AvatarSynthesisRequest.builder().ssml("<speak>Hi</speak>").avatar("lisa", "casual-sitting").build()
                .validate(v)).hasMessageContaining("names no voice");
        String[] many = new String[AvatarSynthesisRequest.MAX_INPUTS + 1];
        java.util.Arrays.fill(many, "Hi");
        assertThatThrownBy(() -> sample().text(many).build().validate(v)).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> sample().text("two").build().validate(preview)).hasMessageContaining("destinationContainerUrl");
        assertThatThrownBy(() -> AvatarSynthesisRequest.validate(MAPPER.createArrayNode(), v)).hasMessageContaining("JSON object");
    }

    @Test
    void aDestinationContainerNeedsAnAdHocHttpsSasAndNoMessageShowsIt() {
        AvatarApiVersion v = AvatarApiVersion.V2024_08_01;
        String sas = "?sv=2023-11-03&se=2099-01-01T00%3A00%3A00Z&sr=c&sp=rwl&sig=c2VjcmV0";
        sample().destinationContainerUrl("https://me.blob.core.windows.net/out" + sas).build().validate(v);
        sample().destinationContainerUrl("http://127.0.0.2:10000/out" + sas).build().validate(v);
        for (String bad : new String[] { "http://me.blob.core.windows.net/out" + sas, "https://me.blob.core.windows.net/out",
                "https://me.blob.core.windows.net/out?si=policy&se=2099-01-01&sig=c2VjcmV0", "not a url" + sas }) {
            assertThatThrownBy(() -> sample().destinationContainerUrl(bad).build().validate(v))
                    .hasMessageContaining("destinationContainerUrl").message().doesNotContain("c2VjcmV0");
        }
    }
}
