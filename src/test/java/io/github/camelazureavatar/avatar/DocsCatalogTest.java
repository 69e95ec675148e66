package io.github.camelazureavatar.avatar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README and the component's .adoc name must exist in the generated catalog, and what a catalog description
 * says of its default must be the catalog's default. The rules, so that a writer knows what is checked:
 * <ul>
 * <li>every query parameter of an {@code azure-avatar:label?...} URI (Java strings joined across {@code " + "}), and
 * every key under {@code parameters:} of a YAML {@code uri: azure-avatar:...}, is an endpoint option;</li>
 * <li>every {@code camel.component.azure-avatar.some-option} property is a component option;</li>
 * <li>every {@code operation=x} and {@code operation: x} of such URIs is an operation;</li>
 * <li>every {@code CamelAzureAvatar...} name is a header, or one of the exchange properties below;</li>
 * <li>in a README table whose header starts with {@code | Option |}, every backticked name of the first column is an
 * option, and a backticked value of the second column (the default) equals the catalog's default;</li>
 * <li>a catalog description that states its default ({@code 0 (the default)}, {@code (default: 5)},
 * {@code the default, 1440}, {@code Empty (the default)}) states the catalog's {@code defaultValue};</li>
 * <li>the adoc's {@code :since:} is the catalog's {@code firstVersion} as major.minor, as Camel renders it.</li>
 * </ul>
 */
class DocsCatalogTest {

    private static final List<Path> DOCS = List.of(Path.of("README.md"), Path.of("src/main/docs/azure-avatar-component.adoc"));

    /** Exchange properties (not headers) the docs name; each must be a string in main code. */
    private static final Set<String> EXCHANGE_PROPERTIES = Set.of("CamelAzureAvatarDestinationContainerUrl");

