package io.github.camelazureavatar.avatar.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Misbehaviour queued by tests, consumed in the order it was queued. {@link #next} applies to
 * API requests only; {@link #nextMatching} to any request (API or blob host) whose method and
 * path match, so a test can also spoil downloads.
 */
public final class Faults {

    private static final class Rule {
        final String host;
        final String method;
        final String pathPrefix;
        int remaining;
        final Fault fault;

        Rule(String host, String method, String pathPrefix, int remaining, Fault fault) {
            this.host = host;
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.remaining = remaining;
            this.fault = fault;
        }

        boolean matches(String host, String method, String path) {
            return (this.host == null || this.host.equals(host))
                    && (this.method == null || "*".equals(this.method) || this.method.equalsIgnoreCase(method))
                    && (pathPrefix == null || path.startsWith(pathPrefix));
        }
    }

    /** A next-link rewrite: foreign host (baseUrl != null) or a cycle. */
    record LinkFault(String foreignBaseUrl) {
        boolean cycle() {
            return foreignBaseUrl == null;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Deque<LinkFault> linkFaults = new ArrayDeque<>();
    private boolean endlessLinks;
    private long endlessLinkCount;
    private final Deque<Runnable> betweenPages = new ArrayDeque<>();
    /**
     * Job id to the number of list pages still to show it unreadable. Concurrent rather than under the lock: every job
     * of every page served asks it, and an empty map answers without locking anything.
     */
    private final Map<String, Integer> unreadable = new ConcurrentHashMap<>();
    private ListOrder listOrder = ListOrder.NEWEST_FIRST;
    private long shuffleSeed;
    private final Map<String, java.time.Duration> datedAhead = new ConcurrentHashMap<>();
    private final Set<String> undated = ConcurrentHashMap.newKeySet();
    private Fault randomFault;
    private double randomRate;
    private Random random;

    /** The next {@code n} API requests, whatever they are, answer with {@code fault}. */
    public synchronized Faults next(int n, Fault fault) {
        rules.add(new Rule("api", null, null, positive(n), Objects.requireNonNull(fault)));
        return this;
    }

    /** The next {@code n} requests with this method (null or "*" = any) and path prefix answer with {@code fault}. */
    public synchronized Faults nextMatching(String method, String pathPrefix, int n, Fault fault) {
        rules.add(new Rule(null, method, pathPrefix, positive(n), Objects.requireNonNull(fault)));
        return this;
    }

    /** The next list response that has a next link points it at this host instead (same path and query). */
    public synchronized Faults foreignNextLink(String foreignBaseUrl) {
        linkFaults.add(new LinkFault(stripSlash(Objects.requireNonNull(foreignBaseUrl))));
        return this;
    }

    /** The next list response that has a next link points it back at the same page. */
    public synchronized Faults nextLinkCycle() {
        linkFaults.add(new LinkFault(null));
        return this;
    }

    /**
     * From now on every list page links to a next page, the same one again under a query no earlier link had: a
     * client that follows next links never reaches the end, and no link repeats (Azure should never do this).
     */
    public synchronized Faults endlessNextLinks() {
        endlessLinks = true;
        return this;
    }

    synchronized long endlessLinkNumber() {
        return endlessLinks ? ++endlessLinkCount : 0;
    }

    /**
     * Runs {@code action} once, after the first page (skip 0) of the next list has been built
     * and before it is sent, so the client's next page sees the change and this page does not.
     */
    public synchronized Faults betweenListPages(Runnable action) {
        betweenPages.add(Objects.requireNonNull(action));
        return this;
    }

    /**
     * The next {@code pages} list pages that hold this job show it with an unreadable {@code createdDateTime}: the
     * page itself stays good JSON, only the one job cannot be read. Get, create and delete see the job as it is.
     */
    public synchronized Faults unreadableInLists(String jobId, int pages) {
        unreadable.merge(Objects.requireNonNull(jobId), positive(pages), Integer::sum);
        return this;
    }

    /** Orders of the job list other than the newest first Azure's examples show (nothing promises it). */
    public enum ListOrder { NEWEST_FIRST, OLDEST_FIRST, SHUFFLED_PAGES }

    /**
     * From now on the list is served in this order; SHUFFLED_PAGES serves newest-first pages in an order drawn from
     * {@code seed} (each page newest first inside, the pages out of order).
     */
    public synchronized Faults listOrder(ListOrder order, long seed) {
        this.listOrder = Objects.requireNonNull(order);
        this.shuffleSeed = seed;
        return this;
    }

    synchronized ListOrder listOrder() {
        return listOrder;
    }

    synchronized long shuffleSeed() {
        return shuffleSeed;
    }

    /**
     * From now on lists show this job created {@code ahead} later than it was (a clock skew), placed where that date
     * sorts it (on top); get, create and delete see the job as it is.
     */
    public Faults datedAhead(String jobId, java.time.Duration ahead) {
        datedAhead.put(Objects.requireNonNull(jobId), Objects.requireNonNull(ahead));
        return this;
    }

    /** From now on lists show this job without its createdDateTime (the field left out); get sees the job as it is. */
    public Faults undatedInLists(String jobId) {
        undated.add(Objects.requireNonNull(jobId));
        return this;
    }

    boolean undated(String jobId) {
        return !undated.isEmpty() && undated.contains(jobId);
    }

    /** How much later lists date this job, or null. */
    java.time.Duration datedAhead(String jobId) {
        return datedAhead.isEmpty() ? null : datedAhead.get(jobId);
    }

    boolean anyDatedAhead() {
        return !datedAhead.isEmpty();
    }

    /**
     * From now on, a fraction {@code rate} (0..1) of API requests not taken by a queued fault answer
     * with {@code fault}, drawn from a generator seeded with {@code seed}; rate 0 stops it.
     */
    public synchronized Faults randomly(double rate, Fault fault, long seed) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within 0..1: " + rate);
        }
        this.randomRate = rate;
        this.randomFault = Objects.requireNonNull(fault);
        this.random = new Random(seed);
        return this;
    }

    public synchronized void clear() {
        randomRate = 0;
        listOrder = ListOrder.NEWEST_FIRST;
        datedAhead.clear();
        undated.clear();
        endlessLinks = false;
        rules.clear();
        linkFaults.clear();
        betweenPages.clear();
        unreadable.clear();
    }

    /** Faults not consumed yet (request faults counted per request, plus link and list actions). */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum() + linkFaults.size() + betweenPages.size()
               + unreadable.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether a list page shows this job unreadable, counting the page against the fault. */
    boolean takeUnreadable(String jobId) {
        boolean[] taken = { false };
        unreadable.computeIfPresent(jobId, (id, left) -> {
            taken[0] = true;
            return left > 1 ? left - 1 : null;
        });
        return taken[0];
    }

    synchronized Fault take(String host, String method, String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (rule.matches(host, method, path)) {
                if (--rule.remaining <= 0) {
                    it.remove();
                }
                return rule.fault;
            }
        }
        return randomRate > 0 && host.equals("api") && random.nextDouble() < randomRate ? randomFault : null;
    }

    synchronized LinkFault takeLinkFault() {
        return linkFaults.poll();
    }

    synchronized Runnable takeBetweenPages() {
        return betweenPages.poll();
    }

    private static int positive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        return n;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
