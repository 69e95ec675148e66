package io.github.camelazureavatar.avatar;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A route with an unusable configuration fails to start with a message naming the option; no request is sent. */
class AzureAvatarConfigurationTest {

    private static final String KEY = "do-not-leak-0123456789";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "region=westeurope|subscriptionKey",
            "region=westeurope&subscriptionKey=k&apiVersion=2025-01-01|Unknown apiVersion '2025-01-01'; supported: 2024-08-01, 2024-04-15-preview, 3.1-preview1",
            "region=west-europe.evil.com&subscriptionKey=k|region 'west-europe.evil.com' is not an Azure region name",
            "subscriptionKey=k|needs a region (such as westeurope) or an endpoint",
            "region=westeurope&subscriptionKey=k&pageSize=0|pageSize must be from 1 to 100 (Azure's maximum), not 0",
            "region=westeurope&subscriptionKey=k&pageSize=101|pageSize must be from 1 to 100 (Azure's maximum), not 101",
            "endpoint=http://speech.example.com&subscriptionKey=k|uses plain http, which would send the key unencrypted",
            "endpoint=http://10.0.0.5:8080&subscriptionKey=k|http is accepted only on loopback",
            "endpoint=https://x.example.com?a=b&subscriptionKey=k|without query",
            "region=westeurope&subscriptionKey=k&status=Done|Unknown avatar job status 'Done'",
    })
    void refusesToStart(String options, String expected) {
        assertThat(startFailure("azure-avatar:jobs?" + options)).contains(expected);
    }

    @Test
    void acceptsLoopbackHttpAndHttpsEndpoints() throws Exception {
        for (String endpoint : new String[] { "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9",
                                              "https://my-speech.cognitiveservices.azure.com/" }) {
            try (CamelContext context = new DefaultCamelContext()) {
                context.addRoutes(route("azure-avatar:jobs?endpoint=" + endpoint + "&subscriptionKey=k&startScheduler=false"));
                context.start();
                AzureAvatarEndpoint ep = context.getEndpoint(
                        "azure-avatar:jobs?endpoint=" + endpoint + "&subscriptionKey=k&startScheduler=false",
                        AzureAvatarEndpoint.class);
                assertThat(ep.getServiceUrl()).isEqualTo(endpoint.replaceAll("/$", ""));
            }
        }
    }

    @Test
    void regionNamesTheGenerationsPublicEndpoint() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThat(context.getEndpoint("azure-avatar:a?region=westeurope&subscriptionKey=k", AzureAvatarEndpoint.class)
                    .getConfiguration().resolveEndpoint())
                    .hasToString("https://westeurope.api.cognitive.microsoft.com");
            assertThat(context.getEndpoint("azure-avatar:b?region=eastus2&subscriptionKey=k&apiVersion=3.1-preview1",
                    AzureAvatarEndpoint.class).getConfiguration().resolveEndpoint())
                    .hasToString("https://eastus2.customvoice.api.speech.microsoft.com");
        }
    }

    @Test
    void componentOptionsReachEveryEndpoint() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            AzureAvatarComponent component = new AzureAvatarComponent();
            component.getConfiguration().setRegion("westeurope");
            component.getConfiguration().setSubscriptionKey(KEY);
            component.getConfiguration().setPageSize(25);
            context.addComponent("azure-avatar", component);
            context.start();
            AzureAvatarEndpoint endpoint = context.getEndpoint("azure-avatar:jobs?status=Succeeded", AzureAvatarEndpoint.class);
            assertThat(endpoint.getConfiguration().getPageSize()).isEqualTo(25);
            assertThat(endpoint.getConfiguration().getSubscriptionKey()).isEqualTo(KEY);
            assertThat(component.getConfiguration().getStatus()).as("endpoints get a copy").isNull();
        }
    }

    @Test
    void pollsEveryMinuteUnlessToldOtherwise() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(route("azure-avatar:a?region=westeurope&subscriptionKey=k&startScheduler=false"));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("azure-avatar:b?region=westeurope&subscriptionKey=k&startScheduler=false&delay=5000")
                            .routeId("b").to("mock:b");
                }
            });
            context.start();
            assertThat(((ScheduledPollConsumer) context.getRoutes().get(0).getConsumer()).getDelay()).isEqualTo(60_000);
            assertThat(((ScheduledPollConsumer) context.getRoute("b").getConsumer()).getDelay()).isEqualTo(5_000);
        }
    }

    /** On every Camel line; where Camel has additional sensitive keywords (4.18+), the user's own are kept. */
    @Test
    void secretsAreMaskedInEndpointUrisAndAUsersOwnSensitiveKeywordsStay() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            boolean keywords = setAdditionalSensitiveKeywords(context, "mySecretOption");
            context.start();
            String sas = "sv=1&sig=container-signature";
            Endpoint endpoint = context.getEndpoint("azure-avatar:jobs?region=westeurope&subscriptionKey=RAW(" + KEY
                                                    + ")&destinationContainerUrl=RAW(https://a.blob.core.windows.net/c?"
                                                    + sas + ")");
            assertThat(endpoint.toString()).doesNotContain(KEY).doesNotContain("container-signature")
                    .contains("subscriptionKey=xxxxxx").contains("destinationContainerUrl=xxxxxx");
            assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(KEY)
                    .doesNotContain("container-signature");
            if (keywords) {
                assertThat(URISupport.sanitizeUri("x:y?mySecretOption=1")).isEqualTo("x:y?mySecretOption=xxxxxx");
            }
        }
    }

    /** Camel 4.18 and newer have the setting behind camel.main.additionalSensitiveKeywords. */
    private static boolean setAdditionalSensitiveKeywords(CamelContext context, String words) {
        try {
            org.apache.camel.ExtendedCamelContext.class.getMethod("setAdditionalSensitiveKeywords", String.class)
                    .invoke(context.getCamelContextExtension(), words);
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Every message in the cause chain of the start failure. */
    private static String startFailure(String uri) {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(route(uri));
            Throwable failure = catchThrowable(context::start);
            assertThat(failure).as("starting " + uri).isNotNull();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).doesNotContain(KEY);
            return messages.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:jobs");
            }
        };
    }
}
