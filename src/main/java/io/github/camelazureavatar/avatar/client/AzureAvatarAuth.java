package io.github.camelazureavatar.avatar.client;

import org.apache.hc.core5.http.HttpRequest;

/**
 * How requests to the Speech resource prove who is calling. Applied only to requests that go to the configured
 * endpoint's origin; blob downloads carry their own SAS signature and get nothing.
 */
public interface AzureAvatarAuth {

    void authenticate(HttpRequest request);

    /** What a person should check when Azure says 401, e.g. "subscription key". Never the secret itself. */
    String describe();
}
