package io.github.camelazureavatar.examples.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the demo end to end on the emulator (real time, 1 s per state), with an SMTP server and a broker owned by the
 * test so that what the demo sent can be read back. The demo's run blocks until every job it created was handled
 * (or its timeout), so nothing here sleeps.
 */
@Timeout(120)
class JobNotificationsAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    private GreenMail smtp;
    private EmbeddedActiveMQ broker;

    @BeforeEach
    void startSmtpAndBroker() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://7"));
        broker.start();
    }

    @AfterEach
    void stopSmtpAndBroker() throws Exception {
        smtp.stop();
        broker.stop();
    }

    /** Settings for a short run on the emulator, whatever the environment holds (an Azure key included). */
    private Map<String, String> settings(String routes) {
        Map<String, String> settings = new HashMap<>();
        settings.put("azure.speech.key", "");
        settings.put("azure.speech.region", "");
        settings.put("demo.routes", routes);
        settings.put("demo.input-dir", "input");
        settings.put("demo.output-dir", output.toString());
        settings.put("demo.timeout-seconds", "60");
        settings.put("emulator.not-started-seconds", "1");
        settings.put("emulator.running-seconds", "1");
        settings.put("avatar.poll-delay", "200");
        return settings;
    }

    @ParameterizedTest(name = "{0} routes")
    @ValueSource(strings = {"yaml", "java"})
    void createsJobsDownloadsVideosMailsFailuresAndQueuesEveryEvent(String routes) throws Exception {
        Map<String, String> settings = settings(routes);
        settings.put("smtp.host", "127.0.0.1");
        settings.put("smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        settings.put("broker.url", "vm://7");

        DemoResult result = new JobNotificationsApp(settings).run();

        // the figures
        assertThat(result.complete()).as("finished before the timeout; pending: %s", result.pending()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.routes()).isEqualTo(routes);
        assertThat(result.inputs()).isEqualTo(4);
        assertThat(result.created()).hasSize(4);
        assertThat(result.created().values())
                .containsExactlyInAnyOrder("01-welcome.txt", "02-release-notes.ssml", "03-broken.txt", "04-goodbye.txt");
        assertThat(result.createFailures()).isEmpty();
        assertThat(result.succeeded()).isEqualTo(3);
        assertThat(result.failed()).isEqualTo(1);
        String failedJob = jobFrom(result, "03-broken.txt");

        // the files: <id>.mp4 and <id>.json for each succeeded job, nothing for the failed one
        Path videos = output.resolve("videos");
        List<String> succeededJobs = result.created().keySet().stream().filter(id -> !id.equals(failedJob)).sorted().toList();
        try (Stream<Path> files = Files.list(videos)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactlyElementsOf(
                    succeededJobs.stream().flatMap(id -> Stream.of(id + ".json", id + ".mp4")).sorted().toList());
        }
        assertThat(result.videos()).extracting(JobTracker.Video::jobId).containsExactlyInAnyOrderElementsOf(succeededJobs);
        for (String id : succeededJobs) {
            byte[] mp4 = Files.readAllBytes(videos.resolve(id + ".mp4"));
            assertThat(mp4.length).isGreaterThan(1000);
            assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).as("MP4 ftyp box").isEqualTo("ftyp");
            JsonNode job = JSON.readTree(videos.resolve(id + ".json").toFile());
            assertThat(job.path("id").asText()).isEqualTo(id);
            assertThat(job.path("status").asText()).isEqualTo("Succeeded");
            assertThat(job.path("description").asText()).endsWith(result.created().get(id));
        }

        // the mail about the failed job, as the SMTP server received it
        assertThat(result.mails()).hasSize(1);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject()).isEqualTo("Avatar job " + failedJob + " failed");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("ops@localhost");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("avatar-demo@localhost");
        assertThat(GreenMailUtil.getBody(mail))
                .contains(failedJob)
                .contains("InvalidRequest: The synthesis of input 1 failed.");

        // the queue: one message per event, all read by the listening route
        Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of("avatar-job-events"));
        assertThat(queue.getMessagesAdded()).isEqualTo(4);
        // a client acknowledges asynchronously: the broker may count the last one a moment after the demo ended
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(queue.getMessagesAcknowledged()).isEqualTo(4);
            assertThat(queue.getMessageCount()).isZero();
        });
        assertThat(result.published()).isEqualTo(4);
        Map<String, String> received = result.queueMessages().stream()
                .collect(Collectors.toMap(JobTracker.QueueMessage::jobId, JobTracker.QueueMessage::status));
        Map<String, String> expected = new HashMap<>();
        succeededJobs.forEach(id -> expected.put(id, "Succeeded"));
        expected.put(failedJob, "Failed");
        assertThat(received).isEqualTo(expected);
    }

    /** What mvn exec:java runs: the emulator, Artemis and GreenMail all embedded. */
    @Test
    void runsOnEmbeddedPartsByDefault() throws Exception {
        DemoResult result = new JobNotificationsApp(settings("yaml")).run();

        assertThat(result.complete()).as("pending: %s", result.pending()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.azure()).startsWith("emulator at http://127.0.0.1:");
        assertThat(result.succeeded()).isEqualTo(3);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.videos()).hasSize(3).allSatisfy(v -> assertThat(v.video()).isRegularFile());
        assertThat(result.mails()).hasSize(1);
        assertThat(result.smtpReceived()).isEqualTo(1);
        assertThat(result.queueMessages()).hasSize(4);
    }

    /** Jobs that outlast the timeout: the run ends anyway, says what it waited for, and exits 1. */
    @Test
    void givesUpAfterTheTimeout() throws Exception {
        Map<String, String> settings = settings("yaml");
        settings.put("emulator.running-seconds", "600");
        settings.put("demo.timeout-seconds", "3");

        DemoResult result = new JobNotificationsApp(settings).run();

        assertThat(result.complete()).isFalse();
        assertThat(result.exitCode()).isEqualTo(1);
        // what it still waited for depends on how far a busy machine got in 3 s: files not yet sent, or jobs running
        assertThat(result.pending()).containsAnyOf("input file(s) not yet sent", "jobs not finished");
        assertThat(result.videos()).isEmpty();
    }

    private static String jobFrom(DemoResult result, String file) {
        return result.created().entrySet().stream().filter(e -> e.getValue().equals(file)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }
}
