package io.github.camelazureavatar.avatar.lifecycle;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.SyntheticContent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One scenario in a JVM of its own with a small heap (see {@link BoundedMemoryIT}): what must stream, or be refused
 * before it is read whole, runs here, where holding it in memory would end in an OutOfMemoryError. Prints one line
 * starting with {@code ok} and exits 0, or exits 1.
 */
public final class BoundedMemoryScenario {

    static final long HUGE = 600L << 20;
    private static final String KEY = "bounded-memory-key";

    private BoundedMemoryScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (AvatarEmulator azure = AvatarEmulator.builder().subscriptionKey(KEY).start();
             CamelContext camel = new DefaultCamelContext()) {
            String uri = "azure-avatar:jobs?endpoint=" + azure.baseUrl() + "&subscriptionKey=" + KEY;
            // what the docs tell users: stream caching, on by default, must leave result videos alone
            camel.getStreamCachingStrategy().setDenyClasses("io.github.camelazureavatar.avatar.client.BlobDownload");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:summary").to(uri + "&operation=downloadSummary");
                    from("direct:download").to(uri + "&operation=downloadResult").process(e -> {
                        if (!(e.getMessage().getBody() instanceof InputStream)
                            || e.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class) != 1L << 30) {
                            throw new AssertionError("not a stream of 1 GiB: " + e.getMessage().getHeaders());
                        }
                    }).to("file:" + dir.toAbsolutePath());
                    // Camel's stream caching would read a stream body whole before any step sees it
                    from("direct:create").noStreamCaching().to(uri + "&operation=create");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            String line = switch (args[0]) {
                case "download-1GiB" -> download(azure, template, dir, 1L << 30);
                case "summary-600MB" -> summary(azure, template);
                case "create-600MB-file" -> create(azure, template, sparseFile(dir));
                case "create-600MB-stream" -> create(azure, template, new SyntheticStream(HUGE));
                default -> throw new IllegalArgumentException(args[0]);
            };
            System.out.println("ok " + line);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Downloads a video of the given size through direct:download and checks the file is that video. */
    static String download(AvatarEmulator azure, ProducerTemplate template, Path dir, long videoSize) throws Exception {
        String id = azure.createJob("big-video", videoSize + " bytes result", false);
        azure.advance(Duration.ofSeconds(20));
        azure.setResultSize(id, videoSize);
        Exchange exchange = template.request("direct:download", e -> e.getMessage().setHeader(AzureAvatarConstants.JOB_ID, id));
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        Path file = dir.resolve(id + ".mp4");
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            in.skip(size - 1);
            if (size != videoSize || (byte) in.read() != SyntheticContent.byteAt(size - 1)) {
                throw new AssertionError("the file is not the video: " + size + " bytes");
            }
        }
        return "downloaded " + size + " bytes";
    }

    private static String summary(AvatarEmulator azure, ProducerTemplate template) {
        String id = azure.createJob("huge-summary", "x", false);
        azure.advance(Duration.ofSeconds(20));
        azure.setSummarySize(id, HUGE);
        Exchange exchange = template.request("direct:summary", e -> e.getMessage().setHeader(AzureAvatarConstants.JOB_ID, id));
        Exception refused = exchange.getException();
        if (refused == null || !refused.getMessage().contains("an API answer may have")) {
            throw new AssertionError("not refused as too large: " + refused);
        }
        return "refused: " + refused.getMessage();
    }

    private static String create(AvatarEmulator azure, ProducerTemplate template, Object body) {
        Exchange exchange = template.request("direct:create", e -> e.getMessage().setBody(body));
        Exception refused = exchange.getException();
        if (refused == null || !refused.getMessage().contains("larger than Azure's limit")) {
            throw new AssertionError("not refused as too large: " + refused);
        }
        if (!azure.requests().all().isEmpty()) {
            throw new AssertionError("a request was sent: " + azure.requests().all());
        }
        return "refused: " + refused.getMessage();
    }

    private static Path sparseFile(Path dir) throws Exception {
        Path file = dir.resolve("huge-definition.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write('{');
            sparse.setLength(HUGE);
        }
        return file;
    }

    /** Bytes made as they are read: a body that exists nowhere whole. */
    private static final class SyntheticStream extends InputStream {
        private long left;

        SyntheticStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? ' ' : -1;
        }
    }
}
