package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.AzureAvatarException;
import io.github.camelazureavatar.avatar.client.JobListing;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits one exchange per job and status. Each poll walks the job list from the top (the list shifts, so no offset is
 * kept), takes the jobs whose status is wanted and whose {@code jobId:status} key was neither delivered nor is in
 * flight (a job listed twice counts once), and routes each page's changes as soon as the page is read, in Azure's order
 * (newest first). An incremental walk ends after the first page that reaches below the oldest unsettled job, and
 * maxMessagesPerPoll ends the walk where it is reached; while nothing is in progress, polls rest (idleDelay). A key is
 * committed only when its exchange completed, so a failed route sees the job again next poll: nothing is lost, and
 * with a persistent repository nothing is delivered twice across restarts either.
 */
public class AzureAvatarConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarConsumer.class);

    private DeliveryRecord record;
    private IdempotentRepository delivered;
    private IdempotentRepository inProgress;
    private Set<JobStatus> statusFilter;
    private SpeechResource resource;
    private volatile Instant lastWalk;
    private long lastWalkNanos;
    private long createsAtLastWalk;

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
        record = getEndpoint().deliveries();
        delivered = record.delivered;
        inProgress = record.inProgress;
        statusFilter = configuration().statusFilter();
        ServiceHelper.startService(record);
        resource = getEndpoint().getResource();
        resource.consumers().add(this);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        // Camel stops the consumer of a route that never started (autoStartup=false) when the context stops
        if (resource != null) {
            resource.consumers().remove(this);
        }
        super.doStop();
    }

    @Override
    protected int poll() throws Exception {
        // two routes from one endpoint URI share its record: one walk at a time
        synchronized (record) {
            if (isResting()) {
                return 0;
            }
            lastWalk = Instant.now();
            lastWalkNanos = System.nanoTime();
            createsAtLastWalk = resource.creates();
            return walk();
        }
    }

    /**
     * Adaptive polling: while nothing is in progress, a scheduled poll walks only once idleDelay passed since the last
     * walk. Anything that may be in progress (a job this consumer knows unsettled, a createAndWait waiting on the
     * resource, a job created through this CamelContext since the last walk) makes the next poll walk.
     */
    private boolean isResting() {
        return isIdle() && resource.creates() == createsAtLastWalk
               && System.nanoTime() - lastWalkNanos < TimeUnit.MILLISECONDS.toNanos(configuration().getIdleDelay());
    }

    /** When the last walk of the list started, or null before the first. */
    Instant lastWalk() {
        return lastWalk;
    }

    /** About when the next walk of the list starts: a delay after the last, or idleDelay while idle. */
    Instant nextWalk() {
        Instant last = lastWalk;
        return last == null ? null
                : last.plusMillis(isIdle() ? configuration().getIdleDelay() : getEndpoint().getDelay());
    }

    /** Whether polls rest at idleDelay now: resting is on, and the last walk found nothing in progress. */
    boolean isIdle() {
        return lastWalk != null && configuration().getIdleDelay() > getEndpoint().getDelay() && record.incremental.isIdle()
               && resource.waits().isEmpty();
    }

    /** Jobs this consumer knows unsettled: in progress, or finished in a wanted status and not delivered yet. */
    int unsettledJobs() {
        return record.incremental.unsettledCount();
    }

    private int walk() throws Exception {
        pendingExchanges = 0;
        AzureAvatarClient client = getEndpoint().getClient();
        AzureAvatarConfiguration configuration = configuration();
        // skipExisting must have seen the whole list before it knows whether anything is news
        boolean recordingExisting = configuration.isSkipExisting() && !record.existingSkipped;
        IncrementalPolling incremental = record.incremental;
        Instant stopBefore = recordingExisting ? null : incremental.startWalk();
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getMaxPollDuration());
        JobListing listing = new JobListing(client, client.dialect().listUri(0, configuration.getPageSize()),
                this::isWalkAllowed);
        Set<String> candidateIds = new HashSet<>();
        List<AvatarSynthesisJob> existing = new ArrayList<>();
        boolean reachedSettledJobs = false;
        String boundReached = null;
        int emitted = 0;
        for (JobPage page; (page = listing.nextPage()) != null;) {
            // Azure answered: the consumer is ready even when nothing changed
            forceConsumerAsReady();
            // createAndWait exchanges of this resource wait for what this walk lists
            resource.waits().listed(page.jobs());
            if (recordingExisting) {
                existing.addAll(page.jobs());
            } else {
                emitted += emit(candidates(page.jobs(), candidateIds), limit - emitted);
                page.jobs().forEach(job -> incremental.saw(job, isSettled(job)));
                if (!page.unreadable().isEmpty()) {
                    incremental.sawUnreadable();
                }
                reachedSettledJobs = stopBefore != null && page.reachesBelow(stopBefore);
            }
            // enough for this poll, or a stopping or suspended consumer: the pages below wait, unread
            if (reachedSettledJobs || emitted >= limit || !isWalkAllowed()) {
                listing.stop();
            } else if (listing.end() == null && listing.pages() >= configuration.getMaxPagesPerPoll()) {
                boundReached = "maxPagesPerPoll=" + configuration.getMaxPagesPerPoll();
                listing.stop();
            } else if (listing.end() == null && System.nanoTime() - deadline > 0) {
                boundReached = "maxPollDuration=" + configuration.getMaxPollDuration() + " ms";
                listing.stop();
            }
        }
        LOG.trace("Read {} pages ({}), emitted {}", listing.pages(), listing.end(), emitted);
        if (recordingExisting && listing.end() != JobListing.End.STOPPED) {
            record.existingSkipped = true;
            emitted = skipOrEmitExisting(existing, listing.end() == JobListing.End.LAST_PAGE);
        } else if (!recordingExisting) {
            incremental.walked(stopBefore == null, listing.end() == JobListing.End.LAST_PAGE || reachedSettledJobs);
        }
        if (boundReached != null) {
            addLastErrorDetail("azure.avatar.walk.bound", boundReached);
            throw new AzureAvatarException("The walk of Azure's job list at " + client.origin() + " reached "
                                           + boundReached + " after " + listing.pages()
                                           + " pages; the next poll starts again from the top",
                    0, null);
        }
        if (listing.end() == JobListing.End.FOREIGN_NEXT_LINK) {
            // after emitting what was listed: the health check must show that the rest of the list is out of reach
            throw listing.foreignNextLinkError("jobs beyond page " + listing.pages() + " were not listed");
        }
        return emitted;
    }

    /** Whether the walk may go on: not while the consumer stops or is suspended. */
    private boolean isWalkAllowed() {
        return isBatchAllowed() && !isSuspendingOrSuspended();
    }

    /**
     * skipExisting's first walk: records every listed change as delivered without emitting it, unless the repository
     * already knows jobs of this resource (a restart or a failover on a persistent or shared repository), where what
     * changed meanwhile is news and is emitted.
     */
    private int skipOrEmitExisting(List<AvatarSynthesisJob> listed, boolean complete) throws Exception {
        List<AvatarSynthesisJob> candidates = candidates(listed, new HashSet<>());
        // a candidate's own key is undelivered, and an earlier status is all the repository can know of it
        boolean repositoryKnowsListedJobs = listed.stream()
                .anyMatch(job -> isWanted(job) && delivered.contains(key(job)))
                                            || candidates.stream().anyMatch(job -> previouslyDelivered(job) != null);
        int emitted = 0;
        if (repositoryKnowsListedJobs) {
            LOG.info("skipExisting ignored: the idempotent repository already knows jobs of this resource");
            emitted = emit(candidates, maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE);
        } else {
            candidates.forEach(job -> delivered.add(key(job)));
            LOG.info("skipExisting: recorded {} existing jobs as delivered without emitting them", candidates.size());
        }
        listed.forEach(job -> record.incremental.saw(job, isSettled(job)));
        record.incremental.walked(true, complete);
        return emitted;
    }

    /** The jobs whose status is wanted and neither delivered nor in flight; a job listed twice counts once. */
    private List<AvatarSynthesisJob> candidates(List<AvatarSynthesisJob> jobs, Set<String> candidateIds) {
        List<AvatarSynthesisJob> candidates = new ArrayList<>();
        for (AvatarSynthesisJob job : jobs) {
            String key = key(job);
            if (isWanted(job) && !delivered.contains(key) && !inProgress.contains(key) && candidateIds.add(job.getId())) {
                candidates.add(job);
            }
        }
        return candidates;
    }

    private boolean isWanted(AvatarSynthesisJob job) {
        return statusFilter.isEmpty() || statusFilter.contains(job.getStatus());
    }

    /** Settled: nothing about this job can ever be news again (finished jobs do not change). */
    private boolean isSettled(AvatarSynthesisJob job) {
        return job.getStatus().isFinished()
               && (!isWanted(job) || delivered.contains(key(job)));
    }

    private String key(AvatarSynthesisJob job) {
        return record.key(job, job.getStatus());
    }

    /** Reserves up to {@code room} of the candidates in the in-progress repository and routes them, in order. */
    private int emit(List<AvatarSynthesisJob> candidates, int room) throws Exception {
        Queue<Object> reserved = new ArrayDeque<>();
        for (AvatarSynthesisJob job : candidates) {
            if (reserved.size() >= room) {
                LOG.debug("maxMessagesPerPoll={} reached; {} changes wait for the next poll", maxMessagesPerPoll,
                        candidates.size() - reserved.size());
                break;
            }
            if (inProgress.add(key(job))) {
                reserved.add(job);
            }
        }
        return reserved.isEmpty() ? 0 : processBatch(reserved);
    }

    /** Sends one exchange per job reserved in the in-progress repository, in order, each made just before it is sent. */
    @Override
    public int processBatch(Queue<Object> jobs) throws Exception {
        int total = jobs.size();
        int index = 0;
        while (index < total && isBatchAllowed()) {
            Exchange exchange = toExchange((AvatarSynthesisJob) jobs.poll());
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
            index++;
        }
        // stopped mid-batch: what was not sent must not stay reserved, or it would never be emitted
        for (Object left : jobs) {
            AvatarSynthesisJob job = (AvatarSynthesisJob) left;
            inProgress.remove(key(job));
        }
        return index;
    }

    private Exchange toExchange(AvatarSynthesisJob job) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(job);
        AvatarJobHeaders.set(message, job);
        String previous = previouslyDelivered(job);
        if (previous != null) {
            message.setHeader(AzureAvatarConstants.PREVIOUS_STATUS, previous);
        }
        if (job.getLastActionDateTime() != null) {
            message.setHeader(Exchange.MESSAGE_TIMESTAMP, job.getLastActionDateTime().toEpochMilli());
        }
        exchange.getExchangeExtension().addOnCompletion(new Commit(key(job)));
        return exchange;
    }

    /** The latest earlier status whose key was delivered; derived from the repository so it survives restarts. */
    private String previouslyDelivered(AvatarSynthesisJob job) {
        for (JobStatus earlier : new JobStatus[] { JobStatus.Running, JobStatus.NotStarted }) {
            if (earlier.ordinal() < job.getStatus().ordinal() && delivered.contains(record.key(job, earlier))) {
                return earlier.name();
            }
        }
        return null;
    }

    /** Commits a key once its exchange succeeded; a failure only frees it, so the next poll emits it again. */
    private final class Commit implements Synchronization {
        private final String key;

        Commit(String key) {
            this.key = key;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                delivered.add(key);
                delivered.confirm(key);
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
