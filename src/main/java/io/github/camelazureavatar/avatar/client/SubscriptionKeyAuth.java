package io.github.camelazureavatar.avatar.client;

import org.apache.hc.core5.http.HttpRequest;

/** The Speech resource key, sent as {@code Ocp-Apim-Subscription-Key}. */
public final class SubscriptionKeyAuth implements AzureAvatarAuth {

    static final String HEADER = "Ocp-Apim-Subscription-Key";

    private final String key;

    public SubscriptionKeyAuth(String key) {
        this.key = key;
    }

    @Override
    public void authenticate(HttpRequest request) {
        request.setHeader(HEADER, key);
    }

    @Override
    public String describe() {
        return "subscription key";
    }

    // equal keys share one client per resource
    @Override
    public boolean equals(Object other) {
        return other instanceof SubscriptionKeyAuth that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "SubscriptionKeyAuth[xxxxxx]";
    }
}
