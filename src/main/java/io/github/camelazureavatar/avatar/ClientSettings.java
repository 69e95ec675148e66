package io.github.camelazureavatar.avatar;

import java.net.URI;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.client.AzureAvatarAuth;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;

/** What makes two endpoints talk to Azure the same way, so that they can share one client. */
record ClientSettings(URI endpoint, AvatarApiVersion version, AzureAvatarAuth auth, long connectTimeout,
        long responseTimeout) {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    AzureAvatarClient createClient() {
        return new AzureAvatarClient(version.dialect(endpoint), auth, MAPPER, connectTimeout, responseTimeout);
    }

    @Override
    public String toString() {
        return "ClientSettings[" + endpoint + ", " + version.value() + "]";
    }
}
