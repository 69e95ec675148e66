package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.A;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.B;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.V;
import static io.github.camelazureavatar.avatar.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tests poll from one thread while another moves the clock and creates jobs. Each step of
 * the clock waits until the pollers have answered again, so the interleaving really happens
 * however busy the machine is.
 */
class AvatarEmulatorConcurrencyTest {

    private static final List<String> ORDER = List.of("NotStarted", "Running", "Succeeded");

    @Test
    void pollersSeeJobsOnlyMoveForwardWhileAnotherThreadAdvancesTheClock() throws Exception {
        try (AvatarEmulator emu = AvatarEmulator.builder().start()) {
            List<String> ids = emu.seedJobs(300, SeedState.LIFECYCLE);
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger polls = new AtomicInteger();
            Runnable poller = () -> {
                EmulatorHttp http = new EmulatorHttp(emu);
                Map<String, Integer> seen = new HashMap<>();
                while (!done.get()) {
                    for (String url : new String[] {B + "?" + V, A + "?skip=100&top=100", B + "/" + ids.get(0) + "?" + V}) {
                        JsonNode page = json(http.get(url));
                        JsonNode items = page.has("value") ? page.get("value") : page.has("values") ? page.get("values") : null;
                        for (JsonNode job : items != null ? items : List.of(page)) {
                            int rank = ORDER.indexOf(job.get("status").asText());
                            Integer before = seen.put(job.get("id").asText(), rank);
                            assertThat(rank).isGreaterThanOrEqualTo(before == null ? 0 : before);
                        }
                    }
                    polls.incrementAndGet();
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> p1 = pool.submit(poller);
                Future<?> p2 = pool.submit(poller);
                for (int i = 0; i < 32; i++) {
                    int target = polls.get() + 2;
                    emu.advance(Duration.ofMillis(500));
                    emu.createJob("live-" + i, null, false);
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2)).until(() -> polls.get() >= target || p1.isDone() || p2.isDone());
                }
                done.set(true);
                p1.get(30, TimeUnit.SECONDS);
                p2.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(emu.jobCount()).isEqualTo(332);
            assertThat(ids).allSatisfy(id -> assertThat(emu.jobStatus(id)).hasValue("Succeeded"));
            assertThat(emu.requests().all()).allMatch(r -> r.status() == 200);
            assertThat(polls.get()).isGreaterThanOrEqualTo(64);
        }
    }
}
