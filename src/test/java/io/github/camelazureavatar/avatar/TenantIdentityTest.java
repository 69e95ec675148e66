package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.util.List;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tenants on one Speech endpoint, differing only in their key and destination container (both secret, both masked in
 * the URI the endpoint shows): each request goes with its own tenant's key, each job to its own tenant's container,
 * whichever way the endpoint is reached. Before, the second tenant's exchange went out with the first one's key.
 */
class TenantIdentityTest {

    private static final String KEY_A = "tenant-a-key-5d1e";
    private static final String KEY_B = "tenant-b-key-93f0";
    private static final String SETTINGS = "operation=create&voice=en-US-AvaMultilingualNeural&avatarCharacter=lisa"
                                           + "&avatarStyle=casual-sitting";

    private AvatarEmulator azure;
    private CamelContext camel;

    @BeforeEach
    void start() {
        azure = AvatarEmulator.builder().subscriptionKey(KEY_A).otherSubscriptionKey(KEY_B).start();
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        EmulatorTestSupport.closeCheckingBlobHost(azure);
    }

    private String uri(String key, String container) {
        return "azure-avatar:jobs?endpoint=" + azure.baseUrl() + "&subscriptionKey=RAW(" + key
               + ")&destinationContainerUrl=RAW(" + azure.containerUrl(container) + ")&" + SETTINGS;
    }

    @Test
    void twoTenantsThroughOneProducerTemplateEachSendWithTheirOwnKeyToTheirOwnContainer() {
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();

        AvatarSynthesisJob a = template.requestBody(uri(KEY_A, "tenant-a"), "Hello A", AvatarSynthesisJob.class);
        AvatarSynthesisJob b = template.requestBody(uri(KEY_B, "tenant-b"), "Hello B", AvatarSynthesisJob.class);

        assertThat(azure.receivedKeys()).containsExactly(KEY_A, KEY_B);
        assertThat(azure.jobDestinationContainer(a.getId())).contains("tenant-a");
        assertThat(azure.jobDestinationContainer(b.getId())).contains("tenant-b");
        assertThat(camel.getEndpoint(uri(KEY_A, "tenant-a")).toString()).doesNotContain(KEY_A).doesNotContain("sig=");
    }

    @Test
    void twoTenantsThroughToDEachSendWithTheirOwnKeyToTheirOwnContainer() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").toD("azure-avatar:jobs?endpoint=" + azure.baseUrl()
                                          + "&subscriptionKey=RAW(${header.key})"
                                          + "&destinationContainerUrl=RAW(${header.container})&" + SETTINGS);
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();

        String a = create(template, KEY_A, "tenant-a");
        String b = create(template, KEY_B, "tenant-b");
        String a2 = create(template, KEY_A, "tenant-a");

        assertThat(azure.receivedKeys()).containsExactly(KEY_A, KEY_B, KEY_A);
        assertThat(List.of(a, b, a2)).map(id -> azure.jobDestinationContainer(id).orElse(null))
                .containsExactly("tenant-a", "tenant-b", "tenant-a");
    }

    private String create(ProducerTemplate template, String key, String container) {
        Exchange exchange = template.request("direct:create", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeader("key", key);
            e.getMessage().setHeader("container", azure.containerUrl(container));
        });
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(AvatarSynthesisJob.class).getId();
    }

    /**
     * Camel's endpoint cache evicts dynamic endpoints without stopping them: once such an endpoint is gone, its
     * tenant's client and resource are released (here: a cache of 2 endpoints, toD without a producer cache, 6
     * tenants). Before, the component kept all 6 for as long as it ran.
     */
    @Test
    void anEvictedDynamicEndpointReleasesItsClientAndResource() throws Exception {
        azure.close();
        AvatarEmulator.Builder builder = AvatarEmulator.builder().subscriptionKey("tenant-0");
        for (int tenant = 1; tenant < 6; tenant++) {
            builder.otherSubscriptionKey("tenant-" + tenant);
        }
        azure = builder.start();
        camel.getGlobalOptions().put(Exchange.MAXIMUM_ENDPOINT_CACHE_SIZE, "2");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").toD("azure-avatar:jobs?endpoint=" + azure.baseUrl()
                                        + "&subscriptionKey=RAW(${header.key})&operation=list", -1);
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        AzureAvatarComponent component = camel.getComponent("azure-avatar", AzureAvatarComponent.class);
        for (int tenant = 0; tenant < 6; tenant++) {
            template.requestBodyAndHeader("direct:list", null, "key", "tenant-" + tenant);
        }
        assertThat(azure.receivedKeys()).containsExactly("tenant-0", "tenant-1", "tenant-2", "tenant-3", "tenant-4",
                "tenant-5");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return component.resources().size() <= 2;
        });
        assertThat(component.resources()).map(SpeechResource::name).hasSizeLessThanOrEqualTo(2);
    }
}
