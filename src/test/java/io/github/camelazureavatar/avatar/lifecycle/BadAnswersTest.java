package io.github.camelazureavatar.avatar.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers Azure should never send lose nothing else, and reach no header, file name, URL or log line raw. */
class BadAnswersTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";
    private static final List<String> HOSTILE_IDS = List.of("..", "../../etc/passwd", "forged\r\nINFO all is well",
            "a/b", "has space", "x");

    @Test
    void listedJobsWithHostileIdsAreSkippedAloneWithAnEscapedWarning() throws Exception {
        List<String> good = azure.seedJobs(3, SeedState.SUCCEEDED);
        HOSTILE_IDS.forEach(id -> azure.createJob(id, "hostile", false));
        azure.advance(Duration.ofSeconds(20));
        List<Map<String, Object>> headers = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "")).routeId("jobs").process(e -> headers.add(e.getMessage().getHeaders()));
            }
        });

        try (LogCapture logs = LogCapture.attach()) {
            pollOnce("jobs");

            assertThat(headers).extracting(h -> h.get(AzureAvatarConstants.JOB_ID)).containsExactlyInAnyOrderElementsOf(good);
            assertThat(logs.linesContaining("breaks Azure's id pattern")).singleElement().asString()
                    .contains("Left out " + HOSTILE_IDS.size() + " unreadable jobs")
                    .doesNotContain("\r").doesNotContain("\n");
            List<String> warned = logs.linesContaining("breaks Azure's id pattern");
            assertThat(logs.lines()).noneMatch(line -> line.contains("\n") || line.contains("\r"));
            assertThat(warned.get(0)).contains("'..'").contains("\\u000d\\u000a");
        }
        assertThat(azure.requests().all()).allSatisfy(r -> assertThat(r.path()).doesNotContain(".."));
    }

    @Test
    void theProducerRefusesAJobInTheBodyWhoseIdIsHostile() {
        AvatarSynthesisJob forged = AvatarSynthesisJob.builder().id("../../etc/cron.d/x").status(JobStatus.Succeeded)
                .resultUrl(azure.blobBaseUrl() + "/forged.mp4?sig=abc").json(JsonNodeFactory.instance.objectNode())
                .build();

        Exchange exchange = context.createProducerTemplate().request(avatarUri(API, "operation=downloadResult"),
                e -> e.getMessage().setBody(forged));

        assertThat(exchange.getException()).hasMessageContaining("breaks Azure's id pattern");
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_NAME)).isNull();
        assertThat(azure.requests().all()).isEmpty();
    }
}
