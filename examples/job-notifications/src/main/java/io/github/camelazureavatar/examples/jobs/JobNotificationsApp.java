package io.github.camelazureavatar.examples.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.console.DevConsole;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job-notifications demo: creates avatar jobs from the files in {@code demo.input-dir}, downloads the video of
 * each job that succeeds, mails about each job that fails, and puts every job event on a JMS queue that a second route
 * reads. It stops once every job it created has finished, prints a summary, and exits 0 (1 on timeout).
 * <p>
 * Without {@code AZURE_SPEECH_KEY} and {@code AZURE_SPEECH_REGION} it runs on the emulator; with {@code broker.url} and
 * {@code smtp.host} left at {@code embedded} it starts Apache Artemis and GreenMail in-process. Settings:
 * application.properties.
 */
public final class JobNotificationsApp {

    private static final Logger LOG = LoggerFactory.getLogger(JobNotificationsApp.class);

    private final Settings settings;

    /** @param overrides settings that win over system properties, the environment and application.properties */
    public JobNotificationsApp(Map<String, String> overrides) {
        this.settings = new Settings(overrides);
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            DemoResult result = new JobNotificationsApp(Map.of()).run();
            result.print(System.out);
            exitCode = result.exitCode();
        } catch (Exception e) {
            LOG.error("The demo failed: {}", e.getMessage(), e);
            exitCode = 2;
        }
        // exit for sure, also under mvn exec:java, whatever threads a library left behind
        System.exit(exitCode);
    }

    public DemoResult run() throws Exception {
        long start = System.nanoTime();
        Deque<AutoCloseable> embedded = new ArrayDeque<>();
        try {
            return run(start, embedded);
        } finally {
            while (!embedded.isEmpty()) {
                try {
                    embedded.pop().close();
                } catch (Exception e) {
                    LOG.warn("Could not stop {}: {}", e.getClass().getSimpleName(), e.getMessage());
                }
            }
        }
    }

    private DemoResult run(long start, Deque<AutoCloseable> embedded) throws Exception {
        Main main = new Main();
        boolean onAzure = settings.isSet("azure.speech.key") && settings.isSet("azure.speech.region");

        // ---- Azure, or the emulator
        String azure;
        if (onAzure) {
            String region = settings.get("azure.speech.region");
            main.addOverrideProperty("camel.component.azure-avatar.region", region);
            main.addOverrideProperty("camel.component.azure-avatar.subscription-key", settings.get("azure.speech.key"));
            main.addOverrideProperty("avatar.poll-delay", settings.get("avatar.azure.poll-delay"));
            // an Azure resource may hold finished jobs already: announce only what finishes from now on
            main.addOverrideProperty("avatar.skip-existing", "true");
            azure = "Azure, region " + region;
        } else {
            EmbeddedAzure emulator = new EmbeddedAzure(
                    Duration.ofSeconds(settings.getInt("emulator.not-started-seconds")),
                    Duration.ofSeconds(settings.getInt("emulator.running-seconds")));
            embedded.push(emulator);
            main.addOverrideProperty("camel.component.azure-avatar.endpoint", emulator.baseUrl());
            main.addOverrideProperty("camel.component.azure-avatar.subscription-key", emulator.subscriptionKey());
            main.addOverrideProperty("avatar.poll-delay", settings.get("avatar.poll-delay"));
            main.addOverrideProperty("avatar.skip-existing", "false");
            azure = "emulator at " + emulator.baseUrl() + " (set AZURE_SPEECH_KEY and AZURE_SPEECH_REGION for Azure)";
        }
        LOG.info("Azure: {}", azure);

        // ---- the JMS broker
        ConnectionFactory connectionFactory;
        String brokerUrl = settings.get("broker.url");
        if ("embedded".equals(brokerUrl)) {
            EmbeddedBroker broker = new EmbeddedBroker();
            embedded.push(broker);
            connectionFactory = broker.connectionFactory();
            LOG.info("JMS: embedded Apache Artemis broker at {}", broker.url());
        } else {
            connectionFactory = settings.isSet("broker.username")
                    ? new ActiveMQConnectionFactory(brokerUrl, settings.get("broker.username"), settings.get("broker.password"))
                    : new ActiveMQConnectionFactory(brokerUrl);
            LOG.info("JMS: Artemis broker at {}", brokerUrl);
        }
        main.bind("jmsConnectionFactory", connectionFactory);
        String queue = settings.get("jms.queue");

        // ---- the SMTP server
        EmbeddedSmtp smtp = null;
        if ("embedded".equals(settings.get("smtp.host"))) {
            smtp = new EmbeddedSmtp();
            embedded.push(smtp);
            main.addOverrideProperty("smtp.host", smtp.host());
            main.addOverrideProperty("smtp.port", Integer.toString(smtp.port()));
            LOG.info("SMTP: embedded GreenMail server at {}:{}", smtp.host(), smtp.port());
        } else {
            main.addOverrideProperty("smtp.host", settings.get("smtp.host"));
            main.addOverrideProperty("smtp.port", settings.get("smtp.port"));
            for (String key : new String[] {"smtp.username", "smtp.password"}) {
                if (settings.isSet(key)) {
                    main.addOverrideProperty(key, settings.get(key));
                }
            }
            LOG.info("SMTP: {}:{}", settings.get("smtp.host"), settings.get("smtp.port"));
        }

        // ---- the inputs, the output, the routes
        Path inputDir = Paths.get(settings.get("demo.input-dir")).toAbsolutePath().normalize();
        Path outputDir = Paths.get(settings.get("demo.output-dir")).toAbsolutePath().normalize();
        String include = settings.get("demo.include");
        int inputs = countInputs(inputDir, include);
        LOG.info("{} input file(s) in {}; videos go to {}", inputs, inputDir, outputDir.resolve("videos"));
        for (String key : new String[] {"jms.queue", "mail.from", "mail.to", "demo.include"}) {
            main.addOverrideProperty(key, settings.get(key));
        }
        main.addOverrideProperty("demo.input-dir", inputDir.toString());
        main.addOverrideProperty("demo.output-dir", outputDir.toString());
        main.addOverrideProperty("camel.main.shutdown-timeout", "10");

        JobTracker tracker = new JobTracker(inputs, settings.get("mail.to"));
        main.bind("demo", tracker);
        main.bind("jobRequests", new JobRequests());
        String routes = settings.get("demo.routes");
        switch (routes) {
            case "yaml" -> main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
            case "java" -> main.configure().addRoutesBuilder(new JobNotificationRoutes());
            default -> throw new IllegalArgumentException("demo.routes must be yaml or java, not " + routes);
        }

        // ---- run until every job finished, or the timeout
        long timeout = settings.getInt(onAzure ? "demo.azure.timeout-seconds" : "demo.timeout-seconds");
        boolean complete;
        String requestsConsole;
        main.start();
        try {
            complete = tracker.awaitCompletion(timeout, TimeUnit.SECONDS);
            requestsConsole = (String) PluginHelper.getDevConsoleResolver(main.getCamelContext())
                    .resolveDevConsole("azure-avatar").call(DevConsole.MediaType.TEXT, Map.of());
        } finally {
            main.stop();
        }
        if (!complete) {
            LOG.error("Gave up after {} s: {}", timeout, tracker.pending());
        }
        return new DemoResult(azure, routes, complete, Duration.ofNanos(System.nanoTime() - start), tracker.pending(),
                inputs, tracker.created(), tracker.createFailures(),
                tracker.count("Succeeded"), tracker.count("Failed"), tracker.videos(), tracker.mails(),
                smtp == null ? -1 : smtp.received(), queue, tracker.published(), tracker.queueMessages(),
                requestsConsole);
    }

    private static int countInputs(Path inputDir, String include) throws IOException {
        if (!Files.isDirectory(inputDir)) {
            throw new IllegalArgumentException("No input folder " + inputDir + " (set demo.input-dir)");
        }
        Pattern pattern = Pattern.compile(include);
        try (Stream<Path> files = Files.list(inputDir)) {
            return (int) files.filter(Files::isRegularFile)
                    .filter(f -> pattern.matcher(f.getFileName().toString()).matches())
                    .count();
        }
    }
}
