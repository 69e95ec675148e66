package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.client.AzureAvatarException;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.RecordedRequest;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Downloads where Azure puts the files: the job's own SAS links, which expire and are refreshed by one more get, and
 * the user's destination container, where Azure gives paths that the producer joins to the container's SAS URL.
 */
class AzureAvatarDownloadLinksTest {

    private static final String KEY = "download-links-key-42";

    private AvatarEmulator emu;
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        emu = AvatarEmulator.builder().subscriptionKey(KEY).sasLifetime(Duration.ofMinutes(10)).start();
        camel = new DefaultCamelContext();
        camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // a video is read within its route: the stream closes when the exchange completes
                for (String version : new String[] { "2024-08-01", "3.1-preview1" }) {
                    from("direct:video-" + version).to(uri(version, "downloadResult")).convertBodyTo(byte[].class);
                }
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        EmulatorTestSupport.closeCheckingBlobHost(emu);
    }

    private String uri(String version, String operation) {
        return "azure-avatar:jobs?endpoint=" + emu.baseUrl() + "&subscriptionKey=RAW(" + KEY + ")&apiVersion=" + version
               + "&operation=" + operation;
    }

    private Exchange send(String version, String operation, Object body, Map<String, Object> headers, String containerUrl) {
        return template.send(uri(version, operation), e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            if (containerUrl != null) {
                e.setProperty(AzureAvatarProducer.DESTINATION_CONTAINER_URL, containerUrl);
            }
        });
    }

    private Exchange video(String version, AvatarSynthesisJob job, String containerUrl) {
        return template.send("direct:video-" + version, e -> {
            e.getMessage().setBody(job);
            if (containerUrl != null) {
                e.setProperty(AzureAvatarProducer.DESTINATION_CONTAINER_URL, containerUrl);
            }
        });
    }

    private AvatarSynthesisJob finishedJob(String version, AvatarSynthesisRequest request) {
        Exchange created = send(version, "create", request, Map.of(), null);
        assertThat(created.getException()).isNull();
        String id = created.getMessage().getBody(AvatarSynthesisJob.class).getId();
        emu.advance(Duration.ofSeconds(16));
        return send(version, "get", null, Map.of(AzureAvatarConstants.JOB_ID, id), null).getMessage()
                .getBody(AvatarSynthesisJob.class);
    }

    private static AvatarSynthesisRequest.Builder request(String... texts) {
        return AvatarSynthesisRequest.builder().text(texts).voice("en-US-AvaMultilingualNeural").avatar("lisa", "casual-sitting");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void anExpiredLinkInABodyJobIsRefreshedByOneMoreGet(String version) throws Exception {
        AvatarSynthesisJob job = finishedJob(version, request("Hello").build());
        emu.advance(Duration.ofMinutes(11)); // the links in the body job have expired; the job has not (TTL 744 h)
        int before = emu.requests().all().size();

        Exchange video = video(version, job, null);
        assertThat(video.getException()).isNull();
        assertThat(video.getMessage().getBody(byte[].class)).isEqualTo(emu.resultVideo());
        Exchange summary = send(version, "downloadSummary", job, Map.of(), null);
        assertThat(summary.getException()).isNull();
        assertThat(summary.getMessage().getBody(JsonNode.class).get("status").asText()).isEqualTo("Succeeded");

        // per download: the expired link (403), one get of the job, the fresh link (200)
        assertThat(emu.requests().all().subList(before, emu.requests().all().size()))
                .extracting(RecordedRequest::host, RecordedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("blob", 403), org.assertj.core.groups.Tuple.tuple("api", 200),
                        org.assertj.core.groups.Tuple.tuple("blob", 200), org.assertj.core.groups.Tuple.tuple("blob", 403),
                        org.assertj.core.groups.Tuple.tuple("api", 200), org.assertj.core.groups.Tuple.tuple("blob", 200));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void everyOutputIsReadFromTheDestinationContainerWithItsSas(String version) throws Exception {
        String container = emu.containerUrl("videos");
        AvatarSynthesisRequest.Builder request = request("one", "two").destinationContainerUrl(container);
        if (!version.startsWith("3.1")) {
            request.destinationPath("avatars/2026");
        }
        AvatarSynthesisJob job = finishedJob(version, request.build());
        String folder = (version.startsWith("3.1") ? "" : "avatars/2026/") + job.getId();
        assertThat(job.getResultUrl()).isEqualTo(folder + "/0001.mp4");

        Exchange video = video(version, job, container);
        assertThat(video.getException()).isNull();
        assertThat(video.getMessage().getBody(byte[].class)).isEqualTo(emu.resultVideo());
        assertThat(video.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(job.getId() + ".mp4");
        Exchange summary = send(version, "downloadSummary", null, Map.of(AzureAvatarConstants.JOB_ID, job.getId()), container);
        assertThat(summary.getException()).isNull();
        assertThat(summary.getMessage().getBody(JsonNode.class).get("results")).extracting(r -> r.get("videoFileName").asText())
                .containsExactly(folder + "/0001.mp4", folder + "/0002.mp4");
        assertThat(emu.blobHost().requests()).extracting(RecordedRequest::path)
                .containsExactly("/videos/" + folder + "/0001.mp4", "/videos/" + folder + "/summary.json");
        assertThat(emu.blobHost().requests()).allSatisfy(r -> assertThat(r.query()).contains("sig=xxxxxx").contains("sr=c"));
    }

    @Test
    void theContainerUrlCanBeSetOnceOnTheComponent() throws Exception {
        String container = emu.containerUrl("videos");
        camel.getComponent("azure-avatar", AzureAvatarComponent.class).getConfiguration().setDestinationContainerUrl(container);
        camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video-from-container").to(uri("2024-08-01", "downloadResult") + "&pageSize=99")
                        .convertBodyTo(byte[].class);
            }
        });
        AvatarSynthesisJob job = finishedJob("2024-08-01", request("Hello").destinationContainerUrl(container).build());

        Exchange video = template.send("direct:video-from-container", e -> e.getMessage().setBody(job));

        assertThat(video.getException()).isNull();
        assertThat(video.getMessage().getBody(byte[].class)).isEqualTo(emu.resultVideo());
    }

    @Test
    void withoutTheContainerUrlTheFailureSaysWhatToSet() {
        AvatarSynthesisJob job = finishedJob("2024-08-01", request("Hello").destinationContainerUrl(emu.containerUrl("videos")).build());
        Exchange failed = send("2024-08-01", "downloadResult", job, Map.of(), null);
        assertThat(failed.getException()).isInstanceOf(AzureAvatarJobStateException.class)
                .hasMessageContaining("was written to your destination container at '" + job.getId() + "/0001.mp4'")
                .hasMessageContaining(AzureAvatarProducer.DESTINATION_CONTAINER_URL);
        assertThat(emu.blobHost().requests()).isEmpty();
    }

    @Test
    void aContainerSasThatCannotReadIsNamedAndNotRetried() {
        String writeOnly = emu.containerUrl("drop", "w", Duration.ofDays(1));
        String signature = writeOnly.replaceAll(".*sig=", "");
        AvatarSynthesisJob job = finishedJob("2024-08-01", request("Hello").destinationContainerUrl(writeOnly).build());
        long apiRequests = emu.requests().count("GET", "/avatar/");

        Exchange failed = send("2024-08-01", "downloadResult", job, Map.of(), writeOnly);
        AzureAvatarException e = catchThrowableOfType(AzureAvatarException.class, () -> {
            throw failed.getException();
        });
        assertThat(e.getHttpResponseCode()).isEqualTo(403);
        assertThat(e).hasMessageContaining("The SAS of your destination container cannot read the video of avatar job " + job.getId())
                .hasMessageContaining("AuthorizationPermissionMismatch");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain(signature);
        }
        assertThat(emu.requests().count("GET", "/avatar/")).as("no get to refresh a link Azure did not sign").isEqualTo(apiRequests);

        Exchange unreadableUrl = send("2024-08-01", "downloadResult", job, Map.of(), "https://bad host/c?sig=" + signature);
        assertThat(unreadableUrl.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a URL").hasMessageNotContaining(signature).hasNoCause();
    }
}
