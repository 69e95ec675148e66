package io.github.camelazureavatar.avatar;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 1 GiB result streams from the blob host to a file: the body is an InputStream, and the heap still reachable after
 * a garbage collection midway through stays far below the size of the video.
 */
class LargeResultDownloadTest extends CamelTestSupport {

    private static final long ONE_GIB = 1L << 30;
    private static final long MIDWAY = 256L << 20;

    private static AvatarEmulator emu;

    @TempDir
    static Path videos;

    private final AtomicReference<Class<?>> bodyType = new AtomicReference<>();

    @BeforeAll
    static void startEmulator() {
        emu = AvatarEmulator.builder().subscriptionKey("large-key").start();
    }

    @AfterAll
    static void stopEmulator() {
        EmulatorTestSupport.closeCheckingBlobHost(emu);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:save")
                        .to("azure-avatar:jobs?endpoint=" + emu.baseUrl() + "&subscriptionKey=large-key&operation=downloadResult")
                        .process(e -> bodyType.set(e.getMessage().getBody().getClass()))
                        .to("file:" + videos.toAbsolutePath());
            }
        };
    }

    @Test
    void aGibibyteStreamsToAFileWithBoundedHeap() throws Exception {
        assertThat(context.isStreamCaching()).as("Camel's default, which would buffer a stream in memory").isTrue();
        String id = emu.createJob("big-video", "1 GiB result", false);
        emu.advance(Duration.ofSeconds(16));
        emu.setResultSize(id, ONE_GIB);
        Path file = videos.resolve(id + ".mp4");

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = retainedHeap(memory);
        AtomicLong midwayRetained = new AtomicLong(-1);
        Thread watcher = new Thread(() -> {
            try {
                await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(60))
                        .until(() -> Files.exists(file) && Files.size(file) >= MIDWAY);
                midwayRetained.set(retainedHeap(memory));
            } catch (Exception e) {
                midwayRetained.set(Long.MAX_VALUE);
            }
        }, "heap-watcher");
        watcher.setDaemon(true);
        watcher.start();

        long start = System.nanoTime();
        Exchange exchange = template.request("direct:save", e -> e.getMessage().setHeader(AzureAvatarConstants.JOB_ID, id));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        watcher.join(10_000);

        assertThat(exchange.getException()).isNull();
        assertThat(bodyType.get()).isNotNull();
        assertThat(InputStream.class).isAssignableFrom(bodyType.get());
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class)).isEqualTo(ONE_GIB);
        assertThat(Files.size(file)).isEqualTo(ONE_GIB);
        assertThat(midwayRetained.get()).as("heap measured midway").isNotNegative();
        assertThat(midwayRetained.get() - baseline).as("heap retained midway beyond the baseline, in bytes")
                .isLessThan(128L << 20);
        assertThat(seconds).as("seconds for 1 GiB").isLessThan(60);
        Files.delete(file);
    }

    /** Heap still reachable: what a whole-video buffer would show, and streaming garbage would not. */
    private static long retainedHeap(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