    private static final Pattern URI = Pattern.compile("azure-avatar:[A-Za-z0-9_{}-]*\\?([^\"'`\\s)]+)");
    private static final Pattern COMPONENT_PROPERTY = Pattern.compile("camel\\.component\\.azure-avatar\\.([a-z][A-Za-z0-9-]*)");
    private static final Pattern HEADER = Pattern.compile("\\bCamelAzureAvatar[A-Za-z]+");
    private static final Pattern YAML_URI = Pattern.compile("^(\\s*)-?\\s*uri:\\s*\"?azure-avatar:[^?\"]*\"?\\s*$");
    private static final Pattern YAML_INLINE = Pattern.compile("^\\s*parameters:\\s*\\{(.*)}\\s*$");
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)([A-Za-z][A-Za-z0-9]*):\\s*(.*)$");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    private final JsonNode catalog = catalog();

    @Test
    void everyOptionHeaderAndOperationTheDocsNameIsInTheCatalog() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path doc : DOCS) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            for (String option : uriOptions(text)) {
                checkOption(doc + ": URI option " + option, option, "properties", unknown);
            }
            for (String option : yamlParameters(text)) {
                checkOption(doc + ": YAML parameter " + option, option, "properties", unknown);
            }
            Matcher component = COMPONENT_PROPERTY.matcher(text);
            while (component.find()) {
                checkOption(doc + ": component property " + component.group(1), kebabToCamel(component.group(1)),
                        "componentProperties", unknown);
            }
            for (String operation : operations(text)) {
                if (!enumValues("operation").contains(operation)) {
                    unknown.add(doc + ": operation " + operation);
                }
            }
            Matcher header = HEADER.matcher(text);
            while (header.find()) {
                String name = header.group();
                if (!catalog.path("headers").has(name) && !EXCHANGE_PROPERTIES.contains(name)) {
                    unknown.add(doc + ": header " + name);
                }
            }
        }
        assertThat(unknown).as("named in the docs, missing from the catalog").isEmpty();
    }

    @Test
    void theReadmeOptionTablesNameCatalogOptionsWithTheirDefaults() throws IOException {
        List<String> wrong = new ArrayList<>();
        boolean inTable = false;
        int rows = 0;
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| Option |")) {
                inTable = true;
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            Matcher name = BACKTICKED.matcher(cells[1]);
            while (name.find()) {
                rows++;
                String option = name.group(1);
                JsonNode spec = option(option);
                if (spec == null) {
                    wrong.add("README option " + option + " is no option");
                    continue;
                }
                Matcher stated = BACKTICKED.matcher(cells[2]);
                if (stated.find() && !sameDefault(stated.group(1), spec)) {
                    wrong.add("README gives " + option + " the default " + stated.group(1) + ", the catalog "
                              + spec.path("defaultValue").asText("(none)"));
                }
            }
        }
        assertThat(rows).as("README option table rows").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyDefaultADescriptionStatesIsTheCatalogDefault() {
        List<String> wrong = new ArrayList<>();
        int stated = 0;
        for (String group : List.of("componentProperties", "properties")) {
            for (var entry : catalog.path(group).properties()) {
                String description = entry.getValue().path("description").asText();
                for (String value : statedDefaults(description)) {
                    stated++;
                    if (!sameDefault(value, entry.getValue())) {
                        wrong.add(group + "." + entry.getKey() + ": the description says the default is '" + value
                                  + "', the catalog's defaultValue is '" + entry.getValue().path("defaultValue").asText("")
                                  + "'");
                    }
                }
            }
        }
        assertThat(stated).as("descriptions that state a default").isGreaterThan(3);
        assertThat(wrong).isEmpty();
    }

    @Test
    void sinceIsTheFirstVersion() throws IOException {
        String adoc = Files.readString(DOCS.get(1), StandardCharsets.UTF_8);
        Matcher since = Pattern.compile("(?m)^:since: (\\S+)$").matcher(adoc);
        assertThat(since.find()).isTrue();
        String firstVersion = catalog.path("component").path("firstVersion").asText();
        assertThat(firstVersion).as("firstVersion as major.minor").startsWith(since.group(1) + ".");
        assertThat(firstVersion.substring(since.group(1).length() + 1)).matches("\\d+");
    }

    @Test
    void theExchangePropertiesTheDocsNameExist() throws IOException {
        StringBuilder main = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                main.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        EXCHANGE_PROPERTIES.forEach(p -> assertThat(main).contains("\"" + p + "\""));
    }

    @Test
    void theRulesCatchWhatTheyShould() {
        assertThat(uriOptions("from(\"azure-avatar:jobs?status=Failed&delay=\" + x() + \"&bogus=1\")\n"
                              + "    .to(\"azure-avatar:jobs?operation=get\"\n        + \"&jobId=a\")"))
                .containsExactly("status", "delay", "bogus", "operation", "jobId");
        assertThat(yamlParameters("""
                        - to:
                            uri: azure-avatar:jobs
                            parameters:
                              operation: create
                              voice: x
                        - log: "y"
                        - to:
                            uri: azure-avatar:jobs
                            parameters: { operation: get, status: "Succeeded,Failed", pageSize: 5 }
                        """)).containsExactly("operation", "voice", "operation", "status", "pageSize");
        assertThat(operations("azure-avatar:jobs?operation=downloadResult and\n  uri: azure-avatar:x\n  parameters: { operation: fetch }"))
                .containsExactly("downloadResult", "fetch");
        assertThat(statedDefaults("0 (the default) sets no limit; from 1 to 100 (Azure's maximum, the default)."))
                .containsExactly("0", "100");
        assertThat(statedDefaults("hevc (Azure's default), vp9")).isEmpty();
        assertThat(statedDefaults("Empty (the default) emits all; the default, 1440, is a day")).containsExactly("", "1440");
        assertThat(sameDefault("15m", catalog.path("properties").path("idleDelay"))).isTrue();
        assertThat(sameDefault("16m", catalog.path("properties").path("idleDelay"))).isFalse();
    }

    private void checkOption(String where, String option, String group, List<String> unknown) {
        if (!catalog.path(group).has(option)) {
            unknown.add(where);
        }
    }

    private JsonNode option(String name) {
        JsonNode endpoint = catalog.path("properties").get(name);
        return endpoint != null ? endpoint : catalog.path("componentProperties").get(name);
    }

    private Set<String> enumValues(String option) {
        Set<String> values = new LinkedHashSet<>();
        catalog.path("properties").path(option).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Query parameter names of azure-avatar URIs, Java string concatenations joined first. */
    static List<String> uriOptions(String text) {
        String joined = text.replaceAll("\"\\s*\\+\\s*[^\"+;]+?\\s*\\+\\s*\"", "X").replaceAll("\"\\s*\\+\\s*\"", "");
        List<String> names = new ArrayList<>();
        Matcher uri = URI.matcher(joined);
        while (uri.find()) {
            for (String parameter : uri.group(1).split("&")) {
                String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                if (!name.equals("...") && !name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Keys under {@code parameters:} of YAML steps whose {@code uri} is an azure-avatar endpoint. */
    static List<String> yamlParameters(String text) {
        List<String> names = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!YAML_URI.matcher(lines[i]).matches() || i + 1 >= lines.length) {
                continue;
            }
            Matcher inline = YAML_INLINE.matcher(lines[i + 1]);
            if (inline.matches()) {
                for (String pair : inline.group(1).split(",\\s*(?=[A-Za-z]+:)")) {
                    names.add(pair.substring(0, pair.indexOf(':')).trim());
                }
                continue;
            }
            Matcher block = YAML_KEY.matcher(lines[i + 1]);
            if (!block.matches() || !block.group(2).equals("parameters")) {
                continue;
            }
            int indent = block.group(1).length();
            for (int j = i + 2; j < lines.length; j++) {
                Matcher key = YAML_KEY.matcher(lines[j]);
                if (!key.matches() || key.group(1).length() <= indent) {
                    break;
                }
                names.add(key.group(2));
            }
        }
        return names;
    }

    static List<String> operations(String text) {
        List<String> operations = new ArrayList<>();
        Matcher m = Pattern.compile("operation(?:=|:\\s*)([A-Za-z]+)").matcher(text);
        while (m.find()) {
            operations.add(m.group(1));
        }
        return operations;
    }

    /** The defaults a description states; "Empty (the default)" states none (""). Azure's own defaults do not count. */
    static List<String> statedDefaults(String description) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("(\\S+) \\((?:[^()]*, )?the default\\)|\\(default:? ([^)\\s,;]+)\\)"
                                    + "|[Tt]he default,? (?:is )?(\\d[\\d_ ]*\\d|\\d)")
                .matcher(description);
        while (m.find()) {
            String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            value = value.replaceAll("[`*]", "").replaceAll("[_ ]", "");
            values.add(value.equalsIgnoreCase("empty") ? "" : value);
        }
        return values;
    }

    /** Equal as text, as numbers, or as durations (15m is 900000 for a duration option). */
    static boolean sameDefault(String stated, JsonNode spec) {
        String actual = spec.path("defaultValue").asText("");
        String value = stated.replaceAll("[_ ]", "").replaceAll("\\(.*\\)$", "");
        if (value.equals(actual)) {
            return true;
        }
        try {
            if (new BigDecimal(value).compareTo(new BigDecimal(actual)) == 0) {
                return true;
            }
        } catch (NumberFormatException e) {
            // not two numbers
        }
        if ("duration".equals(spec.path("type").asText()) && !actual.isEmpty()) {
            try {
                return TimeUtils.toMilliSeconds(value) == Long.parseLong(actual)
                       || Duration.parse("PT" + value.toUpperCase(Locale.ROOT)).toMillis() == Long.parseLong(actual);
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static String kebabToCamel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static JsonNode catalog() {
        try (InputStream in = DocsCatalogTest.class.getResourceAsStream("/META-INF/io/github/camelazureavatar/avatar/azure-avatar.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
