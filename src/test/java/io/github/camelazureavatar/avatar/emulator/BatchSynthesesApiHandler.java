package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.UUID;

/**
 * Generation B, {@code 2024-04-15-preview} and {@code 2024-08-01}: PUT creates with the
 * client's id, {@code skip}/{@code maxpagesize} paging into {@code value}/{@code nextLink},
 * {@code {"error":{...}}} errors with {@code x-ms-error-code}, and the operations endpoint.
 */
final class BatchSynthesesApiHandler {

    static final Set<String> API_VERSIONS = Set.of("2024-04-15-preview", "2024-08-01");
    static final String COLLECTION = "/avatar/batchsyntheses";
    static final String OPERATIONS = "/avatar/operations";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceContext ctx;

    BatchSynthesesApiHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    static boolean handles(String path) {
        return path.startsWith("/avatar/");
    }

    EmulatorResponse handle(ApiRequest r) {
        String path = r.path();
        String apiVersion = r.param("api-version");
        if (apiVersion == null || apiVersion.isEmpty()) {
            return AzureErrors.batch(400, "ApiVersionUnspecified", "An API version is required, but was not specified.", null);
        }
        if (!API_VERSIONS.contains(apiVersion)) {
            return AzureErrors.batch(400, "UnsupportedApiVersion", "The HTTP resource that matches the request URI '"
                    + r.origin() + path + "' does not support the API version '" + apiVersion + "'.", null);
        }
        if (path.equals(COLLECTION) || path.equals(COLLECTION + "/")) {
            return "GET".equals(r.method()) ? list(r, apiVersion) : methodNotAllowed(r);
        }
        String id = child(path, COLLECTION);
        if (id != null) {
            return switch (r.method()) {
                case "GET" -> get(id);
                case "PUT" -> create(r, id, apiVersion);
                case "DELETE" -> delete(id);
                default -> methodNotAllowed(r);
            };
        }
        String operationId = child(path, OPERATIONS);
        if (operationId != null) {
            return "GET".equals(r.method()) ? operation(operationId) : methodNotAllowed(r);
        }
        return AzureErrors.batch(404, "NotFound", "Resource not found.", null);
    }

    private static String child(String path, String parent) {
        if (!path.startsWith(parent + "/")) {
            return null;
        }
        String rest = path.substring(parent.length() + 1);
        return rest.isEmpty() || rest.contains("/") ? null : rest;
    }

    private EmulatorResponse list(ApiRequest r, String apiVersion) {
        int skip;
        int pageSize;
        try {
            skip = PreviewApiHandler.intParam(r.param("skip"), 0);
            pageSize = PreviewApiHandler.intParam(r.param("maxpagesize"), ListPager.DEFAULT_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return badRequest("The skip and maxpagesize parameters must be integers.");
        }
        if (skip < 0) {
            return badRequest("The skip parameter must not be negative.");
        }
        if (pageSize < 1 || pageSize > ListPager.MAX_PAGE_SIZE) {
            return badRequest("The maxpagesize parameter must be between 1 and " + ListPager.MAX_PAGE_SIZE + ".");
        }
        // Same shape as Azure's own next links: trailing slash, maxpagesize before skip.
        return ListPager.page(ctx, Dialect.BATCH, r.origin(), skip, pageSize, "value", "nextLink",
                (origin, s, t) -> origin + COLLECTION + "/?maxpagesize=" + t + "&skip=" + s + "&api-version=" + apiVersion);
    }

    private EmulatorResponse create(ApiRequest r, String id, String apiVersion) {
        if (!CreateRequestParser.ID_PATTERN.matcher(id).matches()) {
            return badRequest("The id '" + id + "' is invalid: it must be 3 to 64 letters, digits, '.', '_' or '-', "
                    + "starting and ending with a letter or digit.");
        }
        String operationId = r.header("Operation-Id");
        if (operationId != null && !CreateRequestParser.ID_PATTERN.matcher(operationId).matches()) {
            return badRequest("The Operation-Id header '" + operationId + "' is invalid.");
        }
        EmulatorResponse refused = Gateway.checkJsonContentType(r, Dialect.BATCH);
        if (refused != null) {
            return refused;
        }
        JobDraft draft;
        try {
            draft = ctx.parser().parseBatch(id, r.body());
        } catch (ValidationException e) {
            return AzureErrors.invalid(Dialect.BATCH, e);
        }
        draft.operationId = operationId != null ? operationId : UUID.randomUUID().toString();
        EmulatedJob job = ctx.factory().fresh(draft);
        switch (ctx.store().add(job, ctx.maxActiveJobs())) {
            case DUPLICATE_ID:
                return badRequest("A batch synthesis with id '" + id + "' already exists.");
            case OPERATION_ID_REUSED:
                return badRequest("The Operation-Id '" + operationId + "' has already been used with a different request.");
            case TOO_MANY_ACTIVE:
                return badRequest("The number of active batch syntheses must not exceed " + ctx.maxActiveJobs() + ".");
            case REPLAYED:
                // the swagger fails a reused Operation-Id only for a different request: an identical retry is answered
                job = ctx.store().get(id);
                if (job == null) {
                    return notFound(id);
                }
                break;
            default:
                break;
        }
        return EmulatorResponse.json(201, ctx.json().render(job, Dialect.BATCH, ctx.clock().now()))
                .header("Operation-Id", draft.operationId)
                .header("Operation-Location", r.origin() + OPERATIONS + "/" + draft.operationId + "?api-version=" + apiVersion);
    }

    private EmulatorResponse get(String id) {
        EmulatedJob job = ctx.store().get(id);
        if (job == null) {
            return notFound(id);
        }
        return EmulatorResponse.json(200, ctx.json().render(job, Dialect.BATCH, ctx.clock().now()));
    }

    private EmulatorResponse delete(String id) {
        EmulatedJob job = ctx.store().get(id);
        if (job == null) {
            return notFound(id);
        }
        JobStatus status = job.statusAt(ctx.clock().now());
        if (!status.isFinished()) {
            return badRequest("The batch synthesis '" + id + "' cannot be deleted while its status is " + status.wireName() + ".");
        }
        ctx.store().remove(id);
        return EmulatorResponse.empty(204);
    }

    private EmulatorResponse operation(String operationId) {
        JobStore.Operation op = ctx.store().operation(operationId);
        EmulatedJob job = op == null ? null : ctx.store().get(op.jobId());
        if (job == null) {
            return AzureErrors.batch(404, "NotFound", "Could not find operation '" + operationId + "'.", null);
        }
        String body = MAPPER.createObjectNode().put("id", operationId)
                .put("status", job.statusAt(ctx.clock().now()).wireName()).toString();
        return EmulatorResponse.json(200, body);
    }

    private static EmulatorResponse notFound(String id) {
        return AzureErrors.batch(404, "NotFound", "Could not find batch synthesis '" + id + "'.", null);
    }

    private static EmulatorResponse badRequest(String message) {
        return AzureErrors.batch(400, "BadRequest", message, null);
    }

    private static EmulatorResponse methodNotAllowed(ApiRequest r) {
        return AzureErrors.batch(405, "MethodNotAllowed", "The method " + r.method() + " is not allowed on this resource.", null);
    }
}
