package io.github.camelazureavatar.avatar;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.support.CloudEventReceiver;
import io.github.camelazureavatar.avatar.support.CloudEventReceiver.Received;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.TransformerKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * azure-avatar:application-cloudevents on the consumer's events, posted in camel-cloudevents' HTTP binary mode
 * (http:application-cloudevents, ce-* headers) to an HTTP server that checks every attribute.
 */
class AvatarJobCloudEventTransformerTest extends EmulatorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AvatarSynthesisJob> emitted = new CopyOnWriteArrayList<>();

    /** Adds the route consumer -> CloudEvent -> HTTP binary mode -> the receiver, recording the jobs emitted. */
    private void cloudEventRoute(String uri, CloudEventReceiver receiver) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events")
                        .process(e -> emitted.add(e.getMessage().getBody(AvatarSynthesisJob.class)))
                        .process(dataType("azure-avatar:application-cloudevents"))
                        .process(dataType("http:application-cloudevents"))
                        .to(receiver.url());
            }
        });
    }

    /**
     * What the transform EIP with a data type does, found the same way (Camel's transformer registry, which reads
     * META-INF/services/org/apache/camel/transformer): the Java DSL spells that EIP transform(DataType) on Camel 4.14 and
     * transformDataType(DataType) on 4.18, so no one spelling compiles on every line this is tested on. KameletTest
     * applies it through a Pipe's dataTypes, the same on every line.
     */
    private static Processor dataType(String name) {
        DataType to = new DataType(name);
        return exchange -> exchange.getContext().getTransformerRegistry()
                .resolveTransformer(new TransformerKey(DataType.ANY, to)).transform(exchange.getMessage(), DataType.ANY, to);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void aSucceededJobArrivesAsACloudEventWithEveryAttribute(String apiVersion) throws Exception {
        azure.seedJobs(1, SeedState.SUCCEEDED);
        try (CloudEventReceiver receiver = new CloudEventReceiver()) {
            cloudEventRoute(avatarUri(apiVersion, "status=Succeeded"), receiver);

            pollOnce("events");

            Received event = receiver.next(WAIT);
            System.out.println("CloudEvent as received (" + apiVersion + "): " + event.headers() + " " + event.body());
            AvatarSynthesisJob job = emitted.get(0);
            assertEvent(event, job, "succeeded");
            assertThat(job.getResultUrl()).contains("sig=");
            assertThat(event.body()).as("data masks the SAS signatures").contains(job.getMaskedResultUrl())
                    .doesNotContain(signature(job.getResultUrl())).doesNotContain(signature(job.getSummaryUrl()));
            assertThat(event.headers().values()).as("no key, no signature in any header").noneMatch(
                    v -> v.contains(KEY) || v.contains(signature(job.getResultUrl())));
            assertThat(event.headers()).as("camel-http keeps Camel's own headers").noneSatisfy(
                    (name, value) -> assertThat(name).startsWithIgnoringCase("camel"));
        }
    }

    @Test
    void eachStatusOfAJobIsItsOwnEventWithItsOwnTypeAndId() throws Exception {
        String jobId = azure.createJob("cloud-events-1", "three statuses", false);
        try (CloudEventReceiver receiver = new CloudEventReceiver()) {
            cloudEventRoute(avatarUri("2024-08-01", ""), receiver);

            pollOnce("events");
            Received notStarted = receiver.next(WAIT);
            azure.advance(Duration.ofSeconds(6));
            pollOnce("events");
            Received running = receiver.next(WAIT);
            azure.advance(Duration.ofSeconds(11));
            pollOnce("events");
            Received succeeded = receiver.next(WAIT);
            pollOnce("events");

            assertThat(receiver.pending()).as("nothing announced twice").isZero();
            assertThat(emitted).extracting(AvatarSynthesisJob::getId).containsOnly(jobId);
            assertEvent(notStarted, emitted.get(0), "notstarted");
            assertEvent(running, emitted.get(1), "running");
            assertEvent(succeeded, emitted.get(2), "succeeded");
            assertThat(List.of(notStarted.header("ce-id"), running.header("ce-id"), succeeded.header("ce-id")))
                    .doesNotHaveDuplicates();
            assertThat(List.of(notStarted.header("ce-time"), running.header("ce-time"), succeeded.header("ce-time")))
                    .as("the time each status was entered").doesNotHaveDuplicates();
        }
    }

    /** Structured mode (application-cloudevents+json), as docs/event-mesh.md sends it to Kafka: one JSON document. */
    @Test
    void inStructuredModeTheJobIsTheDataOfOneJsonDocument() throws Exception {
        azure.seedJobs(1, SeedState.FAILED);
        try (CloudEventReceiver receiver = new CloudEventReceiver()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(avatarUri("2024-08-01", "")).routeId("events")
                            .process(e -> emitted.add(e.getMessage().getBody(AvatarSynthesisJob.class)))
                            .process(dataType("azure-avatar:application-cloudevents"))
                            .process(dataType("application-cloudevents+json"))
                            .to(receiver.url());
                }
            });

            pollOnce("events");

            Received event = receiver.next(WAIT);
            AvatarSynthesisJob job = emitted.get(0);
            assertThat(event.header("content-type")).startsWith("application/cloudevents+json");
            JsonNode envelope = JSON.readTree(event.body());
            assertThat(envelope.path("specversion").asText()).isEqualTo("1.0");
            assertThat(envelope.path("id").asText()).isEqualTo(job.getId() + "/Failed/" + job.getCreatedDateTime());
            assertThat(envelope.path("type").asText()).isEqualTo("io.github.camelazureavatar.job.failed");
            assertThat(envelope.path("source").asText()).isEqualTo(origin(azure.baseUrl()));
            assertThat(envelope.path("subject").asText()).isEqualTo(job.getId());
            assertThat(Instant.parse(envelope.path("time").asText())).isEqualTo(job.getLastActionDateTime());
            assertThat(envelope.path("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(envelope.path("data")).isEqualTo(JSON.readTree(job.toJson()));
            assertThat(envelope.at("/data/properties/error/code").asText()).as("Azure's reason for the failure")
                    .isNotEmpty();
        }
    }

    @Test
    void aMessageThatIsNoJobEventIsRefused() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").process(dataType("azure-avatar:application-cloudevents"));
            }
        });

        assertThatThrownBy(() -> context.createProducerTemplate().sendBody("direct:text", "not a job"))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AzureAvatarConstants.JOB_ID);
    }

    /** Every attribute of the event as camel-cloudevents' HTTP binary mode carries it. */
    private void assertEvent(Received event, AvatarSynthesisJob job, String status) throws Exception {
        assertThat(event.header("ce-specversion")).isEqualTo("1.0");
        assertThat(event.header("ce-id")).isEqualTo(job.getId() + "/" + job.getStatus() + "/" + job.getCreatedDateTime());
        assertThat(event.header("ce-type")).isEqualTo("io.github.camelazureavatar.job." + status);
        assertThat(event.header("ce-source")).isEqualTo(origin(azure.baseUrl()));
        assertThat(event.header("ce-subject")).isEqualTo(job.getId());
        assertThat(Instant.parse(event.header("ce-time"))).isEqualTo(job.getLastActionDateTime());
        assertThat(event.header("content-type")).startsWith("application/json");
        JsonNode data = JSON.readTree(event.body());
        assertThat(data.path("id").asText()).isEqualTo(job.getId());
        assertThat(data.path("status").asText()).isEqualToIgnoringCase(status);
        assertThat(event.body()).as("the job as Azure sent it").isEqualTo(job.toJson());
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    /** The value of sig= in a SAS URL. */
    private static String signature(String url) {
        String sig = url.substring(url.indexOf("sig=") + 4);
        return sig.contains("&") ? sig.substring(0, sig.indexOf('&')) : sig;
    }
}
