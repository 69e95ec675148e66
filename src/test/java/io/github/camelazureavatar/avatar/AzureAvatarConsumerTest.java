package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging, filtering and one exchange per (job, status), in every API generation. */
class AzureAvatarConsumerTest extends EmulatorTestSupport {

    /** One batch per page, as listed. */
    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "2024-04-15-preview", "3.1-preview1" })
    void everyJobOnceInThreeListRequestsAndAQuietPollOnlyLists(String apiVersion) throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        List<Exchange> received = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(apiVersion, "")).routeId("jobs").process(received::add);
            }
        });
        azure.requests().clear();

        pollOnce("jobs");

        assertThat(received).hasSize(250);
        assertThat(received).extracting(e -> e.getMessage().getHeader(AzureAvatarConstants.JOB_ID)).doesNotHaveDuplicates();
        assertThat(azure.requests().count("GET", listPath(apiVersion))).isEqualTo(3);
        assertThat(azure.requests().all()).hasSize(3);
        assertThat(received).filteredOn(e -> e.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class))
                .extracting(e -> e.getProperty(ExchangePropertyKey.BATCH_SIZE)).containsExactly(100, 100, 50);
        Exchange last = received.get(249);
        assertThat(last.getProperty(ExchangePropertyKey.BATCH_INDEX)).isEqualTo(49);
        AvatarSynthesisJob job = last.getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(last.getMessage().getHeader(AzureAvatarConstants.STATUS)).isEqualTo("Succeeded");
        assertThat(job.getResultUrl()).contains("sig=").doesNotContain("sig=xxxxxx");
        assertThat(last.getMessage().getHeader(AzureAvatarConstants.RESULT_URL, String.class))
                .as("no SAS signature in a header").contains("sig=xxxxxx")
                .isEqualTo(job.getResultUrl().replaceAll("sig=[^&]*", "sig=xxxxxx"));
        assertThat(last.getMessage().getHeader(AzureAvatarConstants.LAST_ACTION_DATE_TIME))
                .isEqualTo(job.getLastActionDateTime());
        assertThat(last.getMessage().getBody(String.class)).contains("\"id\":\"" + job.getId() + "\"");

        pollOnce("jobs");

        assertThat(received).as("nothing changed").hasSize(250);
        assertThat(azure.requests().all()).as("a quiet poll only lists, and (incremental) only its first page").hasSize(4)
                .allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void statusFilter(String apiVersion) throws Exception {
        azure.seedJobs(10, SeedState.SUCCEEDED);
        azure.seedJobs(5, SeedState.FAILED);
        azure.seedJobs(7, SeedState.RUNNING);
        azure.seedJobs(3, SeedState.NOT_STARTED);
        List<String> finished = recordingRoute("finished", avatarUri(apiVersion, "status=Succeeded,Failed"));
        List<String> running = recordingRoute("running", avatarUri(apiVersion, "status=running"));

        pollOnce("finished");
        pollOnce("running");

        assertThat(finished).hasSize(15).allMatch(k -> k.endsWith(":Succeeded") || k.endsWith(":Failed"));
        assertThat(running).hasSize(7).allMatch(k -> k.endsWith(":Running"));
    }

    @ParameterizedTest
    @CsvSource({ "2024-08-01,''", "3.1-preview1,''", "2024-08-01,maxMessagesPerPoll=1" })
    void aJobThroughItsLifecycleGivesThreeEventsOrOneWhenFiltered(String apiVersion, String options) throws Exception {
        String id = azure.createJob("lifecycle-job", "walks through every status", false);
        List<Exchange> all = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(apiVersion, options)).routeId("all").process(all::add);
            }
        });
        List<String> finished = recordingRoute("finished", avatarUri(apiVersion, "status=Succeeded,Failed"));

        pollBoth();
        azure.advance(Duration.ofSeconds(6));
        pollBoth();
        azure.advance(Duration.ofSeconds(10));
        pollBoth();
        pollBoth();

        assertThat(all).extracting(EmulatorTestSupport::key)
                .containsExactly(id + ":NotStarted", id + ":Running", id + ":Succeeded");
        assertThat(all).extracting(e -> e.getMessage().getHeader(AzureAvatarConstants.PREVIOUS_STATUS))
                .containsExactly(null, "NotStarted", "Running");
        assertThat(all).allSatisfy(event -> {
            AvatarSynthesisJob job = event.getMessage().getBody(AvatarSynthesisJob.class);
            assertThat(event.getMessage().getHeaders()).containsEntry(AzureAvatarConstants.JOB_ID, id)
                    .containsEntry(AzureAvatarConstants.STATUS, job.getStatus().name())
                    .containsEntry(AzureAvatarConstants.CREATED_DATE_TIME, job.getCreatedDateTime())
                    .containsEntry(AzureAvatarConstants.LAST_ACTION_DATE_TIME, job.getLastActionDateTime())
                    .containsEntry(Exchange.MESSAGE_TIMESTAMP, job.getLastActionDateTime().toEpochMilli());
            assertThat(event.getMessage().getHeader(AzureAvatarConstants.DISPLAY_NAME)).isEqualTo(job.getDisplayName());
            assertThat(event.getMessage().getHeader(AzureAvatarConstants.RESULT_URL)).isEqualTo(job.getMaskedResultUrl());
        });
        assertThat(finished).containsExactly(id + ":Succeeded");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void failedJobsCarryAzuresError(String apiVersion) throws Exception {
        String id = azure.createJob("failing-job", "input with [fail]", true);
        azure.advance(Duration.ofSeconds(20));
        List<Exchange> received = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(apiVersion, "status=Failed")).routeId("failed").process(received::add);
            }
        });

        pollOnce("failed");

        assertThat(received).hasSize(1);
        AvatarSynthesisJob job = received.get(0).getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(job.getId()).isEqualTo(id);
        assertThat(job.getError()).isNotNull();
        assertThat(job.getError().message()).isNotBlank();
    }

    private void pollBoth() {
        pollOnce("all");
        pollOnce("finished");
    }
}
