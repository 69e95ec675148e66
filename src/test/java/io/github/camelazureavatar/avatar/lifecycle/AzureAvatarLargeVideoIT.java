package io.github.camelazureavatar.avatar.lifecycle;

import java.nio.file.Path;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import org.apache.camel.CamelContext;
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
        String output = BoundedMemoryIT.runChildJvm(dir.resolve("large-video.log"), "-Xmx256m",
                AzureAvatarLargeVideoIT.class, dir.toString());
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
            System.out.println("ok " + BoundedMemoryScenario.download(azure, camel.createProducerTemplate(), dir, SIZE));
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }
}
