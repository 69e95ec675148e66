package io.github.camelazureavatar.avatar;

import java.nio.file.Path;

import javax.net.ssl.SSLHandshakeException;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.RecordedRequest;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.ThrowawayCa;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Azure behind a private CA (the emulator over HTTPS with a throw-away CA's certificate): trusted only when told. */
class TlsTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";

    @TempDir
    static Path dir;
    private static ThrowawayCa ca;

    @BeforeAll
    static void makeCa() throws Exception {
        ca = ThrowawayCa.create(dir);
    }

    @BeforeEach
    void serveOverHttps() throws Exception {
        closeCheckingBlobHost(azure);
        azure = AvatarEmulator.builder().subscriptionKey(KEY).https(ca.serverContext()).start();
    }

    /** Camel's TLS settings trusting the CA's certificate and nothing else. */
    static SSLContextParameters trusting(ThrowawayCa ca) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + ca.trustStore());
        store.setType("PKCS12");
        store.setPassword(ThrowawayCa.PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    private Exchange list(String options) {
        return context.createProducerTemplate().request(avatarUri(API, "operation=list" + options), e -> { });
    }

    @Test
    void withoutTheCaTheCallIsRefused() {
        Exchange exchange = list("");

        assertThat(exchange.getException()).hasMessageContaining("Could not list jobs at " + azure.baseUrl())
                .hasCauseInstanceOf(SSLHandshakeException.class);
        assertThat(azure.requests().all()).as("refused in the handshake, not retried into an answer").isEmpty();
    }

    @Test
    void sslContextParametersTrustThePrivateCa() {
        context.getRegistry().bind("privateCa", trusting(ca));

        Exchange exchange = list("&sslContextParameters=#privateCa");

        assertThat(exchange.getException()).isNull();
        assertThat(azure.requests().all()).extracting(RecordedRequest::status).containsExactly(200);
    }

    @Test
    void theGlobalSslContextParametersWhenAskedFor() {
        context.setSSLContextParameters(trusting(ca));

        assertThat(list("").getException()).as("not used unless asked for").isNotNull();
        Exchange exchange = list("&useGlobalSslContextParameters=true");

        assertThat(exchange.getException()).isNull();
        assertThat(azure.requests().all()).extracting(RecordedRequest::status).containsExactly(200);
    }
}
