package io.github.camelazureavatar.avatar;

import java.util.List;

import io.github.camelazureavatar.avatar.emulator.Fault;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.LogCapture;
import ch.qos.logback.classic.Level;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer health check tells what went wrong, in words a person can act on, and never shows the key. */
class AzureAvatarConsumerHealthTest extends EmulatorTestSupport {

    @Test
    void notReadyUntilTheFirstGoodListThenUp() throws Exception {
        recordingRoute("jobs", avatarUri("2024-08-01", ""));

        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.DOWN);
        pollOnce("jobs");
        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @ParameterizedTest
    @ValueSource(ints = { 403, 500, 502, 503 })
    void downWithTheHttpStatusThenUpAfterTheNextGoodPoll(int status) throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", "maxRetries=0"));
        pollOnce("jobs");
        azure.faults().next(1, Fault.status(status));

        pollOnce("jobs");

        HealthCheck.Result down = consumerHealth("jobs");
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, status);
        assertThat(down.getError().orElseThrow().getMessage()).contains("(HTTP " + status + ")").contains(azure.baseUrl());

        pollOnce("jobs");

        assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(received).hasSize(3);
    }

    /** With the key in the URI, Camel core's own TRACE lines would show it (see docs): DEBUG is the bar here. */
    @Test
    void aWrongKeyIsReportedWithoutShowingAnyKey() throws Exception {
        try (LogCapture logs = LogCapture.attachAt(Level.DEBUG)) {
            String wrongKey = "wrong-key-b51e77aa";
            recordingRoute("jobs", avatarUri("2024-08-01", "").replace(KEY, wrongKey));

            pollOnce("jobs");

            HealthCheck.Result health = consumerHealth("jobs");
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
            assertThat(health.getError().orElseThrow().getMessage())
                    .startsWith("Azure rejected the subscription key for " + azure.baseUrl() + " (HTTP 401)")
                    .doesNotContain(wrongKey);
            assertThat(health.getDetails().toString()).doesNotContain(wrongKey).contains("xxxxxx");
            assertThat(logs.lines()).isNotEmpty();
            if (camelLearnsSensitiveKeywords()) {
                assertThat(logs.linesContaining(wrongKey)).isEmpty();
            } else {
                // Camel 4.14 core logs the URI it was given at DEBUG before the component sees it, and its sanitizer
                // cannot learn subscriptionKey: nothing else shows the key (the docs: set it on the component)
                assertThat(logs.linesContaining(wrongKey)).isNotEmpty().allMatch(line ->
                        line.startsWith("org.apache.camel.support.DefaultComponent Creating endpoint uri=")
                        || line.startsWith("org.apache.camel.impl.engine.AbstractCamelContext "));
            }
            assertThat(logs.linesContaining(KEY)).isEmpty();
        }
    }

    /** Camel 4.18 and newer have the setting behind camel.main.additionalSensitiveKeywords. */
    static boolean camelLearnsSensitiveKeywords() {
        try {
            org.apache.camel.ExtendedCamelContext.class.getMethod("setAdditionalSensitiveKeywords", String.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Every line at TRACE of a busy consumer whose route logs each job's headers and body (its JSON) and downloads its
     * video: the key in none, the SAS signatures of the result and summary links masked in each line that shows one.
     */
    @Test
    void theKeyIsInNoLogLineOfABusyConsumerEvenAtTrace() throws Exception {
        azure.seedJobs(230, SeedState.LIFECYCLE);
        try (LogCapture logs = LogCapture.attachAt(Level.TRACE)) {
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from(avatarUriWithComponentKey("2024-08-01", "maxMessagesPerPoll=50")).routeId("jobs")
                            .log("headers ${headers}").log("body ${body}")
                            .filter(header(AzureAvatarConstants.STATUS).isEqualTo("Succeeded"))
                            .to(avatarUriWithComponentKey("2024-08-01", "operation=downloadResult"))
                            .convertBodyTo(byte[].class);
                }
            });
            for (int i = 0; i < 6; i++) {
                pollOnce("jobs");
                azure.advance(java.time.Duration.ofSeconds(4));
            }
            List<String> withLinks = logs.linesContaining("sig=");
            assertThat(logs.linesContaining("body {")).as("bodies logged, as JSON").isNotEmpty()
                    .anySatisfy(line -> assertThat(line).contains("\"outputs\":{\"result\":"));
            assertThat(logs.linesContaining("headers {")).as("headers logged").isNotEmpty();
            assertThat(withLinks).as("lines that show a result or summary link").isNotEmpty()
                    .anySatisfy(line -> assertThat(line).contains("CamelAzureAvatarResultUrl="))
                    .anySatisfy(line -> assertThat(line).contains("GET http://"))
                    .allSatisfy(line -> assertThat(line.replace("sig=xxxxxx", "")).doesNotContain("sig="));
            assertThat(logs.linesContaining(KEY)).isEmpty();
        }
    }
}
