package io.github.camelazureavatar.avatar.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelazureavatar.avatar.AzureAvatarComponent;
import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh emulator and CamelContext per test. Routes start with the scheduler off and tests poll by hand, so every
 * test decides exactly when a poll happens: nothing waits on the clock of a busy machine.
 */
public abstract class EmulatorTestSupport {

    public static final String KEY = "emulator-test-key-7c1d9e";

    protected AvatarEmulator azure;
    protected CamelContext context;

    @BeforeEach
    void startEmulatorAndContext() throws Exception {
        azure = AvatarEmulator.builder().subscriptionKey(KEY).start();
        context = createCamelContext();
        context.start();
    }

    /** The CamelContext of a test, not started yet. */
    protected CamelContext createCamelContext() {
        return new DefaultCamelContext();
    }

    /** Also checks what every test of the suite must keep true: no key or token ever reached blob storage. */
    @AfterEach
    void stopContextAndEmulator() throws Exception {
        if (context != null) {
            context.close();
        }
        if (azure != null) {
            closeCheckingBlobHost(azure);
        }
    }

    /** Closes the emulator once it was checked that no key or token reached its blob storage host. */
    public static void closeCheckingBlobHost(AvatarEmulator emulator) {
        try {
            assertThat(emulator.blobHost().receivedSecrets()).as("key or token sent to blob storage").isEmpty();
        } finally {
            emulator.close();
        }
    }

    /**
     * A consumer or producer URI on the emulator, scheduler off and resting off (idleDelay=0): each {@link #pollOnce}
     * walks the list. AdaptivePollingTest tests resting.
     */
    protected String avatarUri(String apiVersion, String options) {
        return "azure-avatar:jobs?endpoint=" + azure.baseUrl() + "&subscriptionKey=RAW(" + KEY + ")&apiVersion="
               + apiVersion + "&startScheduler=false&idleDelay=0&retryInitialDelay=5&retryMaxDelay=20"
               + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * A URI on the emulator without the key, which is set on the component: what the docs recommend, since Camel
     * core logs endpoint URIs unmasked at TRACE.
     */
    protected String avatarUriWithComponentKey(String apiVersion, String options) {
        context.getComponent("azure-avatar", AzureAvatarComponent.class).getConfiguration().setSubscriptionKey(KEY);
        return avatarUri(apiVersion, options).replace("&subscriptionKey=RAW(" + KEY + ")", "");
    }

    /** The path prefix of the job list in a generation. */
    protected static String listPath(String apiVersion) {
        return apiVersion.equals("3.1-preview1")
                ? "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar" : "/avatar/batchsyntheses";
    }

    /** Adds a route from the URI that records each exchange as {@code jobId:status} and returns that record. */
    protected List<String> recordingRoute(String routeId, String uri) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(e -> received.add(key(e)));
            }
        });
        return received;
    }

    protected static String key(Exchange exchange) {
        return exchange.getMessage().getHeader(AzureAvatarConstants.JOB_ID) + ":"
               + exchange.getMessage().getHeader(AzureAvatarConstants.STATUS);
    }

    protected ScheduledPollConsumer consumer(String routeId) {
        return (ScheduledPollConsumer) context.getRoute(routeId).getConsumer();
    }

    /** The consumer health check of a route, as a readiness probe sees it. */
    protected HealthCheck.Result consumerHealth(String routeId) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheckRepository consumers = registry.getRepository("consumers").orElseGet(() -> {
            HealthCheckRepository repository = (HealthCheckRepository) registry.resolveById("consumers");
            registry.register(repository);
            return repository;
        });
        return consumers.stream().filter(check -> check.getId().equals("consumer:" + routeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check for route " + routeId))
                .callReadiness();
    }

    /** Runs one poll of the route's consumer on this thread, as the scheduler would. */
    protected void pollOnce(String routeId) {
        consumer(routeId).run();
    }
}
