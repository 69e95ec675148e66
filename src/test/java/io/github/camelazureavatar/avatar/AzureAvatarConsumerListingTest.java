package io.github.camelazureavatar.avatar;

import java.util.List;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.LogCapture;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A list that moves, points elsewhere or loops loses nothing, repeats nothing and leaks nothing. */
class AzureAvatarConsumerListingTest extends EmulatorTestSupport {

    @Test
    void jobsCreatedWhileTheListIsPagedAreNeitherLostNorRepeated() throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
        azure.faults().betweenListPages(() -> {
            for (int i = 0; i < 7; i++) {
                azure.createJob("inserted-" + i, "created while paging", false);
            }
        });

        pollOnce("jobs");
        assertThat(received).doesNotHaveDuplicates();
        pollOnce("jobs");

        assertThat(received).hasSize(257).doesNotHaveDuplicates();
    }

    /** Incremental polling must not stop above the page of a job it could not read, or the job would wait. */
    @Test
    void aJobThatCannotBeReadIsLeftOutWithAWarningAndEmittedOnceItReadsWell() throws Exception {
        List<String> ids = azure.seedJobs(250, SeedState.SUCCEEDED);
        String odd = ids.get(100); // on the second page: the list is newest first
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
        azure.faults().unreadableInLists(odd, 2);

        try (LogCapture logs = LogCapture.attach()) {
            pollOnce("jobs");
            assertThat(received).hasSize(249).doesNotContain(odd + ":Succeeded");
            assertThat(logs.linesContaining("Left out 1 unreadable jobs")).singleElement().asString()
                    .contains(odd).contains("the day before yesterday").doesNotContain(KEY);
        }
        pollOnce("jobs");
        assertThat(received).as("still unreadable").hasSize(249);
        pollOnce("jobs");

        assertThat(received).hasSize(250).doesNotHaveDuplicates().contains(odd + ":Succeeded");
    }

    @Test
    void jobsDeletedWhileTheListIsPagedLoseNothing() throws Exception {
        List<String> ids = azure.seedJobs(250, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri("3.1-preview1", ""));
        // the newest five are on the first page: deleting them after it was served shifts every later page up
        azure.faults().betweenListPages(() -> ids.subList(245, 250).forEach(azure::deleteJob));

        pollOnce("jobs");
        pollOnce("jobs");

        assertThat(received).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowedAndTheKeyStaysHome() throws Exception {
        try (AvatarEmulator elsewhere = AvatarEmulator.builder().subscriptionKey("other").start()) {
            azure.seedJobs(150, SeedState.SUCCEEDED);
            List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
            azure.faults().foreignNextLink(elsewhere.baseUrl());

            pollOnce("jobs");

            assertThat(received).as("the first page is still delivered").hasSize(100);
            assertThat(elsewhere.requests().all()).isEmpty();
            HealthCheck.Result health = consumerHealth("jobs");
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getError().orElseThrow().getMessage())
                    .contains("linked page 2 to another host").contains(elsewhere.baseUrl()).doesNotContain(KEY);

            pollOnce("jobs");

            assertThat(received).hasSize(150).doesNotHaveDuplicates();
            assertThat(consumerHealth("jobs").getState()).isEqualTo(HealthCheck.State.UP);
        }
    }

    @Test
    void aNextLinkCycleEnds() throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", ""));
        azure.faults().nextLinkCycle();
        azure.requests().clear();

        pollOnce("jobs");

        assertThat(azure.requests().all()).as("the link back to page 1 is not requested").hasSize(1);
        assertThat(received).hasSize(100);
        assertThat(consumer("jobs").getErrorCounter()).isZero();
        pollOnce("jobs");
        assertThat(received).hasSize(250).doesNotHaveDuplicates();
    }
}
