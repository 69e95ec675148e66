package io.github.camelazureavatar.avatar;

import java.time.Duration;

import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer as a YAML DSL user writes it, with the scheduler on. */
class AzureAvatarYamlRouteTest extends EmulatorTestSupport {

    @Test
    void yamlRouteEmitsFinishedJobs() throws Exception {
        azure.seedJobs(4, SeedState.SUCCEEDED);
        azure.seedJobs(2, SeedState.LIFECYCLE);
        String yaml = """
                - route:
                    id: yaml-jobs
                    from:
                      uri: azure-avatar:jobs
                      parameters:
                        endpoint: "%s"
                        subscriptionKey: "RAW(%s)"
                        status: Succeeded,Failed
                        delay: 50
                        initialDelay: 0
                      steps:
                        - setBody:
                            simple: "${header.CamelAzureAvatarJobId} ${header.CamelAzureAvatarStatus}"
                        - to: mock:finished
                """.formatted(azure.baseUrl(), KEY);
        MockEndpoint finished = context.getEndpoint("mock:finished", MockEndpoint.class);
        finished.expectedMessageCount(4);

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("jobs.yaml", yaml));

        finished.assertIsSatisfied(20_000);
        assertThat(finished.getReceivedExchanges())
                .allSatisfy(e -> assertThat(e.getMessage().getBody(String.class)).endsWith(" Succeeded"));

        finished.reset();
        finished.expectedMessageCount(2);
        azure.advance(Duration.ofMinutes(1));
        finished.assertIsSatisfied(20_000);
    }
}
