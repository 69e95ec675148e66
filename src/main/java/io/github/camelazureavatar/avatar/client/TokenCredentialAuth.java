package io.github.camelazureavatar.avatar.client;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Microsoft Entra ID: {@code Authorization: Bearer <token>} for the Cognitive Services scope, from an azure-core
 * {@link TokenCredential}. A token is reused until {@link #REFRESH_BEFORE_EXPIRY} before it expires (or the refresh
 * time the credential suggests, when earlier): a busy route asks the identity provider about once an hour. The only
 * class that needs azure-core; the subscription-key path never loads it.
 */
public final class TokenCredentialAuth implements AzureAvatarAuth {

    /** The scope of Azure AI services tokens. */
    public static final String SCOPE = "https://cognitiveservices.azure.com/.default";

    /** A token is replaced this long before it expires, so that it never expires in flight. */
    public static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(2);

    private final TokenCredential credential;
    private final Clock clock;
    private AccessToken token;
    private OffsetDateTime refreshAt;

    public TokenCredentialAuth(TokenCredential credential) {
        this(credential, Clock.systemUTC());
    }

    TokenCredentialAuth(TokenCredential credential, Clock clock) {
        this.credential = Objects.requireNonNull(credential, "tokenCredential");
        this.clock = clock;
    }

    @Override
    public void authenticate(HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + currentToken());
    }

    /** The cached token while it is fresh, else a new one from the credential. */
    synchronized String currentToken() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (token == null || !now.isBefore(refreshAt)) {
            String source = " for " + SCOPE + " from " + credential.getClass().getSimpleName();
            try {
                token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
            } catch (RuntimeException e) {
                throw new AzureAvatarException("Could not get a Microsoft Entra ID token" + source + ": " + e.getMessage(),
                        0, null, e);
            }
            if (token == null || token.getToken() == null || token.getToken().isBlank()) {
                token = null;
                throw new AzureAvatarException("No Microsoft Entra ID token" + source, 0, null);
            }
            refreshAt = token.getExpiresAt() == null ? now : token.getExpiresAt().minus(REFRESH_BEFORE_EXPIRY);
            if (token.getRefreshAt() != null && token.getRefreshAt().isBefore(refreshAt)) {
                refreshAt = token.getRefreshAt();
            }
        }
        return token.getToken();
    }

    @Override
    public String describe() {
        return "Microsoft Entra ID token";
    }

    // the same credential bean shares one client (and so one cached token) per resource
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenCredentialAuth that && credential == that.credential;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(credential);
    }

    @Override
    public String toString() {
        return "TokenCredentialAuth[" + credential.getClass().getSimpleName() + "]";
    }
}
