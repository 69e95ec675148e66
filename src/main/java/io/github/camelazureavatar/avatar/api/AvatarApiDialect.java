package io.github.camelazureavatar.avatar.api;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.camelazureavatar.avatar.model.AvatarJobIds;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisError;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * What differs between the API generations. 3.1-preview1: the version in the path, Azure makes the id on POST, lists
 * answer {@code {values, @nextLink}} and page with {@code skip}/{@code top}. 2024: {@code api-version} on every request,
 * the client chooses the id and creates by PUT, lists answer {@code {value, nextLink}} and page with
 * {@code skip}/{@code maxpagesize}. The other generation's names are read as a fallback (samples mix them up).
 *
 * @param endpoint scheme, host and port that every request carrying credentials must go to
 */
public record AvatarApiDialect(AvatarApiVersion version, URI endpoint) {

    /** The component's one JSON mapper; strict on types, so a job field of the wrong type makes that job unreadable. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final String PREVIEW_PATH = "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar";
    private static final String PATH = "/avatar/batchsyntheses";

    private boolean preview() {
        return version == AvatarApiVersion.V3_1_PREVIEW1;
    }

    public URI listUri(int skip, int pageSize) {
        return URI.create(endpoint + (preview() ? PREVIEW_PATH + "?skip=" + skip + "&top=" + pageSize
                : PATH + "?api-version=" + version.value() + "&skip=" + skip + "&maxpagesize=" + pageSize));
    }

    /** A job's URI; only Azure's id pattern may reach a URL ("..", "/", "?" never do). */
    public URI jobUri(String jobId) {
        String path = (preview() ? PREVIEW_PATH : PATH) + "/" + AvatarJobIds.requireValid(jobId, "job id");
        return URI.create(endpoint + path + (preview() ? "" : "?api-version=" + version.value()));
    }

    /** Where a create goes; {@code jobId} is ignored where Azure makes the id. */
    public URI createUri(String jobId) {
        return preview() ? URI.create(endpoint + PREVIEW_PATH) : jobUri(jobId);
    }

    public String createMethod() {
        return preview() ? "POST" : "PUT";
    }

    /** Whether the client chooses the job id (and so must send one); only then are there Operation-Ids. */
    public boolean clientChoosesId() {
        return !preview();
    }

    /**
     * @throws IOException              when the page is not well-formed JSON (truncated, say)
     * @throws IllegalArgumentException when it is no job list page; an unreadable job is only listed as
     *                                  {@linkplain JobPage#unreadable() unreadable}
     */
    public JobPage readPage(byte[] body) throws IOException {
        JsonNode page = MAPPER.readTree(body);
        String itemsField = preview() ? "values" : "value";
        JsonNode items = page == null ? null
                : page.has(itemsField) ? page.get(itemsField) : page.get(preview() ? "value" : "values");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("The job list page has no '" + itemsField + "' array");
        }
        List<AvatarSynthesisJob> jobs = new ArrayList<>(items.size());
        List<String> unreadable = new ArrayList<>(0);
        for (JsonNode item : items) {
            try {
                jobs.add(AvatarSynthesisJob.of(item));
            } catch (IllegalArgumentException e) {
                unreadable.add(e.getMessage());
            }
        }
        JsonNode link = page.has("@nextLink") ? page.get("@nextLink") : page.path("nextLink");
        if (!link.isNull() && !link.isMissingNode() && !link.isTextual()) {
            throw new IllegalArgumentException("The job list page has a next link that is not text");
        }
        try {
            // a relative link is resolved against the endpoint, so it can never point elsewhere by accident
            return new JobPage(jobs, link.asText("").isBlank() ? null : endpoint.resolve(link.asText()), unreadable);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The job list page has an unreadable next link", e);
        }
    }

    /** One job (a get or create answer); an IOException when it is not well-formed JSON. */
    public AvatarSynthesisJob readJob(byte[] body) throws IOException {
        return AvatarSynthesisJob.of(MAPPER.readTree(body));
    }

    /** Azure's error from an error body of any shape, or null; an inner error's code and message join the message. */
    public AvatarSynthesisError readError(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode error = body.has("error") ? body.get("error") : body;
        if (error.has("code") || error.has("message")) {
            JsonNode inner = error.has("innererror") ? error.get("innererror") : error.path("innerError");
            String message = error.path("message").asText(null);
            String innerMessage = inner.path("message").asText(null);
            String rule = Stream.of(inner.path("code").asText(null), Objects.equals(innerMessage, message) ? null : innerMessage)
                    .filter(Objects::nonNull).collect(Collectors.joining(": "));
            message = rule.isEmpty() ? message : message + " (" + rule + ")";
            return new AvatarSynthesisError(error.path("code").asText(null), message);
        }
        // ASP.NET validation problem details, seen on 3.1-preview1
        return body.has("title") ? new AvatarSynthesisError("ValidationError",
                body.path("title").asText() + (body.has("errors") ? " " + body.get("errors") : "")) : null;
    }
}
