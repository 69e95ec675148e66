package io.github.camelazureavatar.avatar;

import java.net.URI;

import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.client.AzureAvatarAuth;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.ResourceGuard;
import io.github.camelazureavatar.avatar.client.RetryPolicy;
import io.github.camelazureavatar.avatar.client.Timeouts;

/** What makes two endpoints talk to Azure the same way, so that they can share one client. */
record ClientSettings(URI endpoint, AvatarApiVersion version, AzureAvatarAuth auth, Timeouts timeouts,
        RetryPolicy retryPolicy) {

    AzureAvatarClient createClient(ResourceGuard guard) {
        return new AzureAvatarClient(version.dialect(endpoint), auth, timeouts, retryPolicy, guard);
    }

    /** Azure counts requests per resource: endpoint and credential. */
    ResourceKey resource() {
        return new ResourceKey(endpoint, auth);
    }

    record ResourceKey(URI endpoint, AzureAvatarAuth auth) {
    }

    @Override
    public String toString() {
        return "ClientSettings[" + endpoint + ", " + version.value() + "]";
    }
}
