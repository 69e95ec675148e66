package io.github.camelazureavatar.avatar.emulator;

import java.util.Locale;
import java.util.UUID;

/**
 * Generation A, {@code 3.1-preview1}: POST creates with a server GUID, {@code skip}/{@code top}
 * paging into {@code values}/{@code @nextLink}, flat {@code {code,message,innerError}} errors.
 */
final class PreviewApiHandler {

    static final String PATH_PREFIX = "/api/texttospeech/3.1-preview1/";
    static final String BASE = "/api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar";

    private final ServiceContext ctx;

    PreviewApiHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    static boolean handles(String path) {
        return path.startsWith(PATH_PREFIX);
    }

    EmulatorResponse handle(ApiRequest r) {
        String path = r.path();
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            return switch (r.method()) {
                case "GET" -> list(r);
                case "POST" -> create(r);
                default -> methodNotAllowed(r);
            };
        }
        if (path.startsWith(BASE + "/") && path.indexOf('/', BASE.length() + 1) < 0) {
            String id = path.substring(BASE.length() + 1);
            return switch (r.method()) {
                case "GET" -> get(id);
                case "DELETE" -> delete(id);
                default -> methodNotAllowed(r);
            };
        }
        return AzureErrors.preview(404, "NotFound", "Resource not found.", null, null);
    }

    private EmulatorResponse list(ApiRequest r) {
        int skip;
        int top;
        try {
            skip = intParam(r.param("skip"), 0);
            top = intParam(r.param("top"), ListPager.DEFAULT_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return invalid("InvalidParameter", "The skip and top parameters must be integers.");
        }
        if (skip < 0) {
            return invalid("InvalidParameter", "The skip parameter should not be negative.");
        }
        if (top > ListPager.MAX_PAGE_SIZE) {
            return invalid("InvalidParameter", "The top parameter should not be greater than 100.");
        }
        if (top < 1) {
            return invalid("InvalidParameter", "The top parameter should be greater than 0.");
        }
        return ListPager.page(ctx, Dialect.PREVIEW, r.origin(), skip, top, "values", "@nextLink",
                (origin, s, t) -> origin + BASE + "?skip=" + s + "&top=" + t);
    }

    private EmulatorResponse create(ApiRequest r) {
        EmulatorResponse refused = Gateway.checkJsonContentType(r, Dialect.PREVIEW);
        if (refused != null) {
            return refused;
        }
        JobDraft draft;
        try {
            draft = ctx.parser().parsePreview(r.body());
        } catch (ValidationException e) {
            return AzureErrors.invalid(Dialect.PREVIEW, e);
        }
        draft.id = UUID.randomUUID().toString();
        draft.internalId = draft.id;
        EmulatedJob job = ctx.factory().fresh(draft);
        JobStore.AddResult result = ctx.store().add(job, ctx.maxActiveJobs());
        if (result == JobStore.AddResult.TOO_MANY_ACTIVE) {
            return invalid("TooManyActiveJobs", "The number of active batch syntheses must not exceed "
                    + ctx.maxActiveJobs() + ". Wait for running jobs to finish.");
        }
        return EmulatorResponse.json(201, ctx.json().render(job, Dialect.PREVIEW, ctx.clock().now()));
    }

    private EmulatorResponse get(String id) {
        EmulatedJob job = ctx.store().get(id);
        if (job == null) {
            return AzureErrors.preview(404, "NotFound", "The specified entity cannot be found.", null, null);
        }
        return EmulatorResponse.json(200, ctx.json().render(job, Dialect.PREVIEW, ctx.clock().now()));
    }

    private EmulatorResponse delete(String id) {
        EmulatedJob job = ctx.store().get(id);
        if (job == null) {
            return EmulatorResponse.empty(204);
        }
        JobStatus status = job.statusAt(ctx.clock().now());
        if (!status.isFinished()) {
            return invalid("InvalidJobStatus", "The batch synthesis with id '" + id + "' cannot be deleted while its status is "
                    + status.wireName() + ".");
        }
        ctx.store().remove(id);
        return EmulatorResponse.empty(204);
    }

    private static EmulatorResponse invalid(String innerCode, String message) {
        return AzureErrors.preview(400, "InvalidRequest", message, innerCode, message);
    }

    private static EmulatorResponse methodNotAllowed(ApiRequest r) {
        return AzureErrors.preview(405, "MethodNotAllowed",
                "The method " + r.method().toUpperCase(Locale.ROOT) + " is not allowed on this resource.", null, null);
    }

    static int intParam(String value, int fallback) {
        return value == null || value.isEmpty() ? fallback : Integer.parseInt(value.trim());
    }
}
