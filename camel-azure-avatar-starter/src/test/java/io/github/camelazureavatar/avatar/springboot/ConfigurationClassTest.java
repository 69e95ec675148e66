package io.github.camelazureavatar.avatar.springboot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AzureAvatarComponentConfiguration is made from the component's catalog, one property per component option with its
 * description, as Camel's own starters are: this test fails when the component's options changed and the class did
 * not. Run {@code mvn test -Dtest=ConfigurationClassTest -Dstarter.update=true} to write it again.
 */
class ConfigurationClassTest {

    private static final Path SOURCE = Path.of(
            "src/main/java/io/github/camelazureavatar/avatar/springboot/AzureAvatarComponentConfiguration.java");
    private static final Map<String, String> BOXED = Map.of("int", "Integer", "long", "Long", "boolean", "Boolean");
    /** Bound as bean references (#bean:name): Spring must not load azure-core's type, which may be absent. */
    private static final Set<String> REFERENCES = Set.of("com.azure.core.credential.TokenCredential",
            "org.apache.camel.spi.IdempotentRepository");

    @Test
    void everyComponentOptionIsAPropertyWithItsDescription() throws Exception {
        String expected = generate();
        if (Boolean.getBoolean("starter.update")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8)).as(
                "%s is stale: run mvn test -Dtest=ConfigurationClassTest -Dstarter.update=true", SOURCE).isEqualTo(expected);
    }

    private static String generate() throws Exception {
        JsonNode catalog;
        try (InputStream in = ConfigurationClassTest.class.getResourceAsStream(
                "/META-INF/io/github/camelazureavatar/avatar/azure-avatar.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        catalog.get("componentProperties").properties().forEach(option -> {
            String name = option.getKey();
            JsonNode p = option.getValue();
            if (name.equals("configuration")) {
                return; // the nested object: its options are listed one by one
            }
            String javaType = p.get("javaType").asText();
            boolean duration = "duration".equals(p.path("type").asText());
            String type = REFERENCES.contains(javaType) || duration || javaType.equals("java.lang.String") ? "String"
                    : BOXED.getOrDefault(javaType, javaType);
            String description = p.path("description").asText();
            if (REFERENCES.contains(javaType)) {
                description += " Set a bean reference such as #bean:myBean (" + javaType + ").";
            } else if (duration) {
                description += " In milliseconds, or a duration such as 30s or 2m.";
            }
            String doc = description.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;");
            fields.append("    /**\n").append(wrap(doc)).append("     */\n    private ").append(type).append(' ')
                    .append(name).append(";\n\n");
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("    public ").append(type).append(" get").append(cap).append("() {\n        return ")
                    .append(name).append(";\n    }\n\n    public void set").append(cap).append('(').append(type).append(' ')
                    .append(name).append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n\n");
        });
        return """
                package io.github.camelazureavatar.avatar.springboot;

                import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * The options of the azure-avatar component, bound from camel.component.azure-avatar.*. Made from the
                 * component's catalog by ConfigurationClassTest: do not edit.
                 */
                @ConfigurationProperties(prefix = "camel.component.azure-avatar")
                public class AzureAvatarComponentConfiguration extends ComponentConfigurationPropertiesCommon {

                    /**
                     * Whether to enable auto configuration of the azure-avatar component. This is enabled by default.
                     */
                    private Boolean enabled;

                """ + fields + accessors.toString().stripTrailing() + "\n}\n";
    }

    /** The description as javadoc lines of at most 120 characters. */
    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder("     *");
        for (String word : text.split("\\s+")) {
            if (line.length() + 1 + word.length() > 120) {
                out.append(line).append('\n');
                line = new StringBuilder("     *");
            }
            line.append(' ').append(word);
        }
        return out.append(line).append('\n').toString();
    }
}
