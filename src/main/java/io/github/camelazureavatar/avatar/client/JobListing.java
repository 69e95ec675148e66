package io.github.camelazureavatar.avatar.client;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

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

        /** Decides whether the walk goes on past this page: called before the next page is asked for. */
        boolean visit(JobPage page);

        /**
         * The work on a visited page that need not hold the walk up: with a fetch-ahead executor it runs while the next
         * page is being fetched and read.
         */
        default void process(JobPage page) {
        }
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
        return walk(client, pageSize, visitor, null, false);
    }

    /**
     * @param ahead      where pages are fetched while the visitor {@linkplain PageVisitor#process processes} the one
     *                   before, or null to do everything in the calling thread
     * @param readAhead  whether pages may be fetched before the visitor decided to go on: set it only for a walk that
     *                   reads the whole list anyway. Otherwise the next page is fetched once the visitor decided, so
     *                   fetching ahead never costs an extra request
     */
    public static Walk walk(AzureAvatarClient client, int pageSize, PageVisitor visitor, Executor ahead,
                            boolean readAhead) {
        URI next = client.dialect().listUri(0, pageSize);
        Set<String> read = new HashSet<>();
        read.add(pageIdentity(next));
        ReadAhead stream = null;
        try {
            // the first page in this thread, and the read-ahead from the second: waking a pool thread took 0.5 to
            // 0.8 ms on the 2 cores measured, longer than fetching a page
            byte[] first = client.fetchListPage(next);
            if (ahead != null && readAhead) {
                stream = new ReadAhead(client, first, read, ahead);
            }
            JobPage firstPage = client.readListPage(first);
            Supplier<JobPage> fetching = () -> firstPage;
            int pages = 0;
            while (true) {
                JobPage page = fetching.get();
                pages++;
                Walk end = visitor.visit(page) ? endAfter(client, page, read, pages) : new Walk(pages, End.STOPPED, null);
                if (end != null) {
                    visitor.process(page);
                    return end;
                }
                next = page.nextLink();
                read.add(pageIdentity(next));
                if (ahead == null || stream != null && !stream.dry) {
                    // the next page is on its way already, or there is no thread to fetch it
                    visitor.process(page);
                    fetching = fetchHere(client, next, stream);
                } else {
                    fetching = fetchInBackground(client, next, ahead);
                    visitor.process(page);
                }
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    /**
     * The page at {@code uri}, read in this thread: from the bytes fetched ahead or fetched now. Reading is left to
     * the walk's thread because it ran much faster there, on the 2 cores measured, than on a third thread.
     */
    private static Supplier<JobPage> fetchHere(AzureAvatarClient client, URI uri, ReadAhead stream) {
        byte[] fetched = stream == null ? null : stream.take(uri);
        JobPage page = client.readListPage(fetched != null ? fetched : client.fetchListPage(uri));
        return () -> page;
    }

    /** The page at {@code uri}, fetched and read in the background; what failed there is thrown at {@code get}. */
    private static Supplier<JobPage> fetchInBackground(AzureAvatarClient client, URI uri, Executor ahead) {
        CompletableFuture<JobPage> fetching = CompletableFuture.supplyAsync(() -> client.listPage(uri), ahead);
        return () -> join(fetching);
    }

    /**
     * Fetches page after page without waiting for the walk, following the next link each page ends with (found
     * without reading the page): fetching and the walk's own work on the pages before overlap. At most
     * {@link #WINDOW} pages wait for the walk, about 1 MB at 100 jobs a page: enough to ride over the walk's pauses (a
     * collection, a page of many changes), where 2 measured slower. It stops where the next link is not where Azure
     * puts it, points elsewhere or back to a page fetched already, and when the walk took a page it did not expect; the
     * walk then goes on page by page.
     */
    private static final class ReadAhead {
        private static final int WINDOW = 8;
        private static final Object END = new Object();

        /** A page fetched ahead: its bytes, or what failed. */
        private record Fetched(URI uri, byte[] body, RuntimeException failure) {
        }

        private final BlockingQueue<Object> fetched = new LinkedBlockingQueue<>();
        private final Semaphore window = new Semaphore(WINDOW);
        private volatile boolean closed;
        private boolean dry;

        /** Fetches from the page the first one links to, if it can be followed ahead. */
        ReadAhead(AzureAvatarClient client, byte[] firstPage, Set<String> read, Executor ahead) {
            Set<String> seen = new HashSet<>(read);
            URI second = linkToFetch(client, firstPage, seen);
            if (second == null) {
                close();
            } else {
                ahead.execute(() -> fetchAll(client, second, seen));
            }
        }

        /** The next link a page ends with, when it is on the endpoint's origin and not fetched yet; else null. */
        private static URI linkToFetch(AzureAvatarClient client, byte[] page, Set<String> seen) {
            URI next = client.dialect().trailingNextLink(page);
            return next != null && client.origin().contains(next) && seen.add(pageIdentity(next)) ? next : null;
        }

        private void fetchAll(AzureAvatarClient client, URI second, Set<String> seen) {
            URI uri = second;
            try {
                while (uri != null && !closed) {
                    window.acquire();
                    if (closed) {
                        break;
                    }
                    byte[] body;
                    try {
                        body = client.fetchListPage(uri);
                    } catch (RuntimeException e) {
                        fetched.add(new Fetched(uri, null, e));
                        break;
                    }
                    fetched.add(new Fetched(uri, body, null));
                    uri = linkToFetch(client, body, seen);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                fetched.add(END);
            }
        }

        /**
         * The bytes of the page at {@code uri} if it is the next one fetched ahead (what failed in fetching it is
         * thrown here); null once the stream went dry or astray.
         */
        byte[] take(URI uri) {
            if (dry) {
                return null;
            }
            Object next;
            try {
                next = fetched.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AzureAvatarException("Interrupted while reading the job list", 0, null, e);
            }
            window.release();
            if (next instanceof Fetched page && page.uri().equals(uri)) {
                if (page.failure() != null) {
                    throw page.failure();
                }
                return page.body();
            }
            close();
            return null;
        }

        void close() {
            dry = true;
            closed = true;
            window.release(WINDOW);
        }
    }

    /** How the walk ends after this page, or null when it goes on to the next. */
    private static Walk endAfter(AzureAvatarClient client, JobPage page, Set<String> read, int pages) {
        URI next = page.nextLink();
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
        return null;
    }

    /** The fetched page; what failed in the fetching thread is thrown here as it was thrown there. */
    private static JobPage join(CompletableFuture<JobPage> fetching) {
        try {
            return fetching.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
