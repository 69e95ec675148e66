package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.github.camelazureavatar.avatar.client.AzureAvatarException;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Microsoft Entra ID against the emulator: bearer tokens reused while valid, refreshed near expiry, never sent to blobs. */
class TokenCredentialAuthTest extends CamelTestSupport {

    private static AvatarEmulator emu;

    /**
     * Hands out token-1 expiring in 90 seconds (inside the 2-minute refresh margin, so the next request fetches again),
     * then token-2 valid for an hour, then token-3, which the emulator does not accept.
     */
    static final class SequenceCredential implements TokenCredential {
        final AtomicInteger calls = new AtomicInteger();
        final List<List<String>> scopes = new CopyOnWriteArrayList<>();

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            scopes.add(request.getScopes());
            int n = calls.incrementAndGet();
            OffsetDateTime expiresAt = OffsetDateTime.now().plus(n == 1 ? Duration.ofSeconds(90) : Duration.ofHours(1));
            return Mono.just(new AccessToken("token-" + n, expiresAt));
        }
    }

    private final SequenceCredential credential = new SequenceCredential();

    @BeforeAll
    static void startEmulator() {
        emu = AvatarEmulator.builder().subscriptionKey("key-not-used-here")
                .acceptedBearerToken("token-1").acceptedBearerToken("token-2").start();
    }

    @AfterAll
    static void noTokenReachedTheBlobHost() {
        EmulatorTestSupport.closeCheckingBlobHost(emu);
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("entra", credential);
    }

    private static String azure(String version) {
        return "azure-avatar:jobs?endpoint=" + emu.baseUrl() + "&tokenCredential=#entra&apiVersion=" + version;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:op").to(azure("2024-08-01"));
                // a video is read within the route: the stream closes when the exchange completes
                from("direct:video").to(azure("2024-08-01") + "&operation=downloadResult").convertBodyTo(byte[].class);
            }
        };
    }

    private Exchange call(AzureAvatarOperation operation, Object body, String jobId) {
        Exchange exchange = template.request("direct:op", e -> {
            e.getMessage().setHeader(AzureAvatarConstants.OPERATION, operation);
            e.getMessage().setHeader(AzureAvatarConstants.JOB_ID, jobId);
            e.getMessage().setBody(body);
        });
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    @Test
    void theTokenIsReusedWhileValidRefreshedNearExpiryAndNeverSentToBlobs() {
        AvatarSynthesisRequest request = AvatarSynthesisRequest.builder().text("Signed in with Entra ID.")
                .voice("en-US-AvaMultilingualNeural").avatar("lisa", "casual-sitting").build();
        String id = call(AzureAvatarOperation.create, request, null).getMessage().getHeader(AzureAvatarConstants.JOB_ID,
                String.class);
        assertThat(credential.calls).as("token-1 fetched for the create").hasValue(1);

        call(AzureAvatarOperation.get, null, id);
        assertThat(credential.calls).as("token-1 expires within 2 minutes: replaced").hasValue(2);

        for (int i = 0; i < 5; i++) {
            call(AzureAvatarOperation.get, null, id);
        }
        call(AzureAvatarOperation.list, null, null);
        emu.advance(Duration.ofSeconds(16));
        AvatarSynthesisJob job = call(AzureAvatarOperation.get, null, id).getMessage().getBody(AvatarSynthesisJob.class);
        assertThat(job.getStatus().name()).isEqualTo("Succeeded");
        byte[] video = template.requestBody("direct:video", job, byte[].class);
        assertThat(video).isEqualTo(emu.resultVideo());
        call(AzureAvatarOperation.downloadSummary, job, null);
        call(AzureAvatarOperation.delete, null, id);

        assertThat(credential.calls).as("token-2 reused for every later request").hasValue(2);
        assertThat(credential.scopes).containsOnly(List.of("https://cognitiveservices.azure.com/.default"));
        assertThat(emu.blobHost().requests()).hasSize(2);
        assertThat(emu.blobHost().receivedSecrets()).isEmpty();
    }

    @Test
    void aRejectedTokenNamesEntraIdInTheError() {
        TokenCredential rejected = request -> Mono.just(new AccessToken("token-unknown", OffsetDateTime.now().plusHours(1)));
        context.getRegistry().bind("rejected", rejected);
        Exchange exchange = template.request("azure-avatar:x?endpoint=" + emu.baseUrl()
                                             + "&tokenCredential=#rejected&operation=list",
                e -> {
                });
        assertThat(exchange.getException()).isInstanceOf(AzureAvatarException.class)
                .hasMessageContaining("Azure rejected the Microsoft Entra ID token")
                .hasMessageNotContaining("token-unknown");
        assertThat(((AzureAvatarException) exchange.getException()).getHttpResponseCode()).isEqualTo(401);
    }

    @Test
    void aSingleCredentialBeanIsAutowired() throws Exception {
        SequenceCredential only = new SequenceCredential();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("theOnlyOne", only);
            camel.start();
            Object jobs = camel.createProducerTemplate().requestBody(
                    "azure-avatar:x?endpoint=" + emu.baseUrl() + "&operation=list", (Object) null);
            assertThat(jobs).isInstanceOf(List.class);
            assertThat(only.calls).hasValue(1);
        }
    }

    @Test
    void twoCredentialBeansAreNotGuessedBetween() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("one", new SequenceCredential());
            camel.getRegistry().bind("two", new SequenceCredential());
            camel.start();
            Throwable failure = catchThrowable(() -> camel.createProducerTemplate().requestBody(
                    "azure-avatar:x?endpoint=" + emu.baseUrl() + "&operation=list", (Object) null));
            assertThat(failure).hasStackTraceContaining("azure-avatar needs the Speech resource's subscriptionKey");
        }
    }

    @Test
    void aKeyAndACredentialTogetherFailWithAHint() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("entra", new SequenceCredential());
            camel.start();
            Throwable failure = catchThrowable(() -> camel.createProducerTemplate().requestBody(
                    "azure-avatar:x?endpoint=" + emu.baseUrl() + "&subscriptionKey=k&operation=list", (Object) null));
            assertThat(failure).hasStackTraceContaining("either a subscriptionKey or a tokenCredential, not both")
                    .hasStackTraceContaining("autowiredEnabled=false");
        }
    }
}
