package io.github.camelazureavatar.avatar;

import java.time.Duration;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
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
}
