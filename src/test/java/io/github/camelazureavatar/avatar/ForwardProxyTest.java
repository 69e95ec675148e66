package io.github.camelazureavatar.avatar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.RecordedRequest;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.ThrowawayCa;
import io.github.camelazureavatar.avatar.support.Tinyproxy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real forward proxy (tinyproxy on 127.0.0.1, asking for Basic credentials): the consumer, a create and a
 * download, each seen in the proxy's own log; the JVM's proxy settings when no option names one; and https through a
 * CONNECT tunnel, where the proxy sees host and port only.
 */
class ForwardProxyTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";
    private static final String JOB = "voice=en-US-AvaMultilingualNeural&avatarCharacter=lisa&avatarStyle=casual-sitting";

    @TempDir
    Path dir;
    private Tinyproxy proxy;

    @BeforeEach
    void startProxy() throws Exception {
        proxy = Tinyproxy.start(dir, "camel", "proxy-secret-5d1");
    }

    @AfterEach
    void stopProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    private String viaProxy(String options) {
        return avatarUri(API, "proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                              + "&proxyAuthUsername=camel&proxyAuthPassword=RAW(proxy-secret-5d1)" + options);
    }

    @Test
    void theConsumerACreateAndADownloadGoThroughTheProxy() throws Exception {
        String done = azure.seedJobs(2, SeedState.SUCCEEDED).get(0);
        List<String> received = recordingRoute("jobs", viaProxy(""));

        pollOnce("jobs");
        Exchange created = context.createProducerTemplate().request(viaProxy("&operation=create&" + JOB),
                e -> e.getMessage().setBody("Hello through the proxy"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to(viaProxy("&operation=downloadResult")).convertBodyTo(byte[].class);
            }
        });
        byte[] video = context.createProducerTemplate().requestBodyAndHeader("direct:download", null,
                AzureAvatarConstants.JOB_ID, done, byte[].class);

        String log = proxy.log();
        System.out.println("tinyproxy log:\n" + log);
        assertThat(received).hasSize(2);
        assertThat(created.getException()).isNull();
        assertThat(azure.jobCount()).isEqualTo(3);
        assertThat(video).isNotEmpty();
        assertThat(log).containsPattern("Request \\(file descriptor \\d+\\): GET " + azure.baseUrl() + "/avatar/batchsyntheses\\?")
                .containsPattern("Request \\(file descriptor \\d+\\): PUT " + azure.baseUrl() + "/avatar/batchsyntheses/")
                .containsPattern("Request \\(file descriptor \\d+\\): GET " + azure.blobBaseUrl() + "/\\S+\\.mp4\\?");
        // the key reached Azure as its own header (no 401), the proxy credentials the proxy only
        assertThat(azure.requests().all()).extracting(RecordedRequest::status).allMatch(status -> status < 300);
        assertThat(log).doesNotContain(KEY);
    }

    @Test
    void withoutAProxyOptionTheJvmProxySettingsApply() throws Exception {
        try (Tinyproxy open = Tinyproxy.start(java.nio.file.Files.createDirectories(dir.resolve("open")), null, null)) {
            Map<String, String> settings = Map.of("http.proxyHost", "127.0.0.1", "http.proxyPort", "" + open.port(),
                    // loopback is never proxied unless the list of exceptions is set, even empty
                    "http.nonProxyHosts", "");
            settings.forEach(System::setProperty);
            try {
                context.createProducerTemplate().requestBody(avatarUri(API, "operation=list"), (Object) null);
            } finally {
                settings.keySet().forEach(System::clearProperty);
            }
            assertThat(open.log()).containsPattern("GET " + azure.baseUrl() + "/avatar/batchsyntheses\\?");
        }
    }

    @Test
    void httpsGoesThroughATunnelTheProxyCannotLookInto() throws Exception {
        ThrowawayCa ca = ThrowawayCa.create(dir);
        closeCheckingBlobHost(azure);
        azure = AvatarEmulator.builder().subscriptionKey(KEY).https(ca.serverContext()).start();
        context.getRegistry().bind("privateCa", TlsTest.trusting(ca));

        Object jobs = context.createProducerTemplate().requestBody(viaProxy("&operation=list&sslContextParameters=#privateCa"),
                (Object) null);

        assertThat(jobs).isNotNull();
        String log = proxy.log();
        System.out.println("tinyproxy log:\n" + log);
        assertThat(log).containsPattern("Request \\(file descriptor \\d+\\): CONNECT " + azure.baseUrl().substring(8) + " ")
                .doesNotContain("/avatar/batchsyntheses");
        assertThat(azure.requests().all()).extracting(RecordedRequest::status).containsExactly(200);
    }
}
