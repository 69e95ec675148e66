package io.github.camelazureavatar.avatar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.client.AzureAvatarException;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.LogCapture;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Every producer operation against the emulator over real HTTP, in both API generations. */
class AzureAvatarProducerTest extends CamelTestSupport {

    private static final String KEY = "producer-test-key-0123";
    private static final List<String> VERSIONS = List.of("2024-08-01", "2024-04-15-preview", "3.1-preview1");

    private static AvatarEmulator emu;

    @TempDir
    static Path videos;

    /** Job ids the consumer saw Succeeded. */
    private final Set<String> succeeded = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startEmulator() {
        emu = AvatarEmulator.builder().subscriptionKey(KEY).start();
    }

    @AfterAll
    static void noSecretReachedTheBlobHost() {
        try {
            assertThat(emu.blobHost().requests()).as("the tests did download").isNotEmpty();
        } finally {
            EmulatorTestSupport.closeCheckingBlobHost(emu);
        }
    }

    static String azure(String version) {
        return "azure-avatar:jobs?endpoint=" + emu.baseUrl() + "&subscriptionKey=RAW(" + KEY + ")&apiVersion=" + version;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String version : VERSIONS) {
                    from("direct:" + version).to(azure(version));
                    from("direct:save-" + version).to(azure(version) + "&operation=downloadResult")
                            .to("file:" + videos.toAbsolutePath());
                    from(azure(version) + "&status=Succeeded&delay=50&initialDelay=0").routeId("watch-" + version)
                            .autoStartup(false)
                            .process(e -> succeeded.add(e.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class)));
                }
            }
        };
    }

    private Exchange call(String version, AzureAvatarOperation operation, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request("direct:" + version, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            e.getMessage().setHeader(AzureAvatarConstants.OPERATION, operation);
        });
        if (exchange.getException() != null) {
            throw new CamelExecutionException("failed", exchange, exchange.getException());
        }
        return exchange;
    }

    private static AvatarSynthesisRequest request(String text) {
        return AvatarSynthesisRequest.builder().text(text).voice("en-US-AvaMultilingualNeural")
                .avatar("lisa", "casual-sitting").avatarConfig("videoFormat", "mp4").avatarConfig("videoCodec", "h264")
                .timeToLive(Duration.ofHours(24)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void createGetWatchDownloadDeleteGet(String version) throws Exception {
        boolean preview = version.startsWith("3.1");
        Map<String, Object> idHeader = preview ? Map.of() : Map.of(AzureAvatarConstants.JOB_ID, "lifecycle-" + version);

        // create
        long posts = emu.requests().count("POST", "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar");
        Exchange created = call(version, AzureAvatarOperation.create, request("Hello from Camel."), idHeader);
        AvatarSynthesisJob job = created.getMessage().getBody(AvatarSynthesisJob.class);
        String id = job.getId();
        assertThat(job.getStatus()).isEqualTo(JobStatus.NotStarted);
        assertThat(created.getMessage().getHeader(AzureAvatarConstants.JOB_ID)).isEqualTo(id);
        assertThat(created.getMessage().getHeader(AzureAvatarConstants.STATUS)).isEqualTo("NotStarted");
        if (preview) {
            assertThat(job.getDisplayName()).isEqualTo(AvatarSynthesisRequest.DEFAULT_DISPLAY_NAME);
            assertThat(created.getMessage().getHeader(AzureAvatarConstants.OPERATION_LOCATION)).isNull();
            assertThat(emu.requests().count("POST", "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar"))
                    .isEqualTo(posts + 1);
        } else {
            assertThat(id).isEqualTo("lifecycle-" + version);
            assertThat(job.getAvatarCharacter()).isEqualTo("lisa");
            assertThat(created.getMessage().getHeader(AzureAvatarConstants.OPERATION_LOCATION, String.class))
                    .startsWith(emu.baseUrl() + "/avatar/operations/");
            assertThat(created.getMessage().getHeader(AzureAvatarConstants.OPERATION_ID, String.class)).isNotBlank();
            assertThat(emu.requests().count("PUT", "/avatar/batchsyntheses/lifecycle-" + version)).isEqualTo(1);
        }

        // get
        Exchange got = call(version, AzureAvatarOperation.get, null, Map.of(AzureAvatarConstants.JOB_ID, id));
        assertThat(got.getMessage().getBody(AvatarSynthesisJob.class).getId()).isEqualTo(id);
        assertThat(got.getMessage().getHeader(AzureAvatarConstants.JOB_FOUND)).isEqualTo(true);

        // the consumer sees it finish
        context.getRouteController().startRoute("watch-" + version);
        emu.advance(Duration.ofSeconds(16));
        await().atMost(Duration.ofSeconds(20)).until(() -> succeeded.contains(id));
        context.getRouteController().stopRoute("watch-" + version);

        // downloadResult to a file, streamed
        Exchange saved = template.request("direct:save-" + version,
                e -> e.getMessage().setHeader(AzureAvatarConstants.JOB_ID, id));
        assertThat(saved.getException()).isNull();
        assertThat(saved.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(id + ".mp4");
        assertThat(saved.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("video/mp4");
        assertThat(saved.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class)).isEqualTo(emu.resultVideo().length);
        assertThat(Files.readAllBytes(videos.resolve(id + ".mp4"))).isEqualTo(emu.resultVideo());

        // downloadSummary, from the job in the body
        Exchange summary = call(version, AzureAvatarOperation.downloadSummary, got.getMessage().getBody(), Map.of());
        JsonNode json = summary.getMessage().getBody(JsonNode.class);
        assertThat(json.path("status").asText()).isEqualTo("Succeeded");
        assertThat(json.path("results").get(0).path("status").asText()).isEqualTo("Succeeded");
        assertThat(summary.getMessage().getBody(Map.class)).as("camel-jackson converts it").containsKey("results");
        assertThat(summary.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(id + "-summary.json");

        // delete, then get finds nothing
        Exchange deleted = call(version, AzureAvatarOperation.delete, null, Map.of(AzureAvatarConstants.JOB_ID, id));
        assertThat(deleted.getMessage().getHeader(AzureAvatarConstants.JOB_FOUND)).isEqualTo(preview ? null : true);
        assertThat(emu.jobStatus(id)).isEmpty();
        Exchange gone = call(version, AzureAvatarOperation.get, null, Map.of(AzureAvatarConstants.JOB_ID, id));
        assertThat(gone.getMessage().getBody()).isNull();
        assertThat(gone.getMessage().getHeader(AzureAvatarConstants.JOB_FOUND)).isEqualTo(false);
        assertThat(gone.getMessage().getHeader(AzureAvatarConstants.JOB_ID)).isEqualTo(id);
        assertThat(gone.getMessage().getHeader(AzureAvatarConstants.STATUS)).isNull();

        // deleting what is gone is no error: delete is idempotent
        Exchange again = call(version, AzureAvatarOperation.delete, null, Map.of(AzureAvatarConstants.JOB_ID, id));
        // 3.1-preview1 answers 204 for a job it does not know: only the 2024 generations can tell
        assertThat(again.getMessage().getHeader(AzureAvatarConstants.JOB_FOUND)).isEqualTo(preview ? null : false);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "2024-04-15-preview", "3.1-preview1" })
    void deletingAnUnfinishedJobFailsWithAzuresErrorAndNoExtraRequest(String version) {
        String id = call(version, AzureAvatarOperation.create, request("Still talking."), Map.of())
                .getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
        emu.advance(Duration.ofSeconds(6));
        assertThat(emu.jobStatus(id)).contains("Running");
        int before = emu.requests().all().size();

        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> call(version, AzureAvatarOperation.delete, null, Map.of(AzureAvatarConstants.JOB_ID, id)));
        AzureAvatarException refusal = (AzureAvatarException) e.getCause();
        assertThat(refusal).hasMessageContaining(id).hasMessageContaining("cannot be deleted while its status is Running");
        assertThat(refusal.getHttpResponseCode()).isEqualTo(400);
        assertThat(emu.requests().all().subList(before, emu.requests().all().size()))
                .as("the DELETE alone: Azure's answer says why").extracting(r -> r.method()).containsExactly("DELETE");
        assertThat(emu.jobStatus(id)).as("still there").contains("Running");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void downloadingBeforeSuccessFailsClearly(String version) {
        String id = call(version, AzureAvatarOperation.create, request("Not yet."), Map.of())
                .getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> call(version, AzureAvatarOperation.downloadResult, null, Map.of(AzureAvatarConstants.JOB_ID, id)));
        assertThat(e.getCause()).isInstanceOf(AzureAvatarJobStateException.class)
                .hasMessageContaining("Cannot downloadResult avatar job " + id + ": it is NotStarted")
                .hasMessageContaining("has no video");
        e = catchThrowableOfType(CamelExecutionException.class,
                () -> call(version, AzureAvatarOperation.downloadSummary, null, Map.of(AzureAvatarConstants.JOB_ID, id)));
        assertThat(e.getCause()).hasMessageContaining("it is NotStarted and has not finished");

        e = catchThrowableOfType(CamelExecutionException.class,
                () -> call(version, AzureAvatarOperation.downloadResult, null, Map.of(AzureAvatarConstants.JOB_ID, "no-such-job")));
        assertThat(e.getCause()).isInstanceOf(io.github.camelazureavatar.avatar.client.AzureAvatarException.class)
                .hasMessageContaining("no-such-job").hasMessageContaining("Azure does not know it");
    }

    @Test
    void aFailedJobHasASummaryButNoVideo() {
        String version = "2024-08-01";
        String id = call(version, AzureAvatarOperation.create, request("This one will [fail]."), Map.of())
                .getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
        emu.advance(Duration.ofSeconds(16));
        assertThat(emu.jobStatus(id)).contains("Failed");

        JsonNode summary = call(version, AzureAvatarOperation.downloadSummary, null, Map.of(AzureAvatarConstants.JOB_ID, id))
                .getMessage().getBody(JsonNode.class);
        assertThat(summary.path("results").get(0).path("status").asText()).isEqualTo("Failed");
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> call(version, AzureAvatarOperation.downloadResult, null, Map.of(AzureAvatarConstants.JOB_ID, id)));
        assertThat(e.getCause()).hasMessageContaining("it is Failed").hasMessageContaining("has no video");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void createTakesAMapOrJsonTextAsWell(String version) throws Exception {
        boolean preview = version.startsWith("3.1");
        String field = preview ? "text" : "content";
        Map<String, Object> map = preview
                ? Map.of("displayName", "from a map", "textType", "PlainText",
                        "synthesisConfig", Map.of("voice", "en-US-AvaMultilingualNeural"),
                        "inputs", List.of(Map.of(field, "Hi")),
                        "properties", Map.of("talkingAvatarCharacter", "lisa", "talkingAvatarStyle", "casual-sitting"))
                : Map.of("inputKind", "PlainText", "synthesisConfig", Map.of("voice", "en-US-AvaMultilingualNeural"),
                        "inputs", List.of(Map.of(field, "Hi")),
                        "avatarConfig", Map.of("talkingAvatarCharacter", "lisa", "talkingAvatarStyle", "casual-sitting"));
        AvatarSynthesisJob fromMap = call(version, AzureAvatarOperation.create, map, Map.of())
                .getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(fromMap.getStatus()).isEqualTo(JobStatus.NotStarted);

        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(map);
        AvatarSynthesisJob fromText = call(version, AzureAvatarOperation.create, json, Map.of())
                .getMessage().getBody(AvatarSynthesisJob.class);
        AvatarSynthesisJob fromStream = call(version, AzureAvatarOperation.create,
                new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Map.of())
                .getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(List.of(fromMap.getId(), fromText.getId(), fromStream.getId())).doesNotHaveDuplicates();
        if (!preview) {
            assertThat(fromText.getId()).as("a generated id").matches(io.github.camelazureavatar.avatar.model.AvatarJobIds.PATTERN);
        }
    }

    @Test
    void theOperationOptionAndTheJobIdOptionWorkWithoutHeaders() {
        String id = call("2024-08-01", AzureAvatarOperation.create, request("Options."), Map.of())
                .getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
        AvatarSynthesisJob job = template.requestBody(azure("2024-08-01") + "&operation=get&jobId=" + id, null,
                AvatarSynthesisJob.class);
        assertThat(job.getId()).isEqualTo(id);
        // a header overrides the option
        Object other = template.requestBodyAndHeader(azure("2024-08-01") + "&operation=get&jobId=" + id, null,
                AzureAvatarConstants.OPERATION, "list");
        assertThat(other).isInstanceOf(List.class);
    }
}
