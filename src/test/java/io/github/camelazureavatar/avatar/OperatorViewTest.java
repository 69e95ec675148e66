package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelazureavatar.avatar.emulator.Fault;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of a resource: the azure-avatar dev console (text and JSON) and Micrometer's meters, both from
 * the same counters, checked against what the emulator received.
 */
class OperatorViewTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";
    private static final String JOB = "voice=en-US-AvaMultilingualNeural&avatarCharacter=lisa&avatarStyle=casual-sitting";

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("meters", meters);
        return camel;
    }

    private DevConsole console() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("azure-avatar");
        assertThat(console).as("found by id through the generated service file").isNotNull();
        return console;
    }

    @Test
    void theConsoleShowsRequestsByKindThrottlingTheBudgetAndWaitingExchanges() throws Exception {
        context.getComponent("azure-avatar", AzureAvatarComponent.class).setRequestsPerMinute(6000);
        azure.seedJobs(150, SeedState.SUCCEEDED);
        List<String> events = recordingRoute("events", avatarUri(API, "status=Succeeded"));
        azure.faults().next(1, Fault.tooManyRequests(Duration.ofMillis(10)));
        pollOnce("events");
        assertThat(events).hasSize(150);
        CompletableFuture<Exchange> wait = context.createProducerTemplate().asyncSend(
                avatarUri(API, "operation=createAndWait&waitDelay=1h&" + JOB), e -> e.getMessage().setBody("Hi"));
        await().until(() -> azure.jobCount() == 151);

        String text = (String) console().call(DevConsole.MediaType.TEXT, Map.of());
        Map<?, ?> json = (Map<?, ?>) console().call(DevConsole.MediaType.JSON, Map.of());

        // 1 throttled + 2 pages of the walk, 1 create, as the emulator saw them
        assertThat(azure.requests().all()).hasSize(4);
        assertThat(text).contains("Azure resource: " + azure.baseUrl())
                .contains("Requests: 4 (list 3, get 0, create 1, delete 0, download 0); answers 429: 1; retries: 1")
                .contains("Rate budget: 6000 requests a minute").contains("blocked until: -")
                .contains("Exchanges waiting (createAndWait): 1")
                .contains("Consumer of route events: 0 jobs unsettled, active, last poll ");
        Map<?, ?> resource = (Map<?, ?>) ((List<?>) json.get("resources")).get(0);
        Map<?, ?> requests = (Map<?, ?>) resource.get("requests");
        assertThat(requests.get("list")).isEqualTo(3L);
        assertThat(requests.get("create")).isEqualTo(1L);
        assertThat(resource.get("waitingExchanges")).isEqualTo(1);
        assertThat(resource.get("throttled")).isEqualTo(1L);
        assertThat(resource.get("retries")).isEqualTo(1L);

        azure.advance(Duration.ofSeconds(20));
        pollOnce("events");
        assertThat(wait.get().getException()).isNull();
        assertThat((String) console().call(DevConsole.MediaType.TEXT, Map.of()))
                .contains("Exchanges waiting (createAndWait): 0").contains("0 jobs unsettled");

        context.getRouteController().stopRoute("events");
        assertThat((String) console().call(DevConsole.MediaType.TEXT, Map.of()))
                .as("a stopped route's consumer is not shown").doesNotContain("Consumer of route events");
    }

    @Test
    void micrometerMetersCountWhatTheEmulatorReceived() throws Exception {
        azure.seedJobs(20, SeedState.SUCCEEDED);
        recordingRoute("events", avatarUri(API, ""));
        azure.faults().next(1, Fault.status(503));
        pollOnce("events");
        context.createProducerTemplate().request(avatarUri(API, "operation=create&" + JOB), e -> e.getMessage().setBody("Hi"));

        // 503, then the page again, then the create
        assertThat(azure.requests().all()).hasSize(3);
        assertThat(meters.get("azure.avatar.requests").tag("kind", "list").functionCounter().count()).isEqualTo(2.0);
        assertThat(meters.get("azure.avatar.requests").tag("kind", "create").functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("azure.avatar.retries").functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("azure.avatar.throttled").functionCounter().count()).isZero();
        assertThat(meters.get("azure.avatar.waiting").gauge().value()).isZero();
        assertThat((String) console().call(DevConsole.MediaType.TEXT, Map.of()))
                .contains("Requests: 3 (list 2, get 0, create 1, delete 0, download 0); answers 429: 0; retries: 1");
    }
}
