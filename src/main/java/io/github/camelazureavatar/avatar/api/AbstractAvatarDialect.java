package io.github.camelazureavatar.avatar.api;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelazureavatar.avatar.model.AvatarJobIds;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisError;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;

/**
 * The reading both generations share, on Jackson's tree. Azure is read tolerantly where the generations differ: the
 * documented field name first, the other generation's name as a fallback, since samples and previews mix them up. A
 * field the model reads that has the wrong type or is out of range makes its job unreadable, that job alone.
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

    /** A job id as a path segment, checked: only Azure's id pattern may reach a URL ("..", "/", "?" never do). */
    static String segment(String jobId) {
        return AvatarJobIds.requireValid(jobId, "job id");
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
        JsonNode idNode = node.get("id");
        String id = idNode == null || !idNode.isTextual() ? null : idNode.textValue();
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A listed job has no id");
        }
        if (!AvatarJobIds.PATTERN.matcher(id).matches()) {
            // it would reach file names, URL paths and log lines
            throw new IllegalArgumentException("A listed job has an id that breaks Azure's id pattern: '"
                                               + AvatarJobIds.printable(id) + "'");
        }
        try {
            String status = text(node, "status");
            if (status == null) {
                throw new IllegalArgumentException("it has no status");
            }
            JsonNode properties = object(node.path("properties"), "properties");
            AvatarSynthesisJob.Builder job = AvatarSynthesisJob.builder()
                    .id(id)
                    .status(JobStatus.fromAzure(status))
                    .description(text(node, "description"))
                    .createdDateTime(AzureDates.parse(text(node, "createdDateTime")))
                    .lastActionDateTime(AzureDates.parse(text(node, "lastActionDateTime")))
                    .resultUrl(text(object(node.path("outputs"), "outputs"), "result"))
                    .summaryUrl(text(object(node.path("outputs"), "outputs"), "summary"))
                    .billingDetails(billing(properties.get("billingDetails")))
                    .json((ObjectNode) node);
            readDialectFields(node, properties, job);
            // the error's place differs between the generations: properties first, as 3.1-preview1 documents it
            JsonNode error = object(properties.has("error") ? properties.path("error") : node.path("error"), "error");
            if (!error.isMissingNode()) {
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
        if (billing == null || billing.isNull()) {
            return null;
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        object(billing, "billingDetails").fieldNames()
                .forEachRemaining(name -> quantities.put(name, longValue(billing, name)));
        return quantities;
    }

    @Override
    public AvatarSynthesisError readError(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode error = body.has("error") ? body.get("error") : body;
        if (error.has("code") || error.has("message")) {
            JsonNode inner = error.has("innererror") ? error.get("innererror") : error.path("innerError");
            String message = error.path("message").asText(null);
            String innerMessage = inner.path("message").asText(null);
            if (innerMessage != null && !innerMessage.equals(message)) {
                message = message + " (" + innerMessage + ")";
            }
            return new AvatarSynthesisError(error.path("code").asText(null), message);
        }
        // ASP.NET validation problem details, seen on 3.1-preview1
        if (body.has("title")) {
            String message = body.path("title").asText();
            if (body.has("errors")) {
                message = message + " " + body.get("errors");
            }
            return new AvatarSynthesisError("ValidationError", message);
        }
        return null;
    }

    /** An object, or the missing node when absent or null; anything else makes the job unreadable. */
    static JsonNode object(JsonNode value, String field) {
        if (value.isMissingNode() || value.isNull()) {
            return MissingNode.getInstance();
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(field + " is not an object");
        }
        return value;
    }

    /** A text field: null when absent or null; anything but text makes the job unreadable. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return value.textValue();
    }

    /** A count or size: null when absent or null; anything but a whole number within range makes the job unreadable. */
    static Long longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is not a whole number within range");
        }
        return value.longValue();
    }

    static Integer intValue(JsonNode node, String field) {
        Long value = longValue(node, field);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(field + " is out of range");
        }
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
