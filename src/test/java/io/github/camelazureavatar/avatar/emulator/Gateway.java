package io.github.camelazureavatar.avatar.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The API host, playing Azure's front door: authenticates every request (key or accepted
 * bearer token), counts it against the resource's quota, then routes by path to the
 * generation that owns it.
 */
final class Gateway extends FaultingHandler {

    private final Set<String> subscriptionKeys = new HashSet<>();
    private final List<String> receivedKeys = new ArrayList<>();
    private final Set<String> bearerTokens;
    private final boolean anyBearerToken;
    private final Quota quota;
    private final PreviewApiHandler preview;
    private final BatchSynthesesApiHandler batch;

    Gateway(ServiceContext ctx, RequestLog log, String baseUrl, AvatarEmulator.Builder config, Quota quota) {
        super("api", ctx.faults(), log, baseUrl);
        subscriptionKeys.add(config.subscriptionKey());
        subscriptionKeys.addAll(config.otherSubscriptionKeys());
        this.bearerTokens = Set.copyOf(config.bearerTokens());
        this.anyBearerToken = config.acceptsAnyBearerToken();
        this.quota = quota;
        this.preview = new PreviewApiHandler(ctx);
        this.batch = new BatchSynthesesApiHandler(ctx);
    }

    @Override
    EmulatorResponse respond(ApiRequest r) {
        if (!authorised(r)) {
            return AzureErrors.gateway401();
        }
        if (quota == null) {
            return route(r);
        }
        EmulatorResponse refused = quota.admit(dialectOf(r.path()));
        EmulatorResponse response = refused != null ? refused : route(r);
        quota.decorate(response);
        return response;
    }

    private EmulatorResponse route(ApiRequest r) {
        if (PreviewApiHandler.handles(r.path())) {
            return preview.handle(r);
        }
        if (BatchSynthesesApiHandler.handles(r.path())) {
            return batch.handle(r);
        }
        return AzureErrors.batch(404, "404", "Resource not found", null);
    }

    @Override
    Dialect dialectOf(String path) {
        return PreviewApiHandler.handles(path) ? Dialect.PREVIEW : Dialect.BATCH;
    }

    private boolean authorised(ApiRequest r) {
        String key = r.header("Ocp-Apim-Subscription-Key");
        if (key != null) {
            synchronized (receivedKeys) {
                receivedKeys.add(key);
            }
            if (subscriptionKeys.contains(key)) {
                return true;
            }
        }
        String authorization = r.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return anyBearerToken ? !token.isEmpty() : bearerTokens.contains(token);
        }
        return false;
    }

    /** The key of each API request that had one, in order of arrival. */
    List<String> receivedKeys() {
        synchronized (receivedKeys) {
            return List.copyOf(receivedKeys);
        }
    }

    /** Azure answers 415 to a create that is not JSON. */
    static EmulatorResponse checkJsonContentType(ApiRequest r, Dialect dialect) {
        String type = r.header("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
            return null;
        }
        String message = "The Content-Type must be application/json.";
        return dialect == Dialect.PREVIEW
                ? AzureErrors.preview(415, "UnsupportedMediaType", message, null, null)
                : AzureErrors.batch(415, "UnsupportedMediaType", message, null);
    }
}
