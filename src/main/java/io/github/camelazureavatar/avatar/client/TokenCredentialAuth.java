package io.github.camelazureavatar.avatar.client;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import org.apache.hc.core5.http.HttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Entra ID: {@code Authorization: Bearer <token>} for the Cognitive Services scope, from an azure-core
 * {@link TokenCredential}. A token is reused until {@link #REFRESH_BEFORE_EXPIRY} before it expires (or until the
 * refresh time the credential suggests, when earlier), so a busy route asks the identity provider once an hour or so,
 * not once a request.
 * <p>
 * This is the only class of the component that needs azure-core: everything on the subscription-key path only holds
 * the credential by reference, so the component runs without azure-core on the classpath when a key is used.
 */
public final class TokenCredentialAuth implements AzureAvatarAuth {

    /** The scope of Azure AI services tokens. */
    public static final String SCOPE = "https://cognitiveservices.azure.com/.default";

    /** A token is replaced this long before it expires, so that it never expires in flight. */
    public static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(TokenCredentialAuth.class);

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
            token = fetch();
            OffsetDateTime expiresAt = token.getExpiresAt();
            refreshAt = expiresAt == null ? now : expiresAt.minus(REFRESH_BEFORE_EXPIRY);
            OffsetDateTime suggested = token.getRefreshAt();
            if (suggested != null && suggested.isBefore(refreshAt)) {
                refreshAt = suggested;
            }
            LOG.debug("Got a Microsoft Entra ID token expiring at {}; it is reused until {}", expiresAt, refreshAt);
        }
        return token.getToken();
    }

    private AccessToken fetch() {
        AccessToken fresh;
        try {
            fresh = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
        } catch (RuntimeException e) {
            throw new AzureAvatarException("Could not get a Microsoft Entra ID token for " + SCOPE + " from "
                                           + credential.getClass().getSimpleName() + ": " + e.getMessage(),
                    0, null, e);
        }
        if (fresh == null || fresh.getToken() == null || fresh.getToken().isBlank()) {
            throw new AzureAvatarException("The token credential " + credential.getClass().getSimpleName()
                                           + " returned no token for " + SCOPE,
                    0, null);
        }
        return fresh;
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
