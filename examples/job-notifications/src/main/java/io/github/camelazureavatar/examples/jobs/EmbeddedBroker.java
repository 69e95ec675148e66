package io.github.camelazureavatar.examples.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** An Apache Artemis broker in this JVM, reached in-VM (no port), not persistent. */
final class EmbeddedBroker implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger(100);

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final String url;
    private final Path dataDir;

    EmbeddedBroker() throws Exception {
        int id = IDS.incrementAndGet();
        this.url = "vm://" + id;
        this.dataDir = Files.createTempDirectory("artemis-demo");
        Configuration config = new ConfigurationImpl()
                .setName("job-notifications-" + id)
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", url);
        config.setBrokerInstance(dataDir.toFile());
        server.setConfiguration(config);
        server.start();
    }

    String url() {
        return url;
    }

    ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url);
    }

    /** Messages ever sent to the queue, or -1 when it does not exist. */
    long messagesAdded(String queueName) {
        Queue queue = server.getActiveMQServer().locateQueue(SimpleString.of(queueName));
        return queue == null ? -1 : queue.getMessagesAdded();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
