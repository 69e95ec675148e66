package io.github.camelazureavatar.avatar.client;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import io.github.camelazureavatar.avatar.api.JobPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One walk down the job list from the top, a page per request, following Azure's next links. The list shifts while it
 * is paged (jobs are created and deleted), so no offset is ever kept between walks; a job may show up twice in one
 * walk and callers drop the repeat. A next link is followed only on the endpoint's own origin (the credentials go
 * nowhere else) and only to a page not read yet (a cycle would never end).
 */
public final class JobListing {

    private static final Logger LOG = LoggerFactory.getLogger(JobListing.class);

    /**
     * Why a walk ended: a page without a next link, a next link back to a page already read (Azure would loop for
     * ever), a next link to another host (not followed: the credentials stay home), or the caller had read enough.
     */
    public enum End {
        LAST_PAGE, CYCLE, FOREIGN_NEXT_LINK, STOPPED
    }

    private final AzureAvatarClient client;
    private final Set<String> read = new HashSet<>();
    private URI next;
    private int pages;
    private End end;
    private Origin foreignHost;

    public JobListing(AzureAvatarClient client, URI firstPage) {
        this.client = client;
        this.next = firstPage;
    }

    /** The next page, or null once the walk has ended (see {@link #end()}). */
    public JobPage nextPage() {
        if (next == null) {
            return null;
        }
        read.add(pageIdentity(next));
        JobPage page = client.listPage(next);
        pages++;
        next = page.nextLink();
        if (next == null) {
            end = End.LAST_PAGE;
        } else if (!client.origin().isSameOrigin(next)) {
            foreignHost = Origin.of(next);
            end = End.FOREIGN_NEXT_LINK;
            next = null;
        } else if (read.contains(pageIdentity(next))) {
            LOG.warn("Azure's job list at {} links back to a page already read after {} pages; stopping there",
                    client.origin(), pages);
            end = End.CYCLE;
            next = null;
        }
        return page;
    }

    /** Ends the walk here: the caller has read enough. */
    public void stop() {
        if (next != null) {
            next = null;
            end = End.STOPPED;
        }
    }

    /** How many pages were read (one request each). */
    public int pages() {
        return pages;
    }

    /** Why the walk ended, or null while it goes on. */
    public End end() {
        return end;
    }

    /**
     * The error that says the walk ended at a next link to another host, which was not followed; null when it did not.
     *
     * @param consequence what the caller could not do because of it
     */
    public AzureAvatarException foreignNextLinkError(String consequence) {
        return end != End.FOREIGN_NEXT_LINK ? null
                : new AzureAvatarException("Azure's job list at " + client.origin() + " linked page " + (pages + 1)
                                           + " to another host, " + foreignHost + "; it was not followed, so "
                                           + consequence,
                        0, null);
    }

    /** The same page whatever the order of its query parameters: Azure's next links vary it. */
    private static String pageIdentity(URI page) {
        String[] params = page.getRawQuery() == null ? new String[0] : page.getRawQuery().split("&");
        Arrays.sort(params);
        return page.getRawPath().replaceAll("/+$", "") + "?" + String.join("&", params);
    }
}
