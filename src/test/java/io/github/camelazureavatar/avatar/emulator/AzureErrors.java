package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Error bodies in the shape each Azure layer uses (gateway, A, B, blob storage). */
final class AzureErrors {

    static final String GATEWAY_401_MESSAGE = "Access denied due to invalid subscription key or wrong API endpoint. "
            + "Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";

    static final String AUTHENTICATION_FAILED = "Server failed to authenticate the request. Make sure the value of "
            + "Authorization header is formed correctly including the signature.";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AzureErrors() {
    }

    /** API Management answers this before the request reaches the service; same for A and B. */
    static EmulatorResponse gateway401() {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("error").put("code", "401").put("message", GATEWAY_401_MESSAGE);
        return EmulatorResponse.json(401, root.toString());
    }

    /** A: flat {@code {"code","message","innerError"}}. */
    static EmulatorResponse preview(int status, String code, String message, String innerCode, String innerMessage) {
        ObjectNode root = MAPPER.createObjectNode().put("code", code).put("message", message);
        if (innerCode != null) {
            root.putObject("innerError").put("code", innerCode).put("message", innerMessage != null ? innerMessage : message);
        }
        return EmulatorResponse.json(status, root.toString());
    }

    /** B: {@code {"error":{"code","message",innererror?}}} plus {@code x-ms-error-code}. */
    static EmulatorResponse batch(int status, String code, String message, String innerCode) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error").put("code", code).put("message", message);
        if (innerCode != null) {
            error.putObject("innererror").put("code", innerCode).put("message", message);
        }
        return EmulatorResponse.json(status, root.toString()).header("x-ms-error-code", code);
    }

    /**
     * A create Azure refuses: B {@code BadRequest} with the rule in {@code innererror.code}; A
     * {@code InvalidRequest} with it in {@code innerError.code}, or, for the destination container,
     * the ASP.NET validation problem Azure documents for 3.1-preview1.
     */
    static EmulatorResponse invalid(Dialect dialect, ValidationException e) {
        if (dialect == Dialect.BATCH) {
            return batch(400, "BadRequest", e.getMessage(), e.innerCode());
        }
        if (e.problemField() != null) {
            ObjectNode root = MAPPER.createObjectNode();
            root.putObject("errors").putArray(e.problemField()).add(e.getMessage());
            root.put("type", "https://tools.ietf.org/html/rfc7231#section-6.5.1")
                    .put("title", "One or more validation errors occurred.").put("status", 400)
                    .put("traceId", "00-" + UUID.randomUUID().toString().replace("-", "") + "-0000000000000000-00");
            return EmulatorResponse.bytes(400, "application/problem+json; charset=utf-8",
                    root.toString().getBytes(StandardCharsets.UTF_8));
        }
        return preview(400, "InvalidRequest", e.getMessage(), e.innerCode(), e.getMessage());
    }

    /** The quota's 429, in the dialect of the path hit; the wait in whole seconds of real time. */
    static EmulatorResponse tooManyRequests(Dialect dialect, long seconds) {
        String message = "Rate limit is exceeded. Try again in " + seconds + " seconds.";
        return dialect == Dialect.PREVIEW ? preview(429, "TooManyRequests", message, null, null)
                : batch(429, "TooManyRequests", message, null);
    }

    /** Azure-shaped error for an injected fault, in the dialect of the path hit. */
    static EmulatorResponse forStatus(Dialect dialect, int status) {
        String code = codeFor(status);
        String message = messageFor(status);
        if (dialect == Dialect.PREVIEW) {
            String inner = status >= 500 ? "UnexpectedError" : null;
            return preview(status, code, message, inner, inner != null ? message : null);
        }
        return batch(status, code, message, null);
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 408 -> "RequestTimeout";
            case 409 -> "Conflict";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalServerError";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> status >= 500 ? "InternalServerError" : "BadRequest";
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 429 -> "Rate limit is exceeded. Try again later.";
            case 500 -> "Could not complete request, because an unhandled exception was thrown at the server.";
            case 503 -> "The service is temporarily unavailable. Please retry later.";
            default -> "The request failed with status " + status + " (injected by the emulator).";
        };
    }

    /** Azure Storage's XML error. */
    static EmulatorResponse blob(int status, String code, String message, String detail) {
        String requestId = UUID.randomUUID().toString();
        String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "\nRequestId:" + requestId + "\nTime:" + AzureDates.BATCH.format(Instant.now()) + "</Message>"
                + (detail != null ? "<AuthenticationErrorDetail>" + detail + "</AuthenticationErrorDetail>" : "")
                + "</Error>";
        return EmulatorResponse.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8))
                .header("x-ms-error-code", code)
                .header("x-ms-request-id", requestId);
    }

    static EmulatorResponse blob(SasSigner.Refusal refusal) {
        return blob(refusal.status(), refusal.code(), refusal.message(), refusal.detail());
    }

    static EmulatorResponse blobNotFound() {
        return blob(404, "BlobNotFound", "The specified blob does not exist.", null);
    }
}
