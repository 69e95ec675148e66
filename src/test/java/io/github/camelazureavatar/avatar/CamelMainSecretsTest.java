package io.github.camelazureavatar.avatar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.LogCapture;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.Main;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where Camel Main shows configuration (its startup summary at INFO, the main-configuration and properties dev
 * consoles) the key does not show. A literal key in application.properties is masked in the summary and the
 * main-configuration console where Camel can learn the option's name (4.18 and newer); the properties console masks
 * only Camel's own list of names on every line. A property placeholder, what the docs recommend, keeps the key out of
 * all of them on every line.
 */
class CamelMainSecretsTest {

    private static final String KEY = "main-literal-key-4f2a9c";

    @TempDir
    Path dir;
    private AvatarEmulator azure;

    @BeforeEach
    void emulator() {
        azure = AvatarEmulator.builder().subscriptionKey(KEY).start();
    }

    @AfterEach
    void close() {
        EmulatorTestSupport.closeCheckingBlobHost(azure);
        System.clearProperty("test.azure.speech.key");
    }

    /** What Camel shows: log lines, and each console as text and as JSON (what tools such as camel get read). */
    private record Shown(List<String> logs, String propertiesText, String propertiesJson, String mainConfigurationText,
            String mainConfigurationJson) {
    }

    @Test
    void aLiteralKeyInApplicationPropertiesIsMaskedInTheStartupSummaryAndTheConfigurationConsole() throws Exception {
        assumeTrue(AzureAvatarConsumerHealthTest.camelLearnsSensitiveKeywords(),
                "Camel 4.14 masks only its own list of names: use a placeholder (the other test)");
        Shown shown = runMain(KEY);

        assertThat(shown.logs()).anySatisfy(line -> assertThat(line).contains("azure-avatar.subscriptionKey = xxxxxx"));
        assertThat(shown.logs()).noneMatch(line -> line.contains(KEY));
        assertThat(shown.mainConfigurationText()).contains("subscriptionKey = xxxxxx").doesNotContain(KEY);
    }

    @Test
    void aPlaceholderKeepsTheKeyOutOfTheSummaryAndEveryConsoleOnEveryLine() throws Exception {
        System.setProperty("test.azure.speech.key", KEY);
        Shown shown = runMain("{{sys:test.azure.speech.key}}");

        assertThat(shown.logs()).anySatisfy(line -> assertThat(line).contains("azure-avatar.subscriptionKey = "));
        assertThat(shown.logs()).noneMatch(line -> line.contains(KEY));
        for (String console : List.of(shown.propertiesText(), shown.propertiesJson(), shown.mainConfigurationText(),
                shown.mainConfigurationJson())) {
            assertThat(console).containsPattern("subscription-?[kK]ey").doesNotContain(KEY);
        }
    }

    /** Starts Camel Main with application.properties holding the key so, and stops it. */
    private Shown runMain(String keyProperty) throws Exception {
        Path properties = dir.resolve("application.properties");
        Files.writeString(properties, String.join("\n", "camel.main.name=secrets-test",
                "camel.main.dev-console-enabled=true", "camel.component.azure-avatar.endpoint=" + azure.baseUrl(),
                "camel.component.azure-avatar.subscription-key=" + keyProperty, ""));
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + properties.toAbsolutePath());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("azure-avatar:jobs?startScheduler=false").to("log:jobs");
            }
        });
        List<String> consoles = new ArrayList<>();
        try (LogCapture logs = LogCapture.attachAt(Level.INFO)) {
            main.start();
            try {
                DevConsoleRegistry registry = main.getCamelContext().getCamelContextExtension()
                        .getContextPlugin(DevConsoleRegistry.class);
                for (String id : new String[] { "properties", "main-configuration" }) {
                    DevConsole console = registry.resolveById(id);
                    Object json = console.call(DevConsole.MediaType.JSON);
                    consoles.add(String.valueOf(console.call(DevConsole.MediaType.TEXT)));
                    consoles.add(json instanceof JsonObject object ? object.toJson() : String.valueOf(json));
                }
            } finally {
                main.stop();
            }
            return new Shown(logs.lines(), consoles.get(0), consoles.get(1), consoles.get(2), consoles.get(3));
        }
    }
}
