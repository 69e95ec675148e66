package io.github.camelazureavatar.avatar.springboot;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelazureavatar.avatar.AzureAvatarComponent;
import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.SystemClock;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with only the starter and application.properties: the component options bind, a text
 * body creates a job, and the job's Succeeded event arrives from the emulator (jobs run in real time, seconds long).
 */
@SpringBootTest(classes = StarterApplication.class)
class AzureAvatarStarterTest {

    static final String KEY = "starter-key-0123456789";
    static final AvatarEmulator AZURE = AvatarEmulator.builder().subscriptionKey(KEY).clock(new SystemClock())
            .notStartedFor(Duration.ofSeconds(1)).runningFor(Duration.ofSeconds(2)).start();

    @DynamicPropertySource
    static void azure(DynamicPropertyRegistry registry) {
        registry.add("camel.component.azure-avatar.endpoint", AZURE::baseUrl);
    }

    @AfterAll
    static void stop() {
        AZURE.close();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ConsumerTemplate consumer;

    @Test
    void theOptionsBindATextBodyCreatesAJobAndItsSucceededEventArrives() {
        AzureAvatarComponent component = camel.getComponent("azure-avatar", AzureAvatarComponent.class);
        assertThat(component.getConfiguration().getEndpoint()).isEqualTo(AZURE.baseUrl());
        assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(7);
        assertThat(component.getConfiguration().getMaxPollDuration()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(component.getRequestsPerMinute()).isEqualTo(120);

        String id = producer.request("direct:speak", e -> e.getMessage().setBody("Hello from \"Spring Boot\"."))
                .getMessage().getHeader(AzureAvatarConstants.JOB_ID, String.class);
        assertThat(AZURE.jobInputs(id)).contains(List.of("Hello from \"Spring Boot\"."));

        assertThat(consumer.receiveBody("seda:done", 30_000, String.class)).isEqualTo(id + ":Succeeded");
    }

    @Test
    void theConfigurationMetadataDescribesEveryOption() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        // the component's options (camel-spring-boot's own customizer.enabled has no description of its own)
        List<JsonNode> options = metadata.get("properties").findParents("name").stream()
                .filter(p -> p.path("sourceType").asText().equals(AzureAvatarComponentConfiguration.class.getName()))
                .toList();
        assertThat(options).extracting(p -> p.get("name").asText())
                .contains("camel.component.azure-avatar.subscription-key", "camel.component.azure-avatar.region",
                        "camel.component.azure-avatar.requests-per-minute", "camel.component.azure-avatar.voice");
        assertThat(options).hasSizeGreaterThan(35).allSatisfy(p -> assertThat(p.path("description").asText()).isNotBlank());
    }
}
