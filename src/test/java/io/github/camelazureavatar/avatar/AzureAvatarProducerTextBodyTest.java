package io.github.camelazureavatar.avatar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelazureavatar.avatar.client.AzureAvatarException;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Text or SSML in, job out: a body that is not a job definition is the job's input, the settings from options. */
class AzureAvatarProducerTextBodyTest extends EmulatorTestSupport {

    private static final String SETTINGS = "operation=create&voice=en-US-AvaMultilingualNeural&avatarCharacter=lisa"
                                           + "&avatarStyle=casual-sitting";

    @TempDir
    Path dir;

    private Exchange create(String version, String options, Object body) {
        return context.createProducerTemplate().request(avatarUri(version, options), e -> e.getMessage().setBody(body));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void aStringBodyIsTheInputExactlyQuotesAndAllWithTheOptionsSettings(String version) {
        String text = "She said \"hello\" \\ and {left}; it's <b>fine</b>\n  twice.";

        Exchange created = create(version, SETTINGS + "&videoFormat=webm&timeToLive=48h", text);

        assertThat(created.getException()).isNull();
        AvatarSynthesisJob job = created.getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(azure.jobInputs(job.getId())).contains(List.of(text));
        assertThat(job.getInputKind()).isEqualTo("PlainText");
        assertThat(job.getAvatarCharacter()).isEqualTo("lisa");
        assertThat(job.getAvatarStyle()).isEqualTo("casual-sitting");
        assertThat(job.getJson().toString()).containsIgnoringCase("webm");
    }

    @Test
    void anSsmlBodyIsRecognisedAndNeedsNoVoice() {
        String ssml = "<speak version='1.0' xml:lang='en-US'><voice name='en-US-AvaMultilingualNeural'>Hi &amp; bye"
                      + "</voice></speak>";

        Exchange created = create("2024-08-01", "operation=create&avatarCharacter=lisa&avatarStyle=casual-sitting", ssml);

        assertThat(created.getException()).isNull();
        AvatarSynthesisJob job = created.getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(job.getInputKind()).isEqualTo("SSML");
        assertThat(azure.jobInputs(job.getId())).contains(List.of(ssml));
    }

    @Test
    void aTextFileIsTheInputToo() throws Exception {
        Path file = dir.resolve("welcome.txt");
        Files.writeString(file, "Welcome to \"Camel\".");

        Exchange created = create("2024-08-01", SETTINGS, file.toFile());

        assertThat(created.getException()).isNull();
        assertThat(azure.jobInputs(created.getMessage().getBody(AvatarSynthesisJob.class).getId()))
                .contains(List.of("Welcome to \"Camel\"."));
    }

    /** Azure's catalogue is Azure's: an avatar the component has never heard of reaches Azure, which accepts it. */
    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void rowanWithoutAStyleReachesAzureAndIsCreated(String version) throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rowan").to(avatarUri(version,
                        "operation=create&voice=en-US-AvaMultilingualNeural&avatarCharacter=rowan"));
            }
        });

        Exchange created = context.createProducerTemplate().request("direct:rowan",
                e -> e.getMessage().setBody("Hello from Rowan."));

        assertThat(created.getException()).isNull();
        AvatarSynthesisJob job = created.getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(job.getAvatarCharacter()).isEqualTo("rowan");
        assertThat(job.getAvatarStyle()).isNull();
        assertThat(azure.requests().all()).filteredOn(r -> r.method().equals(version.startsWith("3") ? "POST" : "PUT"))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(201));
    }

    /** lisa needs a style: not the component but Azure says so, and its code and message reach the route. */
    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void lisaWithoutAStyleGetsAzures400WithItsCodeAndMessage(String version) {
        Exchange refused = create(version, "operation=create&voice=en-US-AvaMultilingualNeural&avatarCharacter=lisa",
                "Hello from Lisa.");

        assertThat(refused.getException()).isInstanceOf(AzureAvatarException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining(version.startsWith("3") ? "InvalidRequest: " : "BadRequest: ")
                .hasMessageContaining("The talkingAvatarStyle is required for the standard avatar 'lisa'.")
                .hasMessageContaining("MissingTalkingAvatarStyle");
        AzureAvatarException azureSaid = (AzureAvatarException) refused.getException();
        assertThat(azureSaid.getHttpResponseCode()).isEqualTo(400);
        assertThat(azureSaid.getAzureErrorCode()).isEqualTo(version.startsWith("3") ? "InvalidRequest" : "BadRequest");
        assertThat(azure.requests().all()).as("the request reached Azure").singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(400));
        assertThat(azure.jobCount()).isZero();
    }

    @Test
    void withoutAVoiceTheFailureNamesTheOptionsAndNothingIsSent() {
        Exchange refused = create("2024-08-01", "operation=create&avatarCharacter=lisa&avatarStyle=casual-sitting",
                "Hello");

        assertThat(refused.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voice").hasMessageContaining("endpoint's options");
        assertThat(azure.requests().all()).isEmpty();
    }

    @Test
    void jsonTextIsStillAJobDefinition() {
        String json = """
                {"inputKind":"PlainText","synthesisConfig":{"voice":"en-US-AvaMultilingualNeural"},
                 "inputs":[{"content":"From JSON."}],
                 "avatarConfig":{"talkingAvatarCharacter":"lisa","talkingAvatarStyle":"casual-sitting"}}""";

        Exchange created = create("2024-08-01", "operation=create", json);

        assertThat(created.getException()).isNull();
        assertThat(azure.jobInputs(created.getMessage().getBody(AvatarSynthesisJob.class).getId()))
                .contains(List.of("From JSON."));
    }
}
