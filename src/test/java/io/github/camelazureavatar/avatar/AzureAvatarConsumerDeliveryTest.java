package io.github.camelazureavatar.avatar;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Committed only after the route succeeded; nothing lost, nothing twice. */
class AzureAvatarConsumerDeliveryTest extends EmulatorTestSupport {

    @TempDir
    Path dir;

    @Test
    void aFailedRouteGetsTheJobAgainAndOnceItSucceedsNeverAgain() throws Exception {
        String id = azure.createJob("flaky-route-job", "x", false);
        azure.advance(Duration.ofSeconds(20));
        AtomicBoolean failing = new AtomicBoolean(true);
        List<String> attempts = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri("2024-08-01", "status=Succeeded")).routeId("jobs")
                        .process(e -> {
                            attempts.add(key(e));
                            if (failing.get()) {
                                throw new IllegalStateException("downstream is down");
                            }
                        });
            }
        });

        pollOnce("jobs");
        pollOnce("jobs");
        failing.set(false);
        pollOnce("jobs");
        pollOnce("jobs");
        pollOnce("jobs");

        assertThat(attempts).containsExactly(id + ":Succeeded", id + ":Succeeded", id + ":Succeeded");
    }

    @Test
    void skipExistingEmitsOnlyWhatChangesAfterTheStart() throws Exception {
        azure.seedJobs(5, SeedState.SUCCEEDED);
        azure.seedJobs(2, SeedState.RUNNING);
        List<String> received = recordingRoute("jobs", avatarUri("2024-08-01", "skipExisting=true"));

        pollOnce("jobs");
        assertThat(received).isEmpty();

        String fresh = azure.createJob("fresh-job", "after start", false);
        pollOnce("jobs");

        assertThat(received).containsExactly(fresh + ":NotStarted");
    }

    @Test
    void aFileRepositoryKeepsDeliveriesAcrossARestart() throws Exception {
        azure.seedJobs(120, SeedState.SUCCEEDED);
        File store = dir.resolve("delivered.dat").toFile();

        List<String> first = runOnePollInANewContext(store);
        azure.createJob("after-restart", "x", false);
        List<String> second = runOnePollInANewContext(store);

        assertThat(first).hasSize(120);
        assertThat(second).containsExactly("after-restart:NotStarted");
    }

    @Test
    void skipExistingDoesNotSwallowWhatFinishedWhileTheRouteWasDown() throws Exception {
        azure.seedJobs(5, SeedState.SUCCEEDED);
        File store = dir.resolve("skip.dat").toFile();
        String running = azure.createJob("running-at-first-start", "x", false);
        azure.advance(Duration.ofSeconds(6));

        List<String> firstStart = runOnePollInANewContext(store, "skipExisting=true");
        azure.advance(Duration.ofSeconds(20));
        String meanwhile = azure.createJob("created-while-down", "x", false);
        List<String> restart = runOnePollInANewContext(store, "skipExisting=true");

        assertThat(firstStart).isEmpty();
        assertThat(restart).containsExactlyInAnyOrder(running + ":Succeeded", meanwhile + ":NotStarted");
    }

    @Test
    void skipExistingSkipsOnceEvenWhenEveryJobItKnewHasLeftTheList() throws Exception {
        List<String> old = azure.seedJobs(3, SeedState.SUCCEEDED);
        File store = dir.resolve("skip-once.dat").toFile();

        List<String> firstStart = runOnePollInANewContext(store, "skipExisting=true");
        old.forEach(azure::deleteJob);
        String meanwhile = azure.createJob("created-while-down", "x", false);
        List<String> restart = runOnePollInANewContext(store, "skipExisting=true");

        assertThat(firstStart).isEmpty();
        assertThat(restart).as("the repository knows no listed job, but it holds the mark of the first skip")
                .containsExactly(meanwhile + ":NotStarted");
    }

    private List<String> runOnePollInANewContext(File store) throws Exception {
        return runOnePollInANewContext(store, "");
    }

    private List<String> runOnePollInANewContext(File store, String options) throws Exception {
        List<String> received = new ArrayList<>();
        try (CamelContext restarted = new DefaultCamelContext()) {
            restarted.getRegistry().bind("delivered", FileIdempotentRepository.fileIdempotentRepository(store, 10_000));
            restarted.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(avatarUri("2024-08-01", "idempotentRepository=#delivered" + (options.isEmpty() ? "" : "&" + options)))
                            .routeId("jobs")
                            .process(e -> received.add(key(e)));
                }
            });
            restarted.start();
            ((ScheduledPollConsumer) restarted.getRoute("jobs").getConsumer()).run();
        }
        return received;
    }
}
