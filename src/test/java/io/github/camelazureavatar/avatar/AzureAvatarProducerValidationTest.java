package io.github.camelazureavatar.avatar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Each bad request fails with a message naming the problem, and not one request reaches Azure. */
class AzureAvatarProducerValidationTest extends CamelTestSupport {

    private static AvatarEmulator emu;

    @BeforeAll
    static void startEmulator() {
        emu = AvatarEmulator.builder().subscriptionKey("validation-key").start();
    }

    @AfterAll
    static void stopEmulator() {
        EmulatorTestSupport.closeCheckingBlobHost(emu);
    }

    @BeforeEach
    void forgetRequests() {
        emu.requests().clear();
    }

    private static String azure(String version) {
        return "azure-avatar:jobs?endpoint=" + emu.baseUrl() + "&subscriptionKey=validation-key&apiVersion=" + version;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:2024-08-01").to(azure("2024-08-01"));
                from("direct:3.1-preview1").to(azure("3.1-preview1"));
                from("direct:no-operation").to(azure("2024-08-01"));
            }
        };
    }

    private static final AvatarSynthesisRequest GOOD = AvatarSynthesisRequest.builder().text("Hi")
            .voice("en-US-AvaMultilingualNeural").avatar("lisa", "casual-sitting").build();

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("create without inputs (request)", "2024-08-01", "create",
                        AvatarSynthesisRequest.builder().voice("v").avatar("lisa", "casual-sitting").build(), Map.of(),
                        "has no inputs"),
                Arguments.of("create without inputs (Map)", "2024-08-01", "create",
                        Map.of("inputKind", "PlainText", "avatarConfig", Map.of("talkingAvatarCharacter", "lisa")), Map.of(),
                        "has no inputs"),
                Arguments.of("create with empty inputs (JSON)", "3.1-preview1", "create",
                        "{\"displayName\":\"x\",\"textType\":\"PlainText\",\"inputs\":[]}", Map.of(),
                        "has no inputs: 3.1-preview1 needs inputs: [{\"text\": \"...\"}]"),
                Arguments.of("2024 inputs sent to 3.1-preview1", "3.1-preview1", "create",
                        Map.of("textType", "PlainText", "inputs", List.of(Map.of("content", "Hi"))), Map.of(),
                        "Input 1 of the avatar synthesis request has no 'text', which 3.1-preview1 reads (it has 'content'"),
                Arguments.of("create body that looks like JSON and is not", "2024-08-01", "create", "{ Hello there",
                        Map.of(), "The create body is not JSON"),
                Arguments.of("text body without a voice", "2024-08-01", "create", "Hello there", Map.of(),
                        "Plain-text inputs need a voice"),
                Arguments.of("SSML that names no voice", "2024-08-01", "create",
                        AvatarSynthesisRequest.builder().ssml("<speak version='1.0'>Hi</speak>").avatar("rowan", null).build(),
                        Map.of(), "Input 1 is SSML that names no voice"),
                Arguments.of("JSON without a character", "2024-08-01", "create",
                        "{\"inputKind\":\"PlainText\",\"synthesisConfig\":{\"voice\":\"v\"},\"inputs\":[{\"content\":\"Hi\"}]}",
                        Map.of(), "needs an avatar character"),
                Arguments.of("several inputs without a container (Map)", "3.1-preview1", "create",
                        Map.of("textType", "PlainText", "synthesisConfig", Map.of("voice", "v"),
                                "inputs", List.of(Map.of("text", "one"), Map.of("text", "two")),
                                "properties", Map.of("talkingAvatarCharacter", "rowan")),
                        Map.of(), "A request with 2 inputs needs a destinationContainerUrl"),
                Arguments.of("time-to-live over 744 hours", "2024-08-01", "create",
                        AvatarSynthesisRequest.builder().text("Hi").voice("v").avatar("rowan", null)
                                .timeToLive(java.time.Duration.ofDays(32)).build(), Map.of(), "744 hours"),
                Arguments.of("container without a SAS", "2024-08-01", "create",
                        AvatarSynthesisRequest.builder().text("Hi").voice("v").avatar("rowan", null)
                                .destinationContainerUrl("https://me.blob.core.windows.net/out").build(), Map.of(),
                        "needs an ad hoc SAS"),
                Arguments.of("create without body", "2024-08-01", "create", null, Map.of(),
                        "The create operation needs a body"),
                Arguments.of("create id against the pattern", "2024-08-01", "create", GOOD,
                        Map.of(AzureAvatarConstants.JOB_ID, "-starts-with-dash"),
                        "The job id '-starts-with-dash' breaks Azure's id pattern"),
                Arguments.of("Operation-Id against the pattern", "2024-08-01", "create", GOOD,
                        Map.of(AzureAvatarConstants.OPERATION_ID, "op id with spaces"),
                        "The Operation-Id 'op id with spaces' breaks Azure's id pattern"),
                Arguments.of("get id with a slash", "2024-08-01", "get", null,
                        Map.of(AzureAvatarConstants.JOB_ID, "../other"), "breaks Azure's id pattern"),
                Arguments.of("delete id too short", "3.1-preview1", "delete", null,
                        Map.of(AzureAvatarConstants.JOB_ID, "ab"), "The job id 'ab' breaks Azure's id pattern"),
                Arguments.of("get without id", "2024-08-01", "get", null, Map.of(),
                        "The get operation needs a job id: set the CamelAzureAvatarJobId header or the jobId option"),
                Arguments.of("download without id", "2024-08-01", "downloadResult", "not a job", Map.of(),
                        "The downloadResult operation needs a job id"),
                Arguments.of("unknown operation", "2024-08-01", "explode", null, Map.of(),
                        "Unknown azure-avatar operation 'explode' in header CamelAzureAvatarOperation; known: create, "
                                                                                       + "createAndWait, get, list, delete, downloadResult, downloadSummary"),
                Arguments.of("page size over 100", "2024-08-01", "list", null,
                        Map.of(AzureAvatarConstants.PAGE_SIZE, 500), "The page size must be from 1 to 100"),
                Arguments.of("negative skip", "2024-08-01", "list", null,
                        Map.of(AzureAvatarConstants.SKIP, -1), "skip must be 0 or more"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void failsBeforeSending(String name, String version, String operation, Object body, Map<String, Object> headers,
                            String expected) {
        Exchange exchange = template.request("direct:" + version, e -> {
            e.getMessage().setHeaders(new HashMap<>(headers));
            e.getMessage().setHeader(AzureAvatarConstants.OPERATION, operation);
            e.getMessage().setBody(body);
        });
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
        assertThat(emu.requests().all()).as("requests sent").isEmpty();
    }

    @Test
    void anOversizedDefinitionIsRefused() {
        String big = "x".repeat(AzureAvatarProducer.MAX_CREATE_BODY_BYTES);
        Exchange exchange = template.request("direct:2024-08-01", e -> {
            e.getMessage().setHeader(AzureAvatarConstants.OPERATION, AzureAvatarOperation.create);
            e.getMessage().setBody(AvatarSynthesisRequest.builder().text(big).voice("v").avatar("lisa", "casual-sitting")
                    .build());
        });
        assertThat(exchange.getException()).hasMessageContaining("Azure takes at most 512000 (500 KB)");
        assertThat(emu.requests().all()).isEmpty();
    }

    @Test
    void noOperationAtAllNamesTheOptionAndHeader() {
        Exchange exchange = template.request("direct:no-operation", e -> e.getMessage().setBody("x"));
        assertThat(exchange.getException()).hasMessageContaining(
                "No azure-avatar operation: set the operation option or the CamelAzureAvatarOperation header to one of create");
        assertThat(emu.requests().all()).isEmpty();
    }

    @Test
    void anUnknownOperationOptionFailsTheEndpoint() {
        Throwable failure = catchThrowable(() -> context.getEndpoint(azure("2024-08-01") + "&operation=explode"));
        assertThat(failure).hasStackTraceContaining("explode");
        assertThat(emu.requests().all()).isEmpty();
    }
}
