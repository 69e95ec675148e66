package io.github.camelazureavatar.avatar.client;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import io.github.camelazureavatar.avatar.api.JobPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the job list from the top, following Azure's next links. The list shifts while it is paged (jobs are created
 * and deleted), so no offset is ever kept between walks; a job may show up twice in one walk and callers drop the
 * repeat.
 */
public final class JobListing {

    private static final Logger LOG = LoggerFactory.getLogger(JobListing.class);

    /** Why a walk ended. */
    public enum End {
        /** Azure sent a page without a next link. */
        LAST_PAGE,
        /** A next link repeated one already read: Azure would loop for ever. */
        CYCLE,
        /** A next link pointed at another host; it was not followed, so the credentials stayed home. */
        FOREIGN_NEXT_LINK,
        /** The visitor had seen enough. */
        STOPPED
    }

    /** Sees each page in order and says whether to go on. */
    @FunctionalInterface
    public interface PageVisitor {
        boolean visit(JobPage page);
    }

    /**
     * @param pages       how many pages were read (one request each)
     * @param end         why the walk ended
     * @param foreignHost the other host a next link named, when {@code end} is {@link End#FOREIGN_NEXT_LINK}
     */
    public record Walk(int pages, End end, Origin foreignHost) {

        /**
         * The error that says a walk ended at a next link to another host, which was not followed.
         *
         * @param listedAt    the endpoint's origin
         * @param consequence what the caller could not do because of it
         */
        public AzureAvatarException foreignNextLinkError(Origin listedAt, String consequence) {
            return new AzureAvatarException("Azure's job list at " + listedAt + " linked page " + (pages + 1)
                                            + " to another host, " + foreignHost + "; it was not followed, so "
                                            + consequence,
                    0, null);
        }
    }

    private JobListing() {
    }

    /** The same page whatever the order of its query parameters: Azure's next links vary it. */
    private static String pageIdentity(URI page) {
        String query = page.getRawQuery() == null ? "" : page.getRawQuery();
        String[] params = query.split("&");
        Arrays.sort(params);
        return page.getRawPath().replaceAll("/+$", "") + "?" + String.join("&", params);
    }

    public static Walk walk(AzureAvatarClient client, int pageSize, PageVisitor visitor) {
        URI next = client.dialect().listUri(0, pageSize);
        Set<String> read = new HashSet<>();
        int pages = 0;
        while (true) {
            read.add(pageIdentity(next));
            JobPage page = client.listPage(next);
            pages++;
            if (!visitor.visit(page)) {
                return new Walk(pages, End.STOPPED, null);
            }
            next = page.nextLink();
            if (next == null) {
                return new Walk(pages, End.LAST_PAGE, null);
            }
            if (!client.origin().contains(next)) {
                return new Walk(pages, End.FOREIGN_NEXT_LINK, Origin.of(next));
            }
            if (read.contains(pageIdentity(next))) {
                LOG.warn("Azure's job list at {} links back to a page already read after {} pages; stopping there",
                        client.origin(), pages);
                return new Walk(pages, End.CYCLE, null);
            }
        }
    }
}
