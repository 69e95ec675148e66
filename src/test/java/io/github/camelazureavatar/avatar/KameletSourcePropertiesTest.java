package io.github.camelazureavatar.avatar;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The source Kamelet's properties the README lists beyond the connection: skipExisting, apiVersion, and the beans
 * idempotentRepository and tokenCredential given by name (the template writes {@code #bean:{{?name}}}, which Camel
 * drops from the URI when the property is not set).
 */
class KameletSourcePropertiesTest {

    private static final String KEY = "kamelet-source-key-7a2c";

    @Test
    void skipExistingApiVersionAndARepositoryBeanReachTheConsumer() throws Exception {
        try (AvatarEmulator azure = AvatarEmulator.builder().subscriptionKey(KEY).start();
             CamelContext camel = new DefaultCamelContext()) {
            String old = azure.createJob("old-job-01", "finished before the route started", false);
            azure.advance(Duration.ofMinutes(1));
            // in progress at the start: recorded as NotStarted by the skip, announced when it succeeds
            String fresh = azure.createJob("new-job-01", "finishes after the start", false);
            MemoryIdempotentRepository delivered = new MemoryIdempotentRepository();
            camel.getRegistry().bind("delivered", delivered);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:azure-avatar-job-source?endpoint=" + azure.baseUrl() + "&subscriptionKey=RAW(" + KEY + ")"
                         + "&skipExisting=true&apiVersion=2024-04-15-preview&idempotentRepository=delivered"
                         + "&status=Succeeded&delay=100")
                            .routeId("source").to("mock:succeeded");
                }
            });
            camel.start();
            // the skip happened once the first walk recorded the old job
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> delivered.getCache().keySet().stream().anyMatch(k -> k.contains(old)));

            MockEndpoint succeeded = camel.getEndpoint("mock:succeeded", MockEndpoint.class);
            succeeded.expectedHeaderReceived(AzureAvatarConstants.JOB_ID, fresh);
            succeeded.expectedMessageCount(1);
            azure.advance(Duration.ofMinutes(1));
            succeeded.assertIsSatisfied(20_000);
            assertThat(delivered.getCache().keySet()).noneMatch(k -> k.contains(old) && !k.endsWith("/Succeeded"));

            // recorded once the exchange completed, just after the mock saw it
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(delivered.getCache().keySet())
                    .anyMatch(k -> k.contains(fresh) && k.endsWith("/Succeeded")));
            assertThat(azure.requests().all()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.query()).contains("api-version=2024-04-15-preview"));
        }
    }

    @Test
    void aTokenCredentialBeanReplacesTheKey() throws Exception {
        try (AvatarEmulator azure = AvatarEmulator.builder().subscriptionKey("not-used")
                .acceptedBearerToken("kamelet-token").start();
             CamelContext camel = new DefaultCamelContext()) {
            TokenCredential entra = request -> Mono.just(new AccessToken("kamelet-token", OffsetDateTime.now().plusHours(1)));
            camel.getRegistry().bind("entra", entra);
            String job = azure.createJob("token-job-01", "seen with a bearer token", false);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:azure-avatar-job-source?endpoint=" + azure.baseUrl() + "&tokenCredential=entra&delay=100")
                            .to("mock:events");
                }
            });
            MockEndpoint events = camel.getEndpoint("mock:events", MockEndpoint.class);
            events.expectedHeaderReceived(AzureAvatarConstants.JOB_ID, job);
            camel.start();
            azure.advance(Duration.ofMinutes(1));
            events.assertIsSatisfied(20_000);
            assertThat(azure.requests().count(401)).isZero();
        }
    }

    /** The README's table of Kamelet properties lists every property of both Kamelets, with its default and whether required. */
    @Test
    void theReadmeListsEveryPropertyWithItsDefault() throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            inTable = line.startsWith("| Kamelet property |") || inTable && line.startsWith("|");
            if (inTable && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                Matcher name = Pattern.compile("`([^`]+)`").matcher(cells[1]);
                while (name.find()) {
                    rows.put(name.group(1), cells);
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String kamelet : List.of("source", "sink")) {
            Map<String, Object> definition = definition("azure-avatar-job-" + kamelet);
            int column = kamelet.equals("source") ? 2 : 3;
            List<?> required = (List<?>) definition.getOrDefault("required", List.of());
            Map<?, ?> properties = (Map<?, ?>) definition.get("properties");
            properties.forEach((property, spec) -> {
                String[] row = rows.get(property.toString());
                if (row == null || !row[column].contains("yes")) {
                    wrong.add(kamelet + "." + property + " is not in the README's table");
                    return;
                }
                Object byDefault = ((Map<?, ?>) spec).get("default");
                if (byDefault != null && !row[4].contains("`" + byDefault + "`")) {
                    wrong.add(kamelet + "." + property + ": the README's default is not `" + byDefault + "`");
                }
                if (required.contains(property) != row[4].contains("required")) {
                    wrong.add(kamelet + "." + property + ": the README and the Kamelet differ on required");
                }
            });
        }
        assertThat(rows).hasSizeGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(String name) throws Exception {
        try (InputStream in = KameletSourcePropertiesTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            Map<String, Object> kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromInputStream(in);
            return (Map<String, Object>) ((Map<String, Object>) kamelet.get("spec")).get("definition");
        }
    }
}
