package io.github.camelazureavatar.avatar;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs the component with a subscription key: create, get, list and a consumer route. {@link OptionalAzureCoreTest}
 * loads it in a class loader without azure-core, so it must not reference azure-core itself.
 */
public final class KeyPathProbe {

    private KeyPathProbe() {
    }

    public static String run(String baseUrl, String key) throws Exception {
        String azure = "azure-avatar:jobs?endpoint=" + baseUrl + "&subscriptionKey=RAW(" + key + ")";
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(azure + "&delay=60000").routeId("watch").to("log:jobs?level=DEBUG");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Map<String, Object> job = Map.of("inputKind", "PlainText",
                    "synthesisConfig", Map.of("voice", "en-US-AvaMultilingualNeural"),
                    "inputs", List.of(Map.of("content", "No azure-core here.")),
                    "avatarConfig", Map.of("talkingAvatarCharacter", "lisa", "talkingAvatarStyle", "casual-sitting"));
            Object created = template.requestBodyAndHeader(azure + "&operation=create", job,
                    AzureAvatarConstants.JOB_ID, "no-azure-core");
            Object got = template.requestBodyAndHeader(azure + "&operation=get", null, AzureAvatarConstants.JOB_ID,
                    "no-azure-core");
            Object listed = template.requestBody(azure + "&operation=list", (Object) null);
            return created + " | " + got + " | " + ((List<?>) listed).size();
        }
    }
}
