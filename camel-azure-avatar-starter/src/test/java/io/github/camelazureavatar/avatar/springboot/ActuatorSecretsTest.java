package io.github.camelazureavatar.avatar.springboot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the actuator told to show values (show-values=always), the configprops and env endpoints still mask the key
 * and the destination container's SAS URL, while they show the other options.
 */
@SpringBootTest(classes = StarterApplication.class, properties = {
        "management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
        "management.endpoints.web.exposure.include=configprops,env",
        "camel.component.azure-avatar.destination-container-url=https://acct.blob.core.windows.net/out?sp=rl&sig=sas-7f1d" })
class ActuatorSecretsTest {

    static final AvatarEmulator AZURE = AvatarEmulator.builder().subscriptionKey(AzureAvatarStarterTest.KEY).start();

    @DynamicPropertySource
    static void azure(DynamicPropertyRegistry registry) {
        registry.add("camel.component.azure-avatar.endpoint", AZURE::baseUrl);
    }

    @AfterAll
    static void stop() {
        AZURE.close();
    }

    @Autowired
    ConfigurationPropertiesReportEndpoint configprops;
    @Autowired
    EnvironmentEndpoint env;

    @Test
    void theSecretOptionsAreMaskedWhereTheActuatorShowsValues() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String properties = json.writeValueAsString(configprops.configurationProperties());
        String environment = json.writeValueAsString(env.environment(null));

        for (String shown : new String[] { properties, environment }) {
            assertThat(shown).contains("en-US-AvaMultilingualNeural").contains("******")
                    .doesNotContain(AzureAvatarStarterTest.KEY).doesNotContain("sas-7f1d");
        }
    }
}
