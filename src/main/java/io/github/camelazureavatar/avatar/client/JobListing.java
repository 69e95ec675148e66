package io.github.camelazureavatar.avatar.client;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.github.camelazureavatar.avatar.api.JobPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One walk down the job list from the top, a page per request (the list shifts: no offset is kept between walks). A
 * next link is followed only on the endpoint's own origin (the key goes nowhere else) and to a page not read yet.
 */
public final class JobListing {

    private static final Logger LOG = LoggerFactory.getLogger(JobListing.class);

    public enum End { LAST_PAGE, CYCLE, FOREIGN_NEXT_LINK }

    private final AzureAvatarClient client;
    private final BooleanSupplier keepGoing;
    private final Set<String> read = new HashSet<>();
    private URI next;
    private int pages;
    private End end;

    /** @param keepGoing asked before each request and during each wait: false ends a wait at once */
    public JobListing(AzureAvatarClient client, URI firstPage, BooleanSupplier keepGoing) {
        this.client = client;
        this.next = firstPage;
        this.keepGoing = keepGoing;
        read.add(pageIdentity(firstPage));
    }

    /** The next page, or null once the walk has ended; asked for after a link to another host, an error. */
    public JobPage nextPage() {
        if (end == End.FOREIGN_NEXT_LINK) {
            throw new AzureAvatarException("Azure's job list at " + client.origin() + " linked page " + (pages + 1)
                                           + " to another host, " + Origin.of(next) + "; it was not followed, so the "
                                           + "jobs beyond page " + pages + " were not listed", 0, null);
        }
        if (end != null) {
            return null;
        }
        JobPage page = client.listPage(next, keepGoing);
        pages++;
        next = page.nextLink();
        if (next == null) {
            end = End.LAST_PAGE;
        } else if (!client.origin().isSameOrigin(next)) {
            end = End.FOREIGN_NEXT_LINK;
        } else if (!read.add(pageIdentity(next))) {
            LOG.warn("Azure's job list at {} links back to a page already read after {} pages; stopping there",
                    client.origin(), pages);
            end = End.CYCLE;
        }
        return page;
    }

    public int pages() {
        return pages;
    }

    /** Null while there are pages left to read (the caller may have stopped reading them). */
    public End end() {
        return end;
    }

    /** The same page whatever the order of its query parameters: Azure's next links vary it. */
    private static String pageIdentity(URI page) {
        String[] params = page.getRawQuery() == null ? new String[0] : page.getRawQuery().split("&");
        Arrays.sort(params);
        return page.getRawPath().replaceAll("/+$", "") + "?" + String.join("&", params);
    }
}
