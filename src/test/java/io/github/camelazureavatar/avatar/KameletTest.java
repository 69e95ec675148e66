package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.support.CloudEventReceiver;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kamelets in the jar under kamelets/, found on the classpath by camel-kamelet: text in, job out, its events. */
class KameletTest {

    private static final String KEY = "kamelet-key-5e1f";

    @Test
    void theSinkCreatesAJobFromTextAndTheSourceAnnouncesItsSuccess() throws Exception {
        try (AvatarEmulator azure = AvatarEmulator.builder().subscriptionKey(KEY).start();
             CamelContext camel = new DefaultCamelContext()) {
            String connection = "endpoint=" + azure.baseUrl() + "&subscriptionKey=RAW(" + KEY + ")";
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:speak").to("kamelet:azure-avatar-job-sink?" + connection
                                             + "&avatarCharacter=lisa&avatarStyle=casual-sitting").to("mock:created");
                    from("kamelet:azure-avatar-job-source?" + connection + "&status=Succeeded&delay=100")
                            .to("mock:succeeded");
                }
            });
            camel.start();
            MockEndpoint created = camel.getEndpoint("mock:created", MockEndpoint.class);
            MockEndpoint succeeded = camel.getEndpoint("mock:succeeded", MockEndpoint.class);
            created.expectedMessageCount(1);

            camel.createProducerTemplate().sendBody("direct:speak", "Hello from a \"Kamelet\".");
            created.assertIsSatisfied();
            Exchange job = created.getExchanges().get(0);
            String jobId = job.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
            assertThat(job.getMessage().getBody(String.class)).contains("\"id\":\"" + jobId + "\"");
            assertThat(azure.jobInputs(jobId)).contains(java.util.List.of("Hello from a \"Kamelet\"."));

            succeeded.expectedHeaderReceived(AzureAvatarConstants.JOB_ID, jobId);
            azure.advance(Duration.ofMinutes(1));
            succeeded.assertIsSatisfied(20_000);
            assertThat(succeeded.getExchanges().get(0).getMessage().getBody()).isInstanceOf(String.class);
        }
    }

    /**
     * The source Kamelet with its cloudevents output type set, as a Pipe (Camel K, Camel JBang and the YAML DSL read
     * it the same way): each event posted in CloudEvents HTTP binary mode, every attribute checked where it arrives.
     */
    @Test
    void aPipeWithTheCloudEventsOutputTypePostsEachJobEventAsACloudEvent() throws Exception {
        try (AvatarEmulator azure = AvatarEmulator.builder().subscriptionKey(KEY).start();
             CloudEventReceiver receiver = new CloudEventReceiver();
             CamelContext camel = new DefaultCamelContext()) {
            String jobId = azure.createJob("kamelet-event-1", "to an event mesh", false);
            String pipe = """
                    apiVersion: camel.apache.org/v1
                    kind: Pipe
                    metadata:
                      name: avatar-job-events
                    spec:
                      source:
                        ref:
                          kind: Kamelet
                          apiVersion: camel.apache.org/v1
                          name: azure-avatar-job-source
                        properties:
                          status: Succeeded
                          delay: 100
                        dataTypes:
                          out:
                            scheme: azure-avatar
                            format: application-cloudevents
                      sink:
                        uri: "%s"
                        dataTypes:
                          in:
                            scheme: http
                            format: application-cloudevents
                    """.formatted(receiver.url());
            // as Camel K hands a Kamelet its secrets: properties, not the Pipe (which would also encode the URL twice)
            Properties kamelet = new Properties();
            kamelet.setProperty("camel.kamelet.azure-avatar-job-source.endpoint", azure.baseUrl());
            kamelet.setProperty("camel.kamelet.azure-avatar-job-source.subscriptionKey", KEY);
            camel.getPropertiesComponent().setInitialProperties(kamelet);
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("avatar-job-events.yaml", pipe));
            camel.start();

            azure.advance(Duration.ofMinutes(1));
            CloudEventReceiver.Received event = receiver.next(Duration.ofSeconds(20));

            System.out.println("CloudEvent as received from the Pipe: " + event.headers() + " " + event.body());
            JsonNode data = new ObjectMapper().readTree(event.body());
            Instant created = Instant.parse(data.path("createdDateTime").asText());
            assertThat(event.header("ce-specversion")).isEqualTo("1.0");
            assertThat(event.header("ce-id")).isEqualTo(jobId + "/Succeeded/" + created);
            assertThat(event.header("ce-type")).isEqualTo("io.github.camelazureavatar.job.succeeded");
            assertThat(event.header("ce-source")).isEqualTo(azure.baseUrl().replaceAll("^(https?://[^/]+).*$", "$1"));
            assertThat(event.header("ce-subject")).isEqualTo(jobId);
            // the 2024 generation writes lastActionDateTime without its zone, which is UTC
            assertThat(Instant.parse(event.header("ce-time")))
                    .isEqualTo(Instant.parse(data.path("lastActionDateTime").asText().replaceAll("(\\d)$", "$1Z")));
            assertThat(event.header("content-type")).startsWith("application/json");
            assertThat(data.path("id").asText()).isEqualTo(jobId);
            assertThat(data.path("status").asText()).isEqualTo("Succeeded");
            assertThat(data.path("outputs").path("result").asText()).contains("sig=xxxxxx");
            assertThat(event.body()).doesNotContainPattern("sig=(?!xxxxxx)");
            assertThat(event.headers().values()).noneMatch(value -> value.contains(KEY));
        }
    }
}
