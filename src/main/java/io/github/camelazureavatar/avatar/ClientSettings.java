package io.github.camelazureavatar.avatar;

import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelazureavatar.avatar.api.AvatarApiDialect;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.client.AzureAvatarAuth;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.ResourceGuard;
import io.github.camelazureavatar.avatar.client.Wire;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/** What makes two endpoints talk to Azure the same way, so that they can share one client. */
record ClientSettings(URI endpoint, AvatarApiVersion version, AzureAvatarAuth auth, Wire wire,
        SSLContextParameters ssl) {

    AzureAvatarClient createClient(CamelContext context, ResourceGuard guard, ScheduledExecutorService deadlines) {
        try {
            return new AzureAvatarClient(new AvatarApiDialect(version, endpoint), auth, wire,
                    ssl == null ? null : ssl.createSSLContext(context), guard, deadlines);
        } catch (Exception e) {
            throw new IllegalArgumentException("sslContextParameters cannot make an SSLContext: " + e.getMessage(), e);
        }
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
