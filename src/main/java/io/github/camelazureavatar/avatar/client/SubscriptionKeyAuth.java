package io.github.camelazureavatar.avatar.client;

import org.apache.hc.core5.http.HttpRequest;

/** The Speech resource key, sent as {@code Ocp-Apim-Subscription-Key}; equal keys share one client per resource. */
public record SubscriptionKeyAuth(String key) implements AzureAvatarAuth {

    @Override
    public void authenticate(HttpRequest request) {
        request.setHeader("Ocp-Apim-Subscription-Key", key);
    }

    @Override
    public String describe() {
        return "subscription key";
    }

    @Override
    public String toString() {
        return "SubscriptionKeyAuth[xxxxxx]";
    }
}
