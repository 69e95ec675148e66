package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.client.JobListing;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.HeadersMapFactory;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits one exchange per job and status. Each poll lists every job from the top (the list shifts, so no offset is
 * kept), takes the jobs whose {@code id:status} key was not delivered yet, and emits them page by page as listed, or
 * oldest change first once the whole list was read ({@code oldestFirst=true}). A key is committed only when its
 * exchange completed, so a failed route sees the job again next poll: nothing is lost, and with a persistent
 * repository nothing is delivered twice across restarts either.
 */
public class AzureAvatarConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarConsumer.class);

    private static final Comparator<Event> OLDEST_CHANGE_FIRST = Comparator.comparing(Event::job, Comparator
            .comparing(AvatarSynthesisJob::getLastActionDateTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AvatarSynthesisJob::getId));

    private IdempotentRepository delivered;
    private IdempotentRepository inProgress;
    private boolean ownsDelivered;
    private boolean ownsInProgress;
    private Set<JobStatus> statusFilter;
    private boolean existingSkipped;
    private IncrementalFrontier frontier;
    private long pollNumber;
    /** Fetches pages while the poll thread works on the ones before. */
    private ExecutorService readAhead;
    private HeadersMapFactory headersMapFactory;

    public AzureAvatarConsumer(AzureAvatarEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AzureAvatarEndpoint getEndpoint() {
        return (AzureAvatarEndpoint) super.getEndpoint();
    }

    private AzureAvatarConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        AzureAvatarConfiguration configuration = configuration();
        statusFilter = configuration.statusFilter();
        frontier = new IncrementalFrontier(configuration.isIncremental(), configuration.getFullScanEvery());
        delivered = configuration.getIdempotentRepository();
        ownsDelivered = delivered == null;
        if (ownsDelivered) {
            // first in, first out: the repository is only asked contains, add and remove, which never change the order
            // of Camel's LRU cache either, so both evict the same keys; the FIFO map costs far less per key (a
            // delivery poll of 10 000 changes ran 10 to 25 % faster in the benchmark)
            delivered = MemoryIdempotentRepository.memoryIdempotentRepositoryFifo(100_000);
        }
        inProgress = configuration.getInProgressRepository();
        ownsInProgress = inProgress == null;
        if (ownsInProgress) {
            // a plain map, not an LRU cache: a reservation must never be evicted (the job would be emitted twice),
            // and every key leaves when its exchange completes
            inProgress = MemoryIdempotentRepository.memoryIdempotentRepository(new HashMap<>());
        }
        ServiceHelper.startService(delivered, inProgress);
        headersMapFactory = getEndpoint().getCamelContext().getCamelContextExtension().getHeadersMapFactory();
        // two threads: one fetches page after page ahead of a full pass, the other fetches and reads the next page of a
        // walk that cannot read ahead; idle ones go away
        readAhead = getEndpoint().getCamelContext().getExecutorServiceManager().newThreadPool(this,
                "AzureAvatarReadAhead", new ThreadPoolProfileBuilder("AzureAvatarReadAhead").poolSize(2).maxPoolSize(2)
                        // a few tasks wait at most (the pages read ahead are bounded); a queue size of 0 or less
                        // would make Camel hand over without queueing, and a task the poll thread ran itself would
                        // wait for itself
                        .maxQueueSize(64).rejectedPolicy(ThreadPoolRejectedPolicy.Abort).keepAliveTime(60L)
                        .allowCoreThreadTimeOut(true).build());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (readAhead != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(readAhead);
            readAhead = null;
        }
        if (ownsDelivered) {
            ServiceHelper.stopService(delivered);
        }
        if (ownsInProgress) {
            ServiceHelper.stopService(inProgress);
        }
    }

    @Override
    protected int poll() throws Exception {
        pendingExchanges = 0;
        boolean skipping = configuration().isSkipExisting() && !existingSkipped;
        boolean fullPass = frontier.fullPassDue(skipping);
        Instant stopBefore = fullPass ? null : frontier.oldestUnsettled();
        // skipExisting must have seen the whole list before it knows whether anything is news
        boolean asListed = !configuration().isOldestFirst() && !skipping;
        Walker walker = new Walker(++pollNumber, stopBefore, asListed, skipping);
        // a full pass reads every page anyway, so pages may be fetched before the walker asked for them; unless as
        // listed with maxMessagesPerPoll, which may end the walk early
        boolean readsEverything = fullPass && (!asListed || maxMessagesPerPoll <= 0);
        JobListing.Walk walk = JobListing.walk(getEndpoint().getClient(), configuration().getPageSize(), walker,
                readAhead, readsEverything);
        // Azure answered: the consumer is ready even when nothing changed
        forceConsumerAsReady();
        frontier.walked(pollNumber, walk.end(), fullPass, walker.cutShort, walker.sawUnreadable);
        LOG.trace("{} pass read {} pages ({}), {} candidates", fullPass ? "Full" : "Incremental", walk.pages(), walk.end(),
                walker.candidateIds.size());

        if (skipping) {
            existingSkipped = true;
            // a candidate's own key is undelivered, and no status is delivered before the ones it follows: an earlier
            // status is the only thing the repository can know of it
            if (walker.repositoryKnowsListedJobs || walker.candidates.stream()
                    .anyMatch(event -> previouslyDelivered(event.job()) != null)) {
                // a restart or a failover on a persistent or shared repository: what changed meanwhile is news
                LOG.info("skipExisting ignored: the idempotent repository already knows jobs of this resource");
            } else {
                List<IncrementalFrontier.Candidate> recorded = walker.settling();
                walker.candidates.forEach(event -> delivered.add(event.job().statusKey()));
                recorded.forEach(IncrementalFrontier.Candidate::delivered);
                frontier.delivered(pollNumber, recorded, delivered);
                LOG.info("skipExisting: recorded {} existing jobs as delivered without emitting them",
                        walker.candidates.size());
                return 0;
            }
        }
        if (!asListed) {
            walker.candidates.sort(OLDEST_CHANGE_FIRST);
            walker.emit();
        }
        if (walk.end() == JobListing.End.FOREIGN_NEXT_LINK) {
            // after emitting what was listed: the health check must show that the rest of the list is out of reach
            throw walk.foreignNextLinkError(getEndpoint().getClient().origin(),
                    "jobs beyond page " + walk.pages() + " were not listed");
        }
        return walker.emitted;
    }

    /**
     * One poll's pass over the pages: keeps the jobs whose current status is wanted and not delivered or in flight (a
     * job listed twice counts once), tells the frontier about every job that is not settled, and, in an incremental
     * pass, ends the walk at the first page whose jobs are all settled and older than everything unsettled. Emits the
     * candidates of each page as it goes ({@code oldestFirst=false}, while the next page is fetched) or all of them
     * once the walk is over, oldest first.
     */
    private final class Walker implements JobListing.PageVisitor {
        private final long poll;
        private final Instant stopBefore;
        private final boolean asListed;
        private final int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        /**
         * Every candidate will be emitted, so its headers are made while the walk waits for pages: not with
         * maxMessagesPerPoll (only some are), nor when skipExisting records them without emitting.
         */
        private final boolean prepareAhead;
        /** Waiting to be emitted: the current page's (as listed) or the whole walk's (oldest first). */
        private final List<Event> candidates = new ArrayList<>();
        /** How many of the candidates have their headers made. */
        private int prepared;
        private final Set<String> candidateIds = new HashSet<>();
        private boolean repositoryKnowsListedJobs;
        private boolean cutShort;
        /** A job on a page could not be read (the client warned and left it out). */
        private boolean sawUnreadable;
        private int emitted;

        Walker(long poll, Instant stopBefore, boolean asListed, boolean skipping) {
            this.poll = poll;
            this.stopBefore = stopBefore;
            this.asListed = asListed;
            this.prepareAhead = limit == Integer.MAX_VALUE && !skipping;
        }

        /** The candidates as the frontier needs them after emission (empty when incremental polling is off). */
        List<IncrementalFrontier.Candidate> settling() {
            List<IncrementalFrontier.Candidate> settling = new ArrayList<>();
            for (Event event : candidates) {
                if (event.settling == null) {
                    break;
                }
                settling.add(event.settling);
            }
            return settling;
        }

        @Override
        public boolean visit(JobPage page) {
            boolean allRead = page.rejected().isEmpty();
            sawUnreadable |= !allRead;
            boolean stop = stopBefore != null && !page.jobs().isEmpty() && allRead;
            for (AvatarSynthesisJob job : page.jobs()) {
                JobStatus status = job.getStatus();
                boolean wanted = statusFilter.isEmpty() || statusFilter.contains(status);
                boolean committed = wanted && delivered.contains(job.statusKey());
                repositoryKnowsListedJobs |= committed;
                boolean candidate = wanted && !committed && !inProgress.contains(job.statusKey())
                                    && candidateIds.add(job.getId());
                if (candidate) {
                    candidates.add(new Event(job));
                }
                // settled: nothing about this job can ever be news again (finished jobs do not change)
                boolean settled = status.isFinished() && (!wanted || committed);
                frontier.saw(poll, job, settled, candidate);
                stop = stop && settled && isBefore(job.getCreatedDateTime(), stopBefore);
            }
            if (asListed && page.nextLink() != null && (emitted + candidates.size() >= limit || !isBatchAllowed())) {
                // enough for this poll (or the consumer is stopping): the pages below wait for the next one, unread
                cutShort = true;
                return false;
            }
            return !stop;
        }

        @Override
        public void process(JobPage page) {
            if (prepareAhead) {
                // while the next page is on its way
                for (; prepared < candidates.size(); prepared++) {
                    candidates.get(prepared).prepare();
                }
            }
            if (asListed) {
                emit();
            }
        }

        /** Emits the candidates in their order, as far as maxMessagesPerPoll lets it, and lets them go. */
        void emit() {
            List<IncrementalFrontier.Candidate> settling = settling();
            try {
                Queue<Object> reserved = reserve(candidates, limit - emitted);
                candidates.clear(); // each job is collectable once its exchange is done
                emitted += processBatch(reserved);
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeCamelException(e);
            } finally {
                candidates.clear();
                prepared = 0;
                // a route that completed in this thread has committed: those jobs need no deeper walk next time; the
                // others (failed, still routing, held back) must be walked down to until they are delivered
                frontier.delivered(poll, settling, delivered);
            }
        }
    }

    private static boolean isBefore(Instant created, Instant stopBefore) {
        return created != null && created.isBefore(stopBefore);
    }

    /** Reserves up to {@code room} of the events in the in-progress repository, in order. */
    private Queue<Object> reserve(List<Event> events, int room) {
        // events, not exchanges: each exchange is made just before it is sent, so a poll of 10 000 changes does not
        // hold 10 000 exchanges at once
        Queue<Object> reserved = new ArrayDeque<>(Math.max(0, Math.min(room, events.size())));
        for (Event event : events) {
            if (reserved.size() >= room) {
                LOG.debug("maxMessagesPerPoll={} reached; {} changes wait for the next poll", maxMessagesPerPoll,
                        events.size() - reserved.size());
                break;
            }
            if (inProgress.add(event.job().statusKey())) {
                reserved.add(event);
            }
        }
        return reserved;
    }

    /**
     * A change to emit. Its headers can be made before its turn: in the oldest-first order emission starts only after
     * the last page, and the walk makes them while it waits for the pages, leaving emission to create and route.
     */
    private final class Event {
        private final AvatarSynthesisJob job;
        private Map<String, Object> headers;
        /**
         * What the frontier learns of the change, which the commit of its exchange marks delivered; null when
         * incremental polling is off.
         */
        private final IncrementalFrontier.Candidate settling;

        Event(AvatarSynthesisJob job) {
            this.job = job;
            this.settling = frontier.candidate(job);
        }

        AvatarSynthesisJob job() {
            return job;
        }

        void prepare() {
            headers = headersMapFactory.newMap();
            AvatarJobHeaders.put(headers, job);
            String previous = previouslyDelivered(job);
            if (previous != null) {
                headers.put(AzureAvatarConstants.PREVIOUS_STATUS, previous);
            }
            Instant changed = job.getLastActionDateTime();
            if (changed != null) {
                headers.put(Exchange.MESSAGE_TIMESTAMP, changed.toEpochMilli());
            }
        }

        Exchange toExchange() {
            if (headers == null) {
                prepare();
            }
            Exchange exchange = createExchange(false);
            Message message = exchange.getMessage();
            message.setBody(job);
            message.setHeaders(headers);
            exchange.getExchangeExtension().addOnCompletion(new Commit(job.statusKey(), settling));
            return exchange;
        }
    }

    /** The latest earlier status whose key was delivered; derived from the repository so it survives restarts. */
    private String previouslyDelivered(AvatarSynthesisJob job) {
        JobStatus[] lifecycle = { JobStatus.Running, JobStatus.NotStarted };
        for (JobStatus earlier : lifecycle) {
            if (earlier.ordinal() < job.getStatus().ordinal()
                && delivered.contains(AvatarSynthesisJob.statusKey(job.getId(), earlier))) {
                return earlier.name();
            }
        }
        return null;
    }

    /**
     * Sends one exchange per reserved job, in order, each made just before it is sent.
     *
     * @param events the changes reserved in the in-progress repository
     */
    @Override
    public int processBatch(Queue<Object> events) throws Exception {
        int total = events.size();
        int index = 0;
        while (index < total && isBatchAllowed()) {
            Exchange exchange = ((Event) events.poll()).toExchange();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
            index++;
        }
        // stopped mid-batch: what was not sent must not stay reserved, or it would never be emitted
        for (Object left : events) {
            inProgress.remove(((Event) left).job().statusKey());
        }
        return index;
    }

    /** Commits a key once its exchange succeeded; a failure only frees it, so the next poll emits it again. */
    private final class Commit implements Synchronization {
        private final String key;
        private final IncrementalFrontier.Candidate settling;

        Commit(String key, IncrementalFrontier.Candidate settling) {
            this.key = key;
            this.settling = settling;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                delivered.add(key);
                delivered.confirm(key);
                if (settling != null) {
                    settling.delivered();
                }
            } catch (RuntimeException e) {
                getExceptionHandler().handleException("Could not record " + key + " as delivered; it will be emitted "
                                                      + "again on the next poll",
                        exchange, e);
            } finally {
                inProgress.remove(key);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            inProgress.remove(key);
            LOG.warn("Route failed for avatar job {}; it will be emitted again on the next poll", key);
        }
    }
}
