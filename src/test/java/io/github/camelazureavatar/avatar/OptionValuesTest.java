package io.github.camelazureavatar.avatar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelazureavatar.avatar.api.AvatarApiDialect;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What an endpoint makes of the values and names in its URI: a duration or number it cannot read fails its creation
 * naming the option and the value (Camel read "abc" as 0 and "1h30" as an hour); a misspelt option, or any failure, shows
 * no secret; a result link of an unknown form is refused with its signature masked.
 */
class OptionValuesTest extends EmulatorTestSupport {

    private static final String SIG = "sig-4711-secret";

    @ParameterizedTest
    @ValueSource(strings = { "waitTimeout=abc", "idleDelay=abc", "delay=abc", "delay=1h30", "delay=-5", "delay=0",
                             "waitDelay=2M", "connectTimeout=1.5s", "timeToLive=PT-5S", "maxPollDuration=", "pageSize=0",
                             "pageSize=abc", "maxRetries=-1", "maxPagesPerPoll=1e3" })
    void aValueThatCannotBeReadOrIsOutOfRangeFailsTheEndpointNamingOptionAndValue(String option) {
        Throwable failure = catchThrowable(() -> context.getEndpoint(avatarUri("2024-08-01", option)));

        String name = option.substring(0, option.indexOf('='));
        String value = option.substring(option.indexOf('=') + 1);
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).as(option).anySatisfy(message -> assertThat(message).contains(name)
                .contains(value.isEmpty() ? name : value));
    }

    @ParameterizedTest
    @CsvSource({ "delay=2m, 120000", "waitTimeout=1h30m, 5400000", "waitTimeout=PT15M, 900000", "waitTimeout=0, 0",
                 "waitDelay=1500ms, 1500", "waitDelay=20000, 20000" })
    void durationsAreReadWhole(String option, long millis) {
        AzureAvatarEndpoint endpoint = context.getEndpoint(avatarUri("2024-08-01", option), AzureAvatarEndpoint.class);
        AzureAvatarConfiguration configuration = endpoint.getConfiguration();

        assertThat(List.of(endpoint.getDelay(), configuration.getWaitTimeout(), configuration.getIdleDelay(),
                configuration.getWaitDelay(), configuration.getRetryMaxDelay())).contains(millis);
    }

    /** The component checks its duration options by name, without reflection that would need azure-core. */
    @Test
    void theListOfDurationOptionsIsWhole() {
        Set<String> durations = Stream.of(AzureAvatarConfiguration.class, AzureAvatarEndpoint.class)
                .flatMap(type -> Stream.of(type.getDeclaredFields()))
                .filter(field -> field.isAnnotationPresent(UriParam.class)
                                 && field.getAnnotation(UriParam.class).javaType().equals("java.time.Duration"))
                .map(field -> field.getName().toLowerCase()).collect(Collectors.toSet());

        assertThat(AzureAvatarComponent.DURATIONS).containsExactlyInAnyOrderElementsOf(durations);
    }

    @ParameterizedTest
    @ValueSource(strings = { "typo=1", "subscriptonKey=RAW(misspelt-key-1)", "delay=abc", "apiVersion=9.9" })
    void noFailureToMakeAnEndpointShowsASecret(String option) {
        String uri = "azure-avatar:jobs?endpoint=" + azure.baseUrl() + "&subscriptionKey=RAW(" + KEY
                     + ")&destinationContainerUrl=RAW(https://acct.blob.core.windows.net/out?sp=rl&sig=" + SIG + ")&"
                     + option;

        Throwable failure = catchThrowable(() -> context.getEndpoint(uri));

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).isNotEmpty().allSatisfy(message -> assertThat(message).doesNotContain(KEY)
                .doesNotContain(SIG).doesNotContain("misspelt-key-1"));
        assertThat(messages(failure).get(0)).contains("azure-avatar://jobs,");
    }

    @ParameterizedTest
    @ValueSource(strings = { "file:/var/videos/0001.mp4?sp=r&sig=" + SIG, "ftp://files.example/0001.mp4?sig=" + SIG,
                             "jar:file:/x.jar!/0001.mp4?sig=" + SIG, "//other.example/c/0001.mp4?sp=r&sig=" + SIG })
    void aResultLinkOfAnyOtherFormThanAnHttpUrlOrAPathIsRefusedWithItsSignatureMasked(String link) {
        AvatarSynthesisJob job = AvatarSynthesisJob.of(AvatarApiDialect.MAPPER.createObjectNode().put("id", "odd-link-job")
                .put("status", "Succeeded").set("outputs", AvatarApiDialect.MAPPER.createObjectNode().put("result", link)));

        Exchange exchange = context.createProducerTemplate().send(avatarUri("2024-08-01", "operation=downloadResult")
                                                                  + "&destinationContainerUrl=RAW("
                                                                  + azure.containerUrl("outputs") + ")",
                e -> e.getMessage().setBody(job));

        assertThat(exchange.getException()).isInstanceOf(AzureAvatarJobStateException.class);
        assertThat(exchange.getException().getMessage()).contains("neither an http(s) URL nor a path")
                .contains("sig=xxxxxx").doesNotContain(SIG);
        assertThat(azure.blobHost().requests()).isEmpty();
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
