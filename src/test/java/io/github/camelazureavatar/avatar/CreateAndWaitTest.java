package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.Fault;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * createAndWait: the exchange completes when Azure lists its job finished, served by walks of the list shared by every
 * waiting exchange of the resource (and by any consumer of it), with no thread held per waiting exchange.
 */
class CreateAndWaitTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";
    private static final String JOB = "operation=createAndWait&voice=en-US-AvaMultilingualNeural&avatarCharacter=lisa"
                                      + "&avatarStyle=casual-sitting";

    private void waitRoute(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").routeId("waits").to(avatarUri(API, JOB + "&" + options));
            }
        });
    }

    /** Sends an exchange without blocking the caller, as the async routing engine allows. */
    private CompletableFuture<Exchange> send(String text) throws Exception {
        return send("direct:wait", text);
    }

    private CompletableFuture<Exchange> send(String uri, String text) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(text);
        return producer.processAsync(exchange);
    }

    private long listRequests() {
        return azure.requests().all().stream()
                .filter(r -> r.method().equals("GET") && r.path().replaceAll("/$", "").equals(listPath(API))).count();
    }

    private long requestsNamingAJob() {
        return azure.requests().all().stream()
                .filter(r -> r.method().equals("GET") && !r.path().replaceAll("/$", "").equals(listPath(API))).count();
    }

    @Test
    void aSucceededJobComesBackInTheBodyWithItsHeaders() throws Exception {
        waitRoute("waitDelay=50");
        CompletableFuture<Exchange> done = send("Hello \"there\"");
        await().until(() -> azure.jobCount() == 1);
        assertThat(done).isNotDone();

        azure.advance(Duration.ofSeconds(20));

        Exchange exchange = done.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        AvatarSynthesisJob job = exchange.getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(job.getStatus()).isEqualTo(JobStatus.Succeeded);
        assertThat(exchange.getMessage().getHeader(AzureAvatarConstants.JOB_ID)).isEqualTo(job.getId());
        assertThat(exchange.getMessage().getHeader(AzureAvatarConstants.STATUS)).isEqualTo("Succeeded");
        assertThat(exchange.getMessage().getHeader(AzureAvatarConstants.RESULT_URL, String.class)).contains("sig=xxxxxx");
    }

    @Test
    void aFailedJobFailsTheExchangeWithAzuresError() throws Exception {
        waitRoute("waitDelay=50");
        CompletableFuture<Exchange> done = send("This one will [fail]");
        await().until(() -> azure.jobCount() == 1);

        azure.advance(Duration.ofSeconds(20));

        Exchange exchange = done.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(AzureAvatarJobFailedException.class)
                .hasMessageStartingWith("Avatar job ").hasMessageContaining(" failed: ");
        AzureAvatarJobFailedException failure = (AzureAvatarJobFailedException) exchange.getException();
        assertThat(failure.getStatus()).isEqualTo(JobStatus.Failed);
        assertThat(failure.getAzureErrorCode()).isNotBlank();
        assertThat(failure.getJob().getId()).isEqualTo(failure.getJobId());
    }

    @Test
    void manyWaitsAreServedByWalksOfTheTopPageAndNoRequestPerJob() throws Exception {
        azure.seedJobs(1_000, SeedState.SUCCEEDED);
        waitRoute("waitDelay=100");
        List<CompletableFuture<Exchange>> waits = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            waits.add(send("Job number " + i));
        }
        await().until(() -> azure.jobCount() == 1_040);
        // several walks while the jobs run, then the one that sees them finished
        await().until(() -> listRequests() >= 3);
        assertThat(waits).noneMatch(CompletableFuture::isDone);

        azure.advance(Duration.ofSeconds(20));

        for (CompletableFuture<Exchange> wait : waits) {
            assertThat(wait.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(requestsNamingAJob()).as("no request per job").isZero();
        assertThat(azure.requests().all()).as("every walk reads the top page only: the 40 jobs are on it")
                .filteredOn(r -> r.method().equals("GET")).allMatch(r -> r.query().contains("skip=0"));
    }

    @Test
    void aConsumerOfTheResourceServesTheWaitsAndTheyWalkNothingThemselves() throws Exception {
        waitRoute("waitDelay=1h");
        List<String> events = recordingRoute("events", avatarUri(API, "status=Succeeded"));
        List<CompletableFuture<Exchange>> waits = List.of(send("one"), send("two"), send("three"));
        await().until(() -> azure.jobCount() == 3);
        azure.advance(Duration.ofSeconds(20));
        azure.requests().clear();

        pollOnce("events");

        for (CompletableFuture<Exchange> wait : waits) {
            assertThat(wait.get(10, TimeUnit.SECONDS).getMessage().getBody(AvatarSynthesisJob.class).getStatus())
                    .isEqualTo(JobStatus.Succeeded);
        }
        assertThat(events).hasSize(3);
        assertThat(listRequests()).as("the consumer's one walk, nothing else").isEqualTo(1);
        assertThat(azure.requests().all()).hasSize(1);
    }

    @Test
    void aTimeoutFailsTheExchangeAndLeavesTheJob() throws Exception {
        waitRoute("waitDelay=50&waitTimeout=200");
        Exchange exchange = send("Slow").get(10, TimeUnit.SECONDS);

        assertThat(exchange.getException()).isInstanceOf(ExchangeTimedOutException.class)
                .hasMessageContaining("did not finish within waitTimeout; it goes on in Azure");
        String jobId = exchange.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
        assertThat(azure.jobStatus(jobId)).contains("NotStarted");
    }

    @Test
    void aTimeoutWithDeleteOnTimeoutDeletesTheJobOnceItFinished() throws Exception {
        waitRoute("waitDelay=50&waitTimeout=200&deleteOnTimeout=true");
        Exchange exchange = send("Slow").get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(ExchangeTimedOutException.class)
                .hasMessageContaining("is deleted once it finished");
        String jobId = exchange.getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
        assertThat(azure.jobStatus(jobId)).as("Azure deletes only finished jobs").isPresent();

        azure.advance(Duration.ofSeconds(20));

        await().until(() -> azure.jobStatus(jobId).isEmpty());
    }

    @Test
    void aJobDeletedWhileWaitedForFailsTheExchange() throws Exception {
        waitRoute("waitDelay=50");
        CompletableFuture<Exchange> done = send("Soon gone");
        await().until(() -> azure.jobCount() == 1);
        String jobId = azure.requests().all().get(0).path().replaceAll(".*/", "");

        azure.deleteJob(jobId);

        assertThat(done.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(AzureAvatarJobStateException.class)
                .hasMessageContaining("no longer exists");
    }

    /** A stop that waited for the waits would hang for the shutdown timeout (10 minutes here); the test's limit is 60 s. */
    @Test
    @Timeout(60)
    void stoppingTheApplicationEndsTheWaitsAtOnceAndTheJobsGoOn() throws Exception {
        context.getShutdownStrategy().setTimeout(600);
        waitRoute("waitDelay=50");
        List<CompletableFuture<Exchange>> waits = List.of(send("one"), send("two"));
        await().until(() -> azure.jobCount() == 2);

        context.stop();

        for (CompletableFuture<Exchange> wait : waits) {
            assertThat(wait.get(10, TimeUnit.SECONDS).getException()).hasMessageContaining("Stopped waiting")
                    .hasMessageContaining("The job goes on in Azure");
        }
        assertThat(azure.jobCount()).isEqualTo(2);
    }

    /** The emulator's server pool grows with its load; it stands for Azure, not for this JVM's application. */
    private static long threadsOutsideTheEmulator() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith("avatar-emulator"))
                .count();
    }

    @Test
    void waitingExchangesHoldNoThreads() throws Exception {
        waitRoute("waitDelay=50");
        send("first");
        await().until(() -> azure.jobCount() == 1);
        await().until(() -> listRequests() >= 1);
        long threadsWithOneWait = threadsOutsideTheEmulator();

        List<CompletableFuture<Exchange>> waits = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            waits.add(send("more " + i));
        }
        await().until(() -> azure.jobCount() == 151);
        long walksBefore = listRequests();
        await().until(() -> listRequests() >= walksBefore + 2);
        long threadsWith151Waits = threadsOutsideTheEmulator();

        assertThat(threadsWith151Waits - threadsWithOneWait).as("threads added by 150 more waiting exchanges")
                .isLessThanOrEqualTo(2);
        assertThat(waits).noneMatch(CompletableFuture::isDone);
    }

    private int waitingExchanges() {
        return context.getEndpoints().stream().filter(AzureAvatarEndpoint.class::isInstance)
                .map(e -> ((AzureAvatarEndpoint) e).getResource()).filter(java.util.Objects::nonNull).distinct()
                .mapToInt(resource -> resource.waits().waiting()).sum();
    }

    /** Deleted and created again under its id: another job, whose outcome is not this exchange's. */
    @Test
    @Timeout(60)
    void aJobCreatedAgainUnderItsIdEndsTheWaitClearlyAfterOneWalk() throws Exception {
        waitRoute("waitDelay=100");
        long start = System.nanoTime();
        CompletableFuture<Exchange> done = send("Soon replaced");
        await().until(() -> azure.jobCount() == 1);
        String jobId = azure.requests().all().get(0).path().replaceAll(".*/", "");
        azure.deleteJob(jobId);
        azure.advance(Duration.ofMinutes(1));
        azure.createJob(jobId, "someone else's job", false);
        azure.advance(Duration.ofSeconds(20));

        Exchange exchange = done.get(10, TimeUnit.SECONDS);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(exchange.getException()).isInstanceOf(AzureAvatarJobStateException.class)
                .hasMessageContaining(jobId).hasMessageContaining("created again");
        long walks = listRequests();
        assertThat(walks).as("at most one walk per waitDelay (100 ms) in %d ms", elapsedMillis)
                .isBetween(1L, elapsedMillis / 100 + 1);
        assertThat(requestsNamingAJob()).as("the job was listed: no GET by id").isZero();
        assertThat(waitingExchanges()).isZero();
    }

    /** Each resource walks on its own: a walk of one that hangs on a slow answer delays nobody else. */
    @Test
    @Timeout(60)
    void aSlowWalkOfOneResourceNeverTimesOutAnotherResourcesFinishedJob() throws Exception {
        try (AvatarEmulator slow = AvatarEmulator.builder().subscriptionKey(KEY).start()) {
            slow.faults().nextMatching("GET", listPath(API), 1, Fault.delay(Duration.ofSeconds(10)));
            String slowUri = avatarUri(API, JOB + "&waitDelay=50").replace(azure.baseUrl(), slow.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:slow").to(slowUri);
                }
            });
            waitRoute("waitDelay=50&waitTimeout=5s");
            CompletableFuture<Exchange> slowWait = send("direct:slow", "Slow resource");
            await().until(() -> slow.jobCount() == 1 && slow.faults().pending() == 0);

            CompletableFuture<Exchange> done = send("Quick resource");
            await().until(() -> azure.jobCount() == 1);
            azure.advance(Duration.ofSeconds(20));

            Exchange exchange = done.get(10, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(AvatarSynthesisJob.class).getStatus()).isEqualTo(JobStatus.Succeeded);
            assertThat(slowWait).isNotDone();
        }
    }

    /** A walk that hangs on a slow answer does not hold back the timeout of the waits it serves. */
    @Test
    @Timeout(60)
    void aWaitTimesOutOnTimeEvenWithinASlowWalk() throws Exception {
        azure.faults().nextMatching("GET", listPath(API), 1, Fault.delay(Duration.ofSeconds(20)));
        waitRoute("waitDelay=50&waitTimeout=300");
        CompletableFuture<Exchange> done = send("Slow walk");

        Exchange exchange = done.get(10, TimeUnit.SECONDS);

        assertThat(exchange.getException()).isInstanceOf(ExchangeTimedOutException.class);
        assertThat(azure.faults().pending()).as("the walk had begun").isZero();
    }

    private List<CompletableFuture<Exchange>> hundredWaits() throws Exception {
        context.getShutdownStrategy().setTimeout(45);
        waitRoute("waitDelay=1h");
        List<CompletableFuture<Exchange>> waits = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            waits.add(send("Wait " + i));
        }
        await().until(() -> waitingExchanges() == 100);
        return waits;
    }

    private static void assertEndedByTheRoute(List<CompletableFuture<Exchange>> waits) throws Exception {
        for (CompletableFuture<Exchange> wait : waits) {
            assertThat(wait.get(10, TimeUnit.SECONDS).getException()).hasMessageContaining("Stopped waiting")
                    .hasMessageContaining("The job goes on in Azure");
        }
    }

    /** Camel's graceful stop waits for in-flight exchanges (45 s by default): the waits must not be among them. */
    @Test
    @Timeout(120)
    void stoppingTheRouteWith100WaitsEndsThemAtOnce() throws Exception {
        List<CompletableFuture<Exchange>> waits = hundredWaits();
        long start = System.nanoTime();

        context.getRouteController().stopRoute("waits");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stopRoute").isLessThan(Duration.ofSeconds(5));
        assertEndedByTheRoute(waits);
        assertThat(waitingExchanges()).isZero();
        assertThat(azure.jobCount()).as("the jobs go on").isEqualTo(100);
    }

    @Test
    @Timeout(120)
    void suspendingTheRouteEndsTheWaitsAtOnceAndResumingWaitsAgain() throws Exception {
        List<CompletableFuture<Exchange>> waits = hundredWaits();
        long start = System.nanoTime();

        context.getRouteController().suspendRoute("waits");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("suspendRoute").isLessThan(Duration.ofSeconds(5));
        assertEndedByTheRoute(waits);
        context.getRouteController().resumeRoute("waits");
        CompletableFuture<Exchange> after = send("After resume");
        await().until(() -> waitingExchanges() == 1);
        assertThat(after).isNotDone();
    }

    /** Azure promises no precision for createdDateTime: a list that writes it to the millisecond lists the same job. */
    @Test
    void aListWithAnotherDatePrecisionListsTheSameJob() throws Exception {
        var executors = context.getExecutorServiceManager();
        ScheduledExecutorService timer = executors.newSingleThreadScheduledExecutor(this, "timer");
        JobWaits waits = new JobWaits(timer, executors.newCachedThreadPool(this, "walks"),
                executors.newCachedThreadPool(this, "completions"));
        Instant created = Instant.parse("2026-01-01T00:00:00.1234567Z");
        AvatarSynthesisJob answered = job("NotStarted", created);
        Exchange exchange = new DefaultExchange(context);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        waits.add(new JobWaits.Wait(answered, exchange, done::complete, this, null,
                new AzureAvatarConfiguration()));

        waits.listed(List.of(job("Succeeded", created.truncatedTo(ChronoUnit.MILLIS))));

        done.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(AvatarSynthesisJob.class).getStatus()).isEqualTo(JobStatus.Succeeded);
        executors.shutdownNow(timer); // its next walk is due in waitDelay (60 s): the context would wait for it
    }

    private static AvatarSynthesisJob job(String status, Instant created) {
        return AvatarSynthesisJob.of(JsonNodeFactory.instance.objectNode().put("id", "precise").put("status", status)
                .put("createdDateTime", created.toString()));
    }
}
