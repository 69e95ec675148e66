package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
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
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits one exchange per job and status. Each poll walks the job list from the top (the list shifts, so no offset is
 * kept), takes the jobs whose status is wanted and whose {@code jobId:status} key was neither delivered nor is in
 * flight (a job listed twice counts once), and routes each page's changes as soon as the page is read, in Azure's order
 * (newest first). An incremental walk ends at the first page of settled jobs older than every unsettled one, and
 * maxMessagesPerPoll ends the walk where it is reached. A key is committed only when its exchange completed, so a
 * failed route sees the job again next poll: nothing is lost, and with a persistent repository nothing is delivered
 * twice across restarts either.
 */
public class AzureAvatarConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarConsumer.class);

    private IdempotentRepository delivered;
    private IdempotentRepository inProgress;
    private boolean ownsDelivered;
    private boolean ownsInProgress;
    private Set<JobStatus> statusFilter;
    private boolean existingSkipped;
    private IncrementalPolling incremental;

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
        incremental = new IncrementalPolling(configuration.getFullScanEvery());
        delivered = configuration.getIdempotentRepository();
        ownsDelivered = delivered == null;
        if (ownsDelivered) {
            delivered = MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
        }
        inProgress = configuration.getInProgressRepository();
        ownsInProgress = inProgress == null;
        if (ownsInProgress) {
            // a plain map, not an LRU cache: a reservation must never be evicted (the job would be emitted twice),
            // and every key leaves when its exchange completes
            inProgress = MemoryIdempotentRepository.memoryIdempotentRepository(new HashMap<>());
        }
        ServiceHelper.startService(delivered, inProgress);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
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
        AzureAvatarClient client = getEndpoint().getClient();
        // skipExisting must have seen the whole list before it knows whether anything is news
        boolean recordingExisting = configuration().isSkipExisting() && !existingSkipped;
        Instant stopBefore = recordingExisting ? null : incremental.startWalk();
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        JobListing listing = new JobListing(client, client.dialect().listUri(0, configuration().getPageSize()));
        Set<String> candidateIds = new HashSet<>();
        List<AvatarSynthesisJob> existing = new ArrayList<>();
        boolean stoppedAtSettledPage = false;
        int emitted = 0;
        for (JobPage page; (page = listing.nextPage()) != null;) {
            // Azure answered: the consumer is ready even when nothing changed
            forceConsumerAsReady();
            if (recordingExisting) {
                existing.addAll(page.jobs());
                continue;
            }
            List<AvatarSynthesisJob> candidates = candidates(page.jobs(), candidateIds);
            emitted += emit(candidates, limit - emitted);
            boolean settledPage = stopBefore != null && candidates.isEmpty() && !page.jobs().isEmpty()
                                  && page.unreadable().isEmpty();
            for (AvatarSynthesisJob job : page.jobs()) {
                boolean settled = isSettled(job);
                incremental.saw(job, settled);
                settledPage = settledPage && settled && job.getCreatedDateTime() != null
                              && job.getCreatedDateTime().isBefore(stopBefore);
            }
            if (!page.unreadable().isEmpty()) {
                incremental.sawUnreadable();
            }
            if (emitted >= limit || !isBatchAllowed()) {
                // enough for this poll, or the consumer is stopping: the pages below wait for the next one, unread
                listing.stop();
            } else if (settledPage) {
                stoppedAtSettledPage = true;
                listing.stop();
            }
        }
        LOG.trace("Read {} pages ({}), emitted {}", listing.pages(), listing.end(), emitted);
        if (recordingExisting) {
            existingSkipped = true;
            emitted = skipOrEmitExisting(existing, listing.end() == JobListing.End.LAST_PAGE);
        } else {
            incremental.walked(stopBefore == null, listing.end() == JobListing.End.LAST_PAGE || stoppedAtSettledPage);
        }
        if (listing.end() == JobListing.End.FOREIGN_NEXT_LINK) {
            // after emitting what was listed: the health check must show that the rest of the list is out of reach
            throw listing.foreignNextLinkError("jobs beyond page " + listing.pages() + " were not listed");
        }
        return emitted;
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
                .anyMatch(job -> isWanted(job) && delivered.contains(deliveryKey(job.getId(), job.getStatus())))
                                            || candidates.stream().anyMatch(job -> previouslyDelivered(job) != null);
        int emitted = 0;
        if (repositoryKnowsListedJobs) {
            LOG.info("skipExisting ignored: the idempotent repository already knows jobs of this resource");
            emitted = emit(candidates, maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE);
        } else {
            candidates.forEach(job -> delivered.add(deliveryKey(job.getId(), job.getStatus())));
            LOG.info("skipExisting: recorded {} existing jobs as delivered without emitting them", candidates.size());
        }
        listed.forEach(job -> incremental.saw(job, isSettled(job)));
        incremental.walked(true, complete);
        return emitted;
    }

    /** The jobs whose status is wanted and neither delivered nor in flight; a job listed twice counts once. */
    private List<AvatarSynthesisJob> candidates(List<AvatarSynthesisJob> jobs, Set<String> candidateIds) {
        List<AvatarSynthesisJob> candidates = new ArrayList<>();
        for (AvatarSynthesisJob job : jobs) {
            String key = deliveryKey(job.getId(), job.getStatus());
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
               && (!isWanted(job) || delivered.contains(deliveryKey(job.getId(), job.getStatus())));
    }

    /** The key under which the delivery of a job in a status is recorded: {@code jobId:status}. */
    static String deliveryKey(String jobId, JobStatus status) {
        return jobId + ":" + status.name();
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
            if (inProgress.add(deliveryKey(job.getId(), job.getStatus()))) {
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
            inProgress.remove(deliveryKey(job.getId(), job.getStatus()));
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
        exchange.getExchangeExtension().addOnCompletion(new Commit(deliveryKey(job.getId(), job.getStatus())));
        return exchange;
    }

    /** The latest earlier status whose key was delivered; derived from the repository so it survives restarts. */
    private String previouslyDelivered(AvatarSynthesisJob job) {
        for (JobStatus earlier : new JobStatus[] { JobStatus.Running, JobStatus.NotStarted }) {
            if (earlier.ordinal() < job.getStatus().ordinal() && delivered.contains(deliveryKey(job.getId(), earlier))) {
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
