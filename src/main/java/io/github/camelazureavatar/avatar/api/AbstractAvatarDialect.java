package io.github.camelazureavatar.avatar.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisError;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;

/**
 * The reading both generations share, on Jackson's tree. Azure is read tolerantly: the documented field name first,
 * the other generation's name as a fallback, since samples and previews mix them up; a value of an unexpected shape
 * reads as a tree's {@code asText()} would.
 */
abstract class AbstractAvatarDialect implements AvatarApiDialect {

    private final URI endpoint;
    private final String itemsField;
    private final String nextLinkField;
    private final String otherItemsField;
    private final String otherNextLinkField;

    AbstractAvatarDialect(URI endpoint, String itemsField, String nextLinkField, String otherItemsField,
                          String otherNextLinkField) {
        this.endpoint = endpoint;
        this.itemsField = itemsField;
        this.nextLinkField = nextLinkField;
        this.otherItemsField = otherItemsField;
        this.otherNextLinkField = otherNextLinkField;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    String base() {
        return endpoint.toString();
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public JobPage readPage(byte[] body) throws IOException {
        JsonNode page = MAPPER.readTree(body);
        JsonNode items = page == null ? null : page.has(itemsField) ? page.get(itemsField) : page.get(otherItemsField);
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("The job list page has no '" + itemsField + "' array");
        }
        List<AvatarSynthesisJob> jobs = new ArrayList<>(items.size());
        List<String> unreadable = new ArrayList<>(0);
        for (JsonNode item : items) {
            try {
                jobs.add(toJob(item));
            } catch (IllegalArgumentException e) {
                unreadable.add(e.getMessage());
            }
        }
        String link = text(page, nextLinkField);
        return new JobPage(jobs, nextLink(link != null ? link : text(page, otherNextLinkField)), unreadable);
    }

    private URI nextLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            // a relative link is resolved against the endpoint, so it can never point elsewhere by accident
            return endpoint.resolve(link);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The job list page has an unreadable next link", e);
        }
    }

    @Override
    public AvatarSynthesisJob readJob(byte[] body) throws IOException {
        return toJob(MAPPER.readTree(body));
    }

    /**
     * The model of a job, every field Azure sent kept on it.
     *
     * @throws IllegalArgumentException when the id or status is missing, or a field is unreadable (a bad date, say)
     */
    private AvatarSynthesisJob toJob(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A listed job is not a JSON object");
        }
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A listed job has no id");
        }
        try {
            String status = text(node, "status");
            if (status == null) {
                throw new IllegalArgumentException("it has no status");
            }
            JsonNode properties = node.path("properties");
            AvatarSynthesisJob.Builder job = AvatarSynthesisJob.builder()
                    .id(id)
                    .status(JobStatus.fromAzure(status))
                    .description(text(node, "description"))
                    .createdDateTime(AzureDates.parse(text(node, "createdDateTime")))
                    .lastActionDateTime(AzureDates.parse(text(node, "lastActionDateTime")))
                    .resultUrl(text(node.path("outputs"), "result"))
                    .summaryUrl(text(node.path("outputs"), "summary"))
                    .billingDetails(billing(properties.get("billingDetails")))
                    .json((ObjectNode) node);
            readDialectFields(node, properties, job);
            // the error's place differs between the generations: properties first, as 3.1-preview1 documents it
            JsonNode error = properties.has("error") ? properties.get("error") : node.get("error");
            if (error != null && error.isObject()) {
                job.error(new AvatarSynthesisError(text(error, "code"), text(error, "message")));
            }
            return job.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Job " + id + ": " + e.getMessage(), e);
        }
    }

    /** The fields whose name or place differs between the generations. */
    abstract void readDialectFields(JsonNode job, JsonNode properties, AvatarSynthesisJob.Builder builder);

    private static Map<String, Long> billing(JsonNode billing) {
        if (billing == null || !billing.isObject()) {
            return null;
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        billing.fields().forEachRemaining(field -> quantities.put(field.getKey(), field.getValue().asLong(0)));
        return quantities;
    }

    @Override
    public AvatarSynthesisError readError(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode error = body.has("error") ? body.get("error") : body;
        if (error.has("code") || error.has("message")) {
            JsonNode inner = error.has("innererror") ? error.get("innererror") : error.get("innerError");
            String message = text(error, "message");
            if (inner != null && inner.has("message") && !inner.path("message").asText().equals(message)) {
                message = message + " (" + text(inner, "message") + ")";
            }
            return new AvatarSynthesisError(text(error, "code"), message);
        }
        // ASP.NET validation problem details, seen on 3.1-preview1
        if (body.has("title")) {
            String message = text(body, "title");
            if (body.has("errors")) {
                message = message + " " + body.get("errors");
            }
            return new AvatarSynthesisError("ValidationError", message);
        }
        return null;
    }

    /** A field as text: absent or null gives null, an object or array the empty string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isContainerNode() ? "" : value.asText();
    }

    /** A count or size: null when absent or not a number (a boolean, an object...). */
    static Long longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() && !value.isTextual()) {
            return null;
        }
        try {
            return Long.valueOf(value.asText());
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(value.asText());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }

    static Integer intValue(JsonNode node, String field) {
        Long value = longValue(node, field);
        return value == null ? null : value.intValue();
    }

    static Duration isoDuration(String text) {
        try {
            return text == null || text.isBlank() ? null : Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unreadable duration '" + text + "'", e);
        }
    }
}
