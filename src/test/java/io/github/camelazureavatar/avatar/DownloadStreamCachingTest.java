package io.github.camelazureavatar.avatar;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelazureavatar.avatar.client.BlobDownload;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component keeps its own download stream out of Camel's stream caching (on by default), so a video reaches the
 * next step as a stream; the user's own deny list stays, and a user who allows the download's class gets it cached.
 * AzureAvatarLargeVideoIT shows what it is for: 600 MB to a file in 256 MiB of heap.
 */
class DownloadStreamCachingTest extends EmulatorTestSupport {

    private Object download() throws Exception {
        AtomicReference<Object> body = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to(avatarUri("2024-08-01", "operation=downloadResult"))
                        .process(e -> body.set(e.getMessage().getBody())).convertBodyTo(byte[].class);
            }
        });
        String id = azure.createJob("cached-or-not", "video", false);
        azure.advance(Duration.ofSeconds(20));
        context.createProducerTemplate().requestBodyAndHeader("direct:video", null, AzureAvatarConstants.JOB_ID, id);
        return body.get();
    }

    @Test
    void theVideoStreamsPastStreamCachingAndTheUsersOwnDenyListStays() throws Exception {
        context.getStreamCachingStrategy().setDenyClasses(ByteArrayInputStream.class);

        assertThat(download()).isInstanceOf(BlobDownload.class);
        assertThat(context.getStreamCachingStrategy().getDenyClasses())
                .containsExactlyInAnyOrder(ByteArrayInputStream.class, BlobDownload.class);
    }

    @Test
    void aUserWhoAllowsTheDownloadClassGetsTheVideoCached() throws Exception {
        context.getStreamCachingStrategy().setAllowClasses(BlobDownload.class);

        assertThat(download()).isInstanceOf(StreamCache.class);
        assertThat(context.getStreamCachingStrategy().getDenyClasses()).isNull();
    }
}
