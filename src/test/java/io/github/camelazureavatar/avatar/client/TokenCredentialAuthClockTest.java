package io.github.camelazureavatar.avatar.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token cache on a clock the test moves: reused until 2 minutes before expiry, then fetched again. */
class TokenCredentialAuthClockTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Hands out token-1, token-2, ... each valid for an hour from the clock's now. */
    private final class HourlyCredential implements TokenCredential {
        final AtomicInteger calls = new AtomicInteger();
        final List<List<String>> scopes = new ArrayList<>();

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            scopes.add(request.getScopes());
            int n = calls.incrementAndGet();
            return Mono.just(new AccessToken("token-" + n, OffsetDateTime.ofInstant(now, ZoneOffset.UTC).plusHours(1)));
        }
    }

    @Test
    void reusesTheTokenUntilTwoMinutesBeforeItExpires() {
        HourlyCredential credential = new HourlyCredential();
        TokenCredentialAuth auth = new TokenCredentialAuth(credential, clock);

        assertThat(bearer(auth)).isEqualTo("Bearer token-1");
        now = now.plus(Duration.ofMinutes(57)).plusSeconds(59);
        assertThat(bearer(auth)).as("2 min 1 s left: still fresh").isEqualTo("Bearer token-1");
        now = now.plusSeconds(1);
        assertThat(bearer(auth)).as("2 min left: replaced").isEqualTo("Bearer token-2");
        assertThat(bearer(auth)).isEqualTo("Bearer token-2");
        assertThat(credential.calls).hasValue(2);
        assertThat(credential.scopes).containsOnly(List.of("https://cognitiveservices.azure.com/.default"));
    }

    @Test
    void anEarlierRefreshTimeFromTheCredentialWins() {
        TokenCredential credential = request -> Mono.just(new AccessToken("t",
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC).plusHours(1),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC).plusMinutes(30)));
        AtomicInteger calls = new AtomicInteger();
        TokenCredential counting = request -> {
            calls.incrementAndGet();
            return credential.getToken(request);
        };
        TokenCredentialAuth auth = new TokenCredentialAuth(counting, clock);
        bearer(auth);
        now = now.plus(Duration.ofMinutes(29));
        bearer(auth);
        assertThat(calls).hasValue(1);
        now = now.plus(Duration.ofMinutes(1));
        bearer(auth);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailingCredentialFailsTheRequestClearly() {
        TokenCredential broken = request -> Mono.error(new IllegalStateException("no managed identity here"));
        assertThatThrownBy(() -> bearer(new TokenCredentialAuth(broken, clock)))
                .isInstanceOf(AzureAvatarException.class)
                .hasMessageContaining("Could not get a Microsoft Entra ID token for https://cognitiveservices.azure.com/.default")
                .hasMessageContaining("no managed identity here");
        assertThat(new TokenCredentialAuth(broken, clock).describe()).isEqualTo("Microsoft Entra ID token");
    }

    private static String bearer(TokenCredentialAuth auth) {
        HttpGet request = new HttpGet("http://127.0.0.1/");
        auth.authenticate(request);
        return request.getFirstHeader("Authorization").getValue();
    }
}
