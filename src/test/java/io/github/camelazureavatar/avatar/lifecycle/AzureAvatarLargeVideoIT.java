package io.github.camelazureavatar.avatar.lifecycle;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.SyntheticContent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * downloadResult to file: of a 600 MB video in a JVM with 256 MiB of heap and Camel's defaults: stream caching on,
 * spooling off, nothing configured for the component. Before, stream caching copied the whole video into memory and
 * the JVM ran out of it; the component now puts its own download stream on the stream caching deny list.
 */
class AzureAvatarLargeVideoIT {

    private static final long SIZE = 600L << 20;
    private static final String KEY = "large-video-key";

    @TempDir
    Path dir;

    @Test
    void aVideoLargerThanTheHeapStreamsToAFileWithCamelsDefaults() throws Exception {
        Path log = dir.resolve("large-video.log");
        Process process = new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                AzureAvatarLargeVideoIT.class.getName(), dir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as("ended within 5 minutes: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as(output).containsPattern("(?m)^ok downloaded " + SIZE + " bytes");
    }

    /** The child JVM: the emulator and a CamelContext as Camel makes it. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (AvatarEmulator azure = AvatarEmulator.builder().subscriptionKey(KEY).start();
             CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:download").to("azure-avatar:jobs?endpoint=" + azure.baseUrl() + "&subscriptionKey="
                                               + KEY + "&operation=downloadResult")
                            .to("file:" + dir.toAbsolutePath());
                }
            });
            camel.start();
            if (!camel.getStreamCachingStrategy().isEnabled() || camel.getStreamCachingStrategy().isSpoolEnabled()) {
                throw new AssertionError("not Camel's default stream caching");
            }
            String id = azure.createJob("large-video", "600 MB result", false);
            azure.advance(Duration.ofSeconds(20));
            azure.setResultSize(id, SIZE);
            Exchange exchange = camel.createProducerTemplate().request("direct:download",
                    e -> e.getMessage().setHeader(AzureAvatarConstants.JOB_ID, id));
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            Path file = dir.resolve(id + ".mp4");
            long size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                in.skip(size - 1);
                if (size != SIZE || (byte) in.read() != SyntheticContent.byteAt(size - 1)) {
                    throw new AssertionError("the file is not the video: " + size + " bytes");
                }
            }
            System.out.println("ok downloaded " + size + " bytes");
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }
}
