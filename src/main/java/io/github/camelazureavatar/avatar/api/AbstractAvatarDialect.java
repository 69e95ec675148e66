package io.github.camelazureavatar.avatar.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisError;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;

/**
 * The parsing both generations share. Azure is read tolerantly: the documented field name first, the other
 * generation's name as a fallback, since samples and previews mix them up.
 */
abstract class AbstractAvatarDialect implements AvatarApiDialect {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String NOT_AN_OBJECT = "A listed job is not a JSON object";

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
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw noItems();
            }
            PageItems items = null;
            PageItems otherItems = null;
            boolean itemsNamed = false;
            String link = null;
            String otherLink = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken value = p.nextToken();
                if (name.equals(itemsField)) {
                    itemsNamed = true;
                    items = value == JsonToken.START_ARRAY ? readItems(p, body) : skip(p);
                } else if (name.equals(otherItemsField)) {
                    otherItems = value == JsonToken.START_ARRAY ? readItems(p, body) : skip(p);
                } else if (name.equals(nextLinkField)) {
                    link = JobFields.text(p);
                } else if (name.equals(otherNextLinkField)) {
                    otherLink = JobFields.text(p);
                } else {
                    p.skipChildren();
                }
            }
            PageItems listed = itemsNamed ? items : otherItems;
            if (listed == null) {
                throw noItems();
            }
            return new JobPage(listed.jobs, nextLink(link != null ? link : otherLink), listed.rejected);
        }
    }

    private record PageItems(List<AvatarSynthesisJob> jobs, List<String> rejected) {
    }

    private IllegalArgumentException noItems() {
        return new IllegalArgumentException("The job list page has no '" + itemsField + "' array");
    }

    private static PageItems skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** Each job is kept with its own copy of the bytes Azure sent for it, not the page's: a page is 100 jobs. */
    private PageItems readItems(JsonParser p, byte[] body) throws IOException {
        List<AvatarSynthesisJob> jobs = new ArrayList<>(100);
        List<String> rejected = new ArrayList<>(0);
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token != JsonToken.START_OBJECT) {
                p.skipChildren();
                rejected.add(NOT_AN_OBJECT);
                continue;
            }
            int start = (int) p.currentTokenLocation().getByteOffset();
            JobFields fields = JobFields.read(p);
            int end = (int) p.currentLocation().getByteOffset();
            try {
                jobs.add(toJob(fields, Arrays.copyOfRange(body, start, end)));
            } catch (IllegalArgumentException e) {
                rejected.add(e.getMessage());
            }
        }
        return new PageItems(jobs, rejected);
    }

    @Override
    public URI trailingNextLink(byte[] body) {
        // Azure writes the next link after the array: the page ends  ,"nextLink":"https://..."}  which is found from
        // the end without reading the 100 jobs before it
        int end = lastNonSpace(body, body.length - 1);
        if (end < 0 || body[end] != '}') {
            return null;
        }
        int close = lastNonSpace(body, end - 1);
        if (close < 0 || body[close] != '"') {
            return null;
        }
        int open = close - 1;
        while (open >= 0 && !(body[open] == '"' && !escaped(body, open))) {
            open--;
        }
        int colon = lastNonSpace(body, open - 1);
        if (open < 0 || colon < 0 || body[colon] != ':') {
            return null;
        }
        int keyClose = lastNonSpace(body, colon - 1);
        if (keyClose < 0 || body[keyClose] != '"') {
            return null;
        }
        int keyOpen = keyClose - 1;
        while (keyOpen >= 0 && body[keyOpen] != '"') {
            keyOpen--;
        }
        int before = lastNonSpace(body, keyOpen - 1);
        if (keyOpen < 0 || before < 0 || body[before] != ',' && body[before] != '{') {
            return null;
        }
        String key = new String(body, keyOpen + 1, keyClose - keyOpen - 1, StandardCharsets.UTF_8);
        if (!key.equals(nextLinkField) && !key.equals(otherNextLinkField)) {
            return null;
        }
        try (JsonParser p = JSON.createParser(body, open, close - open + 1)) {
            p.nextToken();
            return nextLink(p.getText());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int lastNonSpace(byte[] body, int from) {
        int at = from;
        while (at >= 0 && (body[at] == ' ' || body[at] == '\n' || body[at] == '\r' || body[at] == '\t')) {
            at--;
        }
        return at;
    }

    /** Whether the quote at {@code at} is escaped: an odd number of backslashes before it. */
    private static boolean escaped(byte[] body, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && body[i] == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
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
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(NOT_AN_OBJECT);
            }
            return toJob(JobFields.read(p), body);
        }
    }

    /**
     * The model of a job whose fields were read.
     *
     * @param  json                     the bytes Azure sent for this job, kept whole
     * @throws IllegalArgumentException when the id or status is missing, or a field is unreadable (a bad date, say)
     */
    private AvatarSynthesisJob toJob(JobFields fields, byte[] json) {
        String id = fields.id;
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A listed job has no id");
        }
        if (fields.status == null) {
            throw new IllegalArgumentException("Job " + id + " has no status");
        }
        try {
            AvatarSynthesisJob.Builder job = AvatarSynthesisJob.builder()
                    .id(id)
                    .status(JobStatus.fromAzure(fields.status))
                    .description(fields.description)
                    .createdDateTime(AzureDates.parse(fields.createdDateTime))
                    .lastActionDateTime(AzureDates.parse(fields.lastActionDateTime))
                    .resultUrl(fields.result)
                    .summaryUrl(fields.summary)
                    .billingDetails(fields.billingDetails)
                    .json(json);
            readDialectFields(fields, job);
            // the error's place differs between the generations: properties first, as 3.1-preview1 documents it
            JobFields.ErrorFields error = fields.propertiesError != null ? fields.propertiesError : fields.topLevelError;
            if (error != null && error != JobFields.ErrorFields.NOT_AN_OBJECT) {
                job.error(new AvatarSynthesisError(error.code(), error.message()));
            }
            return job.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Job " + id + ": " + e.getMessage(), e);
        }
    }

    /** The fields whose name or place differs between the generations. */
    abstract void readDialectFields(JobFields fields, AvatarSynthesisJob.Builder job);

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

    /** A count or size: null when absent or unreadable. */
    static Long longValue(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }

    static Integer intValue(String text) {
        Long value = longValue(text);
        return value == null ? null : value.intValue();
    }

    static Duration isoDuration(String text) {
        try {
            return text == null ? null : Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unreadable duration '" + text + "'", e);
        }
    }
}
