package io.github.camelazureavatar.avatar.api;

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
 * The parsing both generations share. Azure is read tolerantly: the documented field name first, the other
 * generation's name as a fallback, since samples and previews mix them up.
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
    public JobPage readPage(JsonNode body) {
        JsonNode items = body == null ? null : body.has(itemsField) ? body.get(itemsField) : body.get(otherItemsField);
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("The job list page has no '" + itemsField + "' array");
        }
        List<ListedJob> jobs = new ArrayList<>(items.size());
        List<String> rejected = new ArrayList<>(0);
        for (JsonNode item : items) {
            try {
                jobs.add(readListed(item));
            } catch (RuntimeException e) {
                rejected.add(e.getMessage());
            }
        }
        return new JobPage(jobs, nextLink(body), rejected);
    }

    private URI nextLink(JsonNode body) {
        String link = text(body, nextLinkField);
        if (link == null) {
            link = text(body, otherNextLinkField);
        }
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

    /** Id and status only: what a consumer needs to tell whether the job is news. */
    private ListedJob readListed(JsonNode node) {
        String id = id(node);
        return new ListedJob(this, (ObjectNode) node, id, status(node, id));
    }

    private static String id(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A listed job is not a JSON object");
        }
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A listed job has no id");
        }
        return id;
    }

    private static JobStatus status(JsonNode node, String id) {
        String status = text(node, "status");
        if (status == null) {
            throw new IllegalArgumentException("Job " + id + " has no status");
        }
        try {
            return JobStatus.fromAzure(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Job " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AvatarSynthesisJob readJob(JsonNode node) {
        String id = id(node);
        return readJob(node, id, status(node, id));
    }

    /** The whole job, its id and status already read (by the list page). */
    AvatarSynthesisJob readJob(JsonNode node, String id, JobStatus status) {
        try {
            AvatarSynthesisJob.Builder job = AvatarSynthesisJob.builder()
                    .id(id)
                    .status(status)
                    .description(text(node, "description"))
                    .createdDateTime(AzureDates.parse(text(node, "createdDateTime")))
                    .lastActionDateTime(AzureDates.parse(text(node, "lastActionDateTime")))
                    .resultUrl(text(node.path("outputs"), "result"))
                    .summaryUrl(text(node.path("outputs"), "summary"))
                    .json((ObjectNode) node);
            readDialectFields(node, job);
            JsonNode error = node.path("properties").path("error");
            if (error.isMissingNode()) {
                error = node.path("error");
            }
            if (error.isObject()) {
                job.error(new AvatarSynthesisError(text(error, "code"), text(error, "message")));
            }
            return job.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Job " + id + ": " + e.getMessage(), e);
        }
    }

    /** The fields whose name or place differs between the generations. */
    abstract void readDialectFields(JsonNode node, AvatarSynthesisJob.Builder job);

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

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Long longValue(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToLong() && !value.isTextual() ? null : Long.valueOf(value.asLong());
    }

    static Integer intValue(JsonNode node, String field) {
        Long value = longValue(node, field);
        return value == null ? null : value.intValue();
    }

    static Map<String, Long> billing(JsonNode billing) {
        if (!billing.isObject()) {
            return null;
        }
        Map<String, Long> result = new LinkedHashMap<>();
        billing.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asLong()));
        return result;
    }

    static Duration isoDuration(String text) {
        try {
            return text == null ? null : Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unreadable duration '" + text + "'", e);
        }
    }
}
