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
                .videoFormat("mp4").videoCodec("h264").subtitleType("soft_embedded")
                .backgroundColor("#FFFFFFFF")
                .timeToLive(Duration.ofHours(48));
    }

    @Test
    void rendersThe2024Shape() throws Exception {
        ObjectNode json = sample().description("optional").customVoice("my-voice", "deployment-1")
                .destinationContainerUrl("https://me.blob.core.windows.net/out?sig=s").destinationPath("avatars")
                .bitrateKbps(4000).build().toJson(AvatarApiVersion.V2024_08_01);

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
        ObjectNode json = sample().displayName("avatar batch synthesis sample").bitrateKbps(4000).build()
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
}
