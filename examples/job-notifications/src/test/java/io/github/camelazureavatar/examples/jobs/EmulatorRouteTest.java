package io.github.camelazureavatar.examples.jobs;

import java.time.Duration;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The README's "test your own routes" example, kept compiling and passing here. */
class EmulatorRouteTest {

    @Test
    void tellsWhenAJobFails() throws Exception {
        try (AvatarEmulator azure = AvatarEmulator.builder().subscriptionKey("test-key").start();
             CamelContext camel = new DefaultCamelContext()) {
            String jobId = azure.createJob("job-1", "a job that will fail", true);
            camel.addRoutes(new RouteBuilder() {
                public void configure() {
                    from("azure-avatar:jobs?endpoint=" + azure.baseUrl() + "&subscriptionKey=test-key&status=Failed&delay=100")
                            .to("mock:failed");
                }
            });
            camel.start();
            azure.advance(Duration.ofMinutes(1)); // the emulator's clock: NotStarted, Running, then Failed
            MockEndpoint failed = camel.getEndpoint("mock:failed", MockEndpoint.class);
            failed.expectedHeaderReceived("CamelAzureAvatarJobId", jobId);
            failed.assertIsSatisfied();
        }
    }
}
