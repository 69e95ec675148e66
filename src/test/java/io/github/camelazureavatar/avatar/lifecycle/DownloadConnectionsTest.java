package io.github.camelazureavatar.avatar.lifecycle;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelazureavatar.avatar.AzureAvatarConstants;
import io.github.camelazureavatar.avatar.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A download whose body a route never reads gives its pooled connection back when the exchange completes. */
class DownloadConnectionsTest extends EmulatorTestSupport {

    private static final String API = "2024-08-01";

    @Test
    void downloadsThatARouteNeverReadsDoNotStarveTheNextOnes() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(azure.createJob("unread-" + i, "x", false));
        }
        azure.advance(Duration.ofSeconds(20));
        List<Long> downloaded = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fails-before-reading").to(avatarUri(API, "operation=downloadResult"))
                        .process(e -> {
                            throw new IllegalStateException("a later step fails before the video is read");
                        });
                from(avatarUri(API, "status=Succeeded")).routeId("jobs").to(avatarUri(API, "operation=downloadResult"))
                        .process(e -> {
                            try (InputStream video = e.getMessage().getBody(InputStream.class)) {
                                downloaded.add(video.transferTo(java.io.OutputStream.nullOutputStream()));
                            }
                        });
            }
        });
        ProducerTemplate template = context.createProducerTemplate();

        // HttpClient pools 20 connections per host: without the close, the 21st waits minutes for a free one
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String id : ids) {
                Exchange failed = template.send("direct:fails-before-reading",
                        e -> e.getMessage().setHeader(AzureAvatarConstants.JOB_ID, id));
                assertThat(failed.getException()).hasMessageContaining("a later step fails");
            }
            String good = azure.createJob("good", "x", false);
            azure.advance(Duration.ofSeconds(20));
            pollOnce("jobs");
            assertThat(downloaded).hasSize(26).allSatisfy(bytes -> assertThat(bytes).isEqualTo(azure.resultVideo().length));
            assertThat(good).isNotNull();
        });
    }
}
