package io.github.camelazureavatar.avatar;

import java.util.List;

import io.github.camelazureavatar.avatar.client.AzureAvatarException;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import io.github.camelazureavatar.avatar.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The list operation, each test on an emulator of its own holding exactly the jobs it seeds. */
class AzureAvatarProducerListTest extends EmulatorTestSupport {

    private ProducerTemplate template;

    @BeforeEach
    void template() {
        template = context.createProducerTemplate();
    }

    @SuppressWarnings("unchecked")
    private static List<AvatarSynthesisJob> jobs(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }

    private Exchange list(String version, String options, Object... headers) {
        return template.request(avatarUri(version, "operation=list" + options), e -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    @Test
    void allPagesListsEveryJobOnceEvenWhenTheListShiftsAndFiltersByStatus() {
        List<String> succeeded = azure.seedJobs(7, SeedState.SUCCEEDED);
        List<String> running = azure.seedJobs(3, SeedState.RUNNING);
        // a job created between two page reads shifts the list: the last job of page 1 comes again on page 2
        azure.faults().betweenListPages(() -> azure.createJob("inserted", "shift", false));

        List<AvatarSynthesisJob> all = jobs(list("2024-08-01", "&pageSize=3&allPages=true"));

        assertThat(azure.faults().pending()).as("the list was paged, so the job was inserted").isZero();
        assertThat(all).extracting(AvatarSynthesisJob::getId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(concat(succeeded, running));
        assertThat(jobs(list("2024-08-01", "&allPages=true&status=Running,NotStarted")))
                .extracting(AvatarSynthesisJob::getId).containsExactlyInAnyOrder(concat(running, List.of("inserted"))
                        .toArray(String[]::new));
    }

    @Test
    void allPagesRefusesANextLinkToAnotherHostWithoutSendingTheKeyThere() throws Exception {
        try (AvatarEmulator elsewhere = AvatarEmulator.builder().subscriptionKey("other").start()) {
            azure.seedJobs(150, SeedState.SUCCEEDED);
            azure.faults().foreignNextLink(elsewhere.baseUrl());

            Exchange all = list("2024-08-01", "&allPages=true");

            assertThat(all.getException()).isInstanceOf(AzureAvatarException.class).hasMessageContaining(
                    "linked page 2 to another host, " + elsewhere.baseUrl()).hasMessageContaining("beyond page 1");
            assertThat(elsewhere.requests().all()).isEmpty();
            Exchange onePage = list("2024-08-01", "");
            assertThat(jobs(onePage)).as("one page needs no next link").hasSize(100);
        }
    }

    @Test
    void oneRequestForOnePageUnlessAllPagesAreAskedForEachThePageSize() {
        azure.seedJobs(5, SeedState.SUCCEEDED);
        azure.requests().clear();

        Exchange onePage = list("2024-08-01", "&pageSize=2");
        assertThat(jobs(onePage)).hasSize(2);
        assertThat(onePage.getMessage().getHeader(AzureAvatarConstants.NEXT_LINK, String.class)).startsWith(azure.baseUrl());
        assertThat(azure.requests().count("GET", listPath("2024-08-01"))).isEqualTo(1);

        azure.requests().clear();
        Exchange all = list("2024-08-01", "&pageSize=2", AzureAvatarConstants.ALL_PAGES, true);
        assertThat(jobs(all)).hasSize(5);
        assertThat(all.getMessage().getHeader(AzureAvatarConstants.NEXT_LINK)).isNull();
        assertThat(azure.requests().count("GET", listPath("2024-08-01"))).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-08-01", "3.1-preview1" })
    void onePageAtATimeByTheNextLinkOrBySkip(String version) {
        List<String> ids = azure.seedJobs(5, SeedState.SUCCEEDED);
        List<String> newestFirst = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);

        Exchange first = list(version, "", AzureAvatarConstants.PAGE_SIZE, 2, AzureAvatarConstants.SKIP, 0);
        assertThat(jobs(first)).extracting(AvatarSynthesisJob::getId).containsExactlyElementsOf(newestFirst.subList(0, 2));
        String next = first.getMessage().getHeader(AzureAvatarConstants.NEXT_LINK, String.class);
        assertThat(next).startsWith(azure.baseUrl());
        assertThat(jobs(list(version, "", AzureAvatarConstants.NEXT_LINK, next))).extracting(AvatarSynthesisJob::getId)
                .containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(jobs(list(version, "", AzureAvatarConstants.PAGE_SIZE, 2, AzureAvatarConstants.SKIP, 3)))
                .extracting(AvatarSynthesisJob::getId).containsExactlyElementsOf(newestFirst.subList(3, 5));

        Exchange last = list(version, "", AzureAvatarConstants.PAGE_SIZE, 100, AzureAvatarConstants.SKIP, 4);
        assertThat(jobs(last)).extracting(AvatarSynthesisJob::getId).containsExactly(newestFirst.get(4));
        assertThat(last.getMessage().getHeader(AzureAvatarConstants.NEXT_LINK)).as("the last page has none").isNull();
    }

    @Test
    void aJobThatCannotBeReadIsLeftOutWithAWarning() {
        List<String> ids = azure.seedJobs(3, SeedState.SUCCEEDED);
        azure.faults().unreadableInLists(ids.get(1), 1);

        try (LogCapture logs = LogCapture.attach()) {
            assertThat(jobs(list("2024-08-01", ""))).extracting(AvatarSynthesisJob::getId)
                    .containsExactlyInAnyOrder(ids.get(0), ids.get(2));
            assertThat(logs.linesContaining("Left out 1 unreadable jobs")).singleElement().asString().contains(ids.get(1));
        }
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedWithoutSendingTheKey() {
        try (AvatarEmulator elsewhere = AvatarEmulator.builder().subscriptionKey("other").start()) {
            Exchange refused = list("2024-08-01", "", AzureAvatarConstants.NEXT_LINK,
                    elsewhere.baseUrl() + "/avatar/batchsyntheses?skip=2");

            assertThat(refused.getException()).hasMessageContaining("Refusing to send credentials");
            assertThat(elsewhere.requests().all()).isEmpty();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
