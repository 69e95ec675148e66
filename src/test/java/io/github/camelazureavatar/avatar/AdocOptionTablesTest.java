package io.github.camelazureavatar.avatar;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the option and header tables of the .adoc equal to the generated catalog JSON, since a component outside
 * Apache Camel gets no doc rendering from it. Run with {@code -Ddocs.update=true} to rewrite them.
 */
class AdocOptionTablesTest {

    private static final Path ADOC = Path.of("src/main/docs/azure-avatar-component.adoc");
    private static final String START = "// options: START";
    private static final String END = "// options: END";

    @Test
    void tablesMatchTheCatalog() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelazureavatar/avatar/azure-avatar.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        assertThat(catalog.path("component").path("description").asText()).isNotBlank();
        catalog.path("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
        catalog.path("headers").forEach(h -> assertThat(h.path("description").asText()).isNotBlank());

        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        int start = adoc.indexOf('\n', adoc.indexOf(START)) + 1;
        int end = adoc.indexOf(END);
        String expected = tables(catalog);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(ADOC, adoc.substring(0, start) + expected + adoc.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(adoc.substring(start, end))
                .as("option tables in %s are stale: run mvn test -Dtest=AdocOptionTablesTest -Ddocs.update=true", ADOC)
                .isEqualTo(expected);
    }

    private static String tables(JsonNode catalog) {
        StringBuilder out = new StringBuilder();
        optionTable(out, "Component options", catalog.path("componentProperties"));
        optionTable(out, "Endpoint options", catalog.path("properties"));
        out.append(".Message headers\n[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Name | Description | Type\n");
        for (Map.Entry<String, JsonNode> h : catalog.path("headers").properties()) {
            out.append("| *").append(h.getKey()).append("* (").append(h.getValue().path("group").asText()).append(") | ")
                    .append(cell(h.getValue().path("description").asText())).append(" | ")
                    .append(h.getValue().path("javaType").asText()).append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static void optionTable(StringBuilder out, String title, JsonNode options) {
        out.append('.').append(title).append("\n[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n")
                .append("| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> o : options.properties()) {
            JsonNode p = o.getValue();
            out.append("| *").append(o.getKey()).append("* (").append(p.path("group").asText()).append(") | ")
                    .append(cell(p.path("description").asText())).append(" | ")
                    .append(p.path("defaultValue").asText("")).append(" | ").append(p.path("type").asText()).append('\n');
        }
        out.append("|===\n\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
