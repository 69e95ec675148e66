package io.github.camelazureavatar.avatar.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelazureavatar.avatar.AzureAvatarComponent;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.LogCapture;
import ch.qos.logback.classic.Level;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a route's life does to delivery: stop and start, suspend, routes sharing a repository or a resource, a job
 * re-created under its id, and the exchanges Camel's polling consumer options make.
 */
class RouteLifecycleTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";

    @Test
    void aRouteStopAndStartRepeatsNothing() throws Exception {
        azure.seedJobs(30, SeedState.SUCCEEDED);
        List<String> received = recordingRoute("jobs", avatarUri(API, ""));
        pollOnce("jobs");

        context.getRouteController().stopRoute("jobs");
        context.getRouteController().startRoute("jobs");
        azure.createJob("after-restart", "new", false);
        pollOnce("jobs");

        assertThat(received).hasSize(31).doesNotHaveDuplicates().endsWith("after-restart:NotStarted");
    }

    @Test
    void skipExistingSwallowsNothingThatFinishedWhileTheRouteWasStopped() throws Exception {
        azure.seedJobs(5, SeedState.SUCCEEDED);
        String running = azure.createJob("running-at-start", "x", false);
        azure.advance(Duration.ofSeconds(6));
        List<String> received = recordingRoute("jobs", avatarUri(API, "skipExisting=true"));
        pollOnce("jobs");
        assertThat(received).isEmpty();

        context.getRouteController().stopRoute("jobs");
        azure.advance(Duration.ofSeconds(20));
        context.getRouteController().startRoute("jobs");
        pollOnce("jobs");

        assertThat(received).containsExactly(running + ":Succeeded");
    }

    @Test
    void routesWithOtherLabelsOrFiltersEachGetEveryEventThroughAComponentLevelRepository() throws Exception {
        IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(1_000);
        context.getComponent("azure-avatar", AzureAvatarComponent.class).getConfiguration().setIdempotentRepository(shared);
        String id = azure.createJob("watched-by-three", "x", false);
        azure.advance(Duration.ofSeconds(20));
        List<String> a = recordingRoute("a", labelled("a", "status=Succeeded"));
        List<String> b = recordingRoute("b", labelled("b", ""));
        List<String> c = recordingRoute("c", labelled("a", "status=Succeeded,Failed"));

        pollOnce("a");
        pollOnce("b");
        pollOnce("c");
        pollOnce("a");

        assertThat(a).containsExactly(id + ":Succeeded");
        assertThat(b).containsExactly(id + ":Succeeded");
        assertThat(c).containsExactly(id + ":Succeeded");
    }

    @Test
    void twoInstancesOfOneRouteShareOneRecord() throws Exception {
        IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(1_000);
        context.getRegistry().bind("shared", shared);
        azure.seedJobs(10, SeedState.SUCCEEDED);
        // the same label and filter: what two instances of one route under leader election are
        List<String> first = recordingRoute("first", avatarUri(API, "idempotentRepository=#shared&delay=1000"));
        List<String> second = recordingRoute("second", avatarUri(API, "idempotentRepository=#shared&delay=2000"));

        pollOnce("first");
        pollOnce("second");

        assertThat(first).hasSize(10);
        assertThat(second).isEmpty();
    }

    @Test
    void aJobDeletedAndCreatedAgainUnderItsIdIsAnotherJob() throws Exception {
        String id = azure.createJob("again", "first run", false);
        azure.advance(Duration.ofSeconds(20));
        List<String> received = recordingRoute("jobs", avatarUri(API, "status=Succeeded"));
        pollOnce("jobs");

        azure.deleteJob(id);
        azure.advance(Duration.ofSeconds(1));
        azure.createJob(id, "second run, a leftover CamelAzureAvatarJobId header", false);
        azure.advance(Duration.ofSeconds(20));
        pollOnce("jobs");

        assertThat(received).containsExactly(id + ":Succeeded", id + ":Succeeded");
    }

    /**
     * A consumer suspended while a poll walks 10 pages (as a route policy such as throttling does it): the walk ends
     * after the page in flight, and resumes on the next poll.
     */
    @Test
    void aSuspendEndsAWalkAfterThePageInFlight() throws Exception {
        azure.seedJobs(1_000, SeedState.SUCCEEDED);
        List<String> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "")).routeId("jobs").process(e -> {
                    if (received.isEmpty()) {
                        ServiceHelper.suspendService(consumer("jobs"));
                    }
                    received.add(key(e));
                });
            }
        });
        azure.requests().clear();

        pollOnce("jobs");

        assertThat(azure.requests().count("GET", listPath(API))).as("list pages fetched").isEqualTo(1);
        assertThat(received).hasSize(100);
        ServiceHelper.resumeService(consumer("jobs"));
        pollOnce("jobs");
        assertThat(received).hasSize(1_000).doesNotHaveDuplicates();
    }

    @Test
    void commitsFromAnAsynchronousRoute() throws Exception {
        azure.seedJobs(250, SeedState.SUCCEEDED);
        List<String> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "")).routeId("jobs").threads(4).process(e -> received.add(key(e)));
            }
        });

        pollOnce("jobs");
        pollOnce("jobs");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 250);
        await().atMost(Duration.ofSeconds(20)).until(() -> context.getInflightRepository().size() == 0);
        pollOnce("jobs");

        assertThat(received).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void aFailedPollGoesToTheRouteWithBridgeErrorHandler() throws Exception {
        List<Exchange> failures = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:failed"));
                from("direct:failed").process(failures::add);
                from(avatarUri(API, "bridgeErrorHandler=true").replace(KEY, "wrong-key")).routeId("jobs")
                        .to("mock:never");
            }
        });

        pollOnce("jobs");

        assertThat(failures).singleElement().satisfies(e -> assertThat(e.getProperty(Exchange.EXCEPTION_CAUGHT,
                Exception.class)).hasMessageContaining("HTTP 401").hasMessageNotContaining("wrong-key"));
    }

    @Test
    void aQuietPollSendsAnEmptyMessageWithSendEmptyMessageWhenIdle() throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        List<Exchange> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "sendEmptyMessageWhenIdle=true")).routeId("jobs").process(received::add);
            }
        });

        pollOnce("jobs");
        pollOnce("jobs");

        assertThat(received).hasSize(4);
        Exchange idle = received.get(3);
        assertThat(idle.getMessage().getBody()).isNull();
        assertThat(idle.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)).isTrue();
    }

    @Test
    void noThreadOfTheComponentOutlivesTheCamelContext() throws Exception {
        azure.seedJobs(3, SeedState.SUCCEEDED);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "delay=50").replace("startScheduler=false", "startScheduler=true")).routeId("jobs")
                        .to("mock:jobs");
            }
        });
        context.createProducerTemplate().requestBody(avatarUri(API, "operation=list"), (Object) null);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer("jobs").getSuccessCounter() > 0);
        assertThat(componentThreads()).as("threads while running").isNotEmpty();

        context.stop();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(componentThreads()).isEmpty());
    }

    @Test
    void aRouteThatNeverStartedStopsQuietlyWithItsContext() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(avatarUri(API, "")).routeId("dormant").autoStartup(false)
                        .to(avatarUri(API, "operation=list").replace("azure-avatar:jobs", "azure-avatar:listing"));
            }
        });
        assertThat(context.getRouteController().getRouteStatus("dormant").isStopped()).isTrue();

        try (LogCapture log = LogCapture.attachAt(Level.WARN)) {
            context.stop();
            assertThat(log.lines()).as("warnings while stopping").isEmpty();
        }
    }

    private static Set<String> componentThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("AzureAvatar") || name.contains("azure-avatar"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private String labelled(String label, String options) {
        return avatarUri(API, options).replace("azure-avatar:jobs?", "azure-avatar:" + label + "?");
    }
}
