package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvatarEmulatorListTest extends EmulatorHttpTestSupport {

    @Test
    void batchListsPagesOf100_100_50NewestFirstWithNextLinkAbsentOnLastPage() {
        List<String> seeded = new ArrayList<>(emu.seedJobs(250, SeedState.SUCCEEDED));
        Collections.reverse(seeded);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = B + "?" + V;
        JsonNode page = null;
        while (url != null) {
            HttpResponse<String> r = http.get(url);
            assertThat(r.statusCode()).isEqualTo(200);
            page = json(r);
            assertThat(page.has("values")).isFalse();
            page.get("value").forEach(j -> seen.add(j.get("id").asText()));
            sizes.add(page.get("value").size());
            url = page.has("nextLink") ? page.get("nextLink").asText() : null;
            if (url != null) {
                assertThat(url).startsWith(emu.baseUrl() + "/avatar/batchsyntheses")
                        .contains("skip=" + seen.size()).contains("maxpagesize=100").contains(V);
            }
        }
        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(seen).containsExactlyElementsOf(seeded);
        assertThat(page.has("nextLink")).isFalse();
        assertThat(emu.requests().count("GET", B)).isEqualTo(3);
    }

    @Test
    void previewListsPagesOf100_100_50WithValuesAndAtNextLink() {
        List<String> seeded = new ArrayList<>(emu.seedJobs(250, SeedState.RUNNING));
        Collections.reverse(seeded);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = A;
        JsonNode page = null;
        while (url != null) {
            page = json(http.get(url));
            assertThat(page.has("value")).isFalse();
            page.get("values").forEach(j -> seen.add(j.get("id").asText()));
            sizes.add(page.get("values").size());
            url = page.has("@nextLink") ? page.get("@nextLink").asText() : null;
            if (url != null) {
                assertThat(url).isEqualTo(emu.baseUrl() + A + "?skip=" + seen.size() + "&top=100");
            }
        }
        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(seen).containsExactlyElementsOf(seeded);
        assertThat(page.has("@nextLink")).isFalse();
    }

    @Test
    void explicitPageSizesAndSkip() {
        List<String> seeded = emu.seedJobs(5, SeedState.SUCCEEDED);
        JsonNode b = json(http.get(B + "/?skip=1&maxpagesize=2&" + V));
        assertThat(b.get("value")).extracting(j -> j.get("id").asText()).containsExactly(seeded.get(3), seeded.get(2));
        assertThat(b.get("nextLink").asText())
                .isEqualTo(emu.baseUrl() + "/avatar/batchsyntheses/?maxpagesize=2&skip=3&api-version=2024-08-01");
        JsonNode a = json(http.get(A + "?skip=4&top=2"));
        assertThat(a.get("values")).extracting(j -> j.get("id").asText()).containsExactly(seeded.get(0));
        assertThat(a.has("@nextLink")).isFalse();
    }

    @Test
    void emptyListHasNoNextLink() {
        assertThat(http.get(B + "?" + V).body()).isEqualTo("{\"value\":[]}");
        assertThat(http.get(A).body()).isEqualTo("{\"values\":[]}");
    }

    @Test
    void pageSizeAbove100IsRefusedInBothGenerations() {
        HttpResponse<String> a = http.get(A + "?top=101");
        assertThat(a.statusCode()).isEqualTo(400);
        assertThat(json(a).get("code").asText()).isEqualTo("InvalidRequest");
        assertThat(json(a).get("message").asText()).isEqualTo("The top parameter should not be greater than 100.");
        HttpResponse<String> b = http.get(B + "?maxpagesize=101&" + V);
        assertThat(b.statusCode()).isEqualTo(400);
        assertThat(json(b).at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(b.headers().firstValue("x-ms-error-code")).hasValue("BadRequest");
    }

    @Test
    void jobsWithTheSameCreatedDateTimeListInReverseCreationOrder() {
        emu.createJob("first", null, false);
        emu.createJob("second", null, false);
        emu.createJob("third", null, false);
        JsonNode page = json(http.get(B + "?" + V));
        assertThat(page.get("value")).extracting(j -> j.get("id").asText()).containsExactly("third", "second", "first");
    }

    @Test
    void oneStoreServesBothGenerations() {
        String aId = json(http.createA(EmulatorHttp.bodyA("hello"))).get("id").asText();
        http.createB("b-job", EmulatorHttp.bodyB("hello"));
        assertThat(json(http.get(A)).get("values")).extracting(j -> j.get("id").asText()).containsExactly("b-job", aId);
        assertThat(json(http.get(B + "?" + V)).get("value")).extracting(j -> j.get("id").asText()).containsExactly("b-job", aId);
    }

    /** Seeding and serving speed are measured by the benchmark, not asserted here: a busy machine would fail it. */
    @Test
    void seeds100000JobsAndServesTheirFirstAndLastPages() {
        List<String> ids = emu.seedJobs(100_000, SeedState.SUCCEEDED);
        assertThat(emu.jobCount()).isEqualTo(100_000);

        JsonNode last = json(http.get(B + "?skip=99950&maxpagesize=100&" + V));
        assertThat(last.get("value")).hasSize(50);
        assertThat(last.has("nextLink")).isFalse();
        assertThat(last.get("value").get(49).get("id").asText()).isEqualTo(ids.get(0));
        JsonNode first = json(http.get(A));
        assertThat(first.get("values").get(0).get("id").asText()).isEqualTo(ids.get(99_999));
        assertThat(first.get("@nextLink").asText()).endsWith("?skip=100&top=100");
    }
}
