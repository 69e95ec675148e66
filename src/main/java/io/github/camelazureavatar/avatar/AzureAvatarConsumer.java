package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import io.github.camelazureavatar.avatar.api.JobPage;
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
 * Emits one exchange per job and status. Each poll lists every job from the top (the list shifts, so no offset is
 * kept), takes the jobs whose {@code id:status} key was not delivered yet, and emits them oldest change first. A key
 * is committed only when its exchange completed, so a failed route sees the job again next poll: nothing is lost, and
 * with a persistent repository nothing is delivered twice across restarts either.
 */
public class AzureAvatarConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarConsumer.class);

    private static final Comparator<AvatarSynthesisJob> OLDEST_CHANGE_FIRST = Comparator
            .comparing(AvatarSynthesisJob::getLastActionDateTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AvatarSynthesisJob::getId);

    private IdempotentRepository delivered;
    private IdempotentRepository inProgress;
    private boolean ownsDelivered;
    private boolean ownsInProgress;
    private Set<JobStatus> statusFilter;
    private boolean existingSkipped;
    private IncrementalFrontier frontier;
    private long pollNumber;

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
            delivered = MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
        }
        inProgress = configuration.getInProgressRepository();
        ownsInProgress = inProgress == null;
        if (ownsInProgress) {
            inProgress = MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
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
        boolean fullPass = frontier.fullPassDue(configuration().isSkipExisting() && !existingSkipped);
        Instant stopBefore = fullPass ? null : frontier.oldestUnsettled();
        Walker walker = new Walker(++pollNumber, stopBefore);
        JobListing.Walk walk = JobListing.walk(getEndpoint().getClient(), configuration().getPageSize(), walker::visit);
        // Azure answered: the consumer is ready even when nothing changed
        forceConsumerAsReady();
        frontier.walked(pollNumber, walk.end(), fullPass);
        LOG.trace("{} pass read {} pages ({}), {} candidates", fullPass ? "Full" : "Incremental", walk.pages(), walk.end(),
                walker.candidates.size());

        if (configuration().isSkipExisting() && !existingSkipped) {
            existingSkipped = true;
            // a candidate's own key is undelivered, and no status is delivered before the ones it follows: an earlier
            // status is the only thing the repository can know of it
            if (walker.repositoryKnowsListedJobs || walker.candidates.values().stream()
                    .anyMatch(job -> previouslyDelivered(job.getId(), job.getStatus()) != null)) {
                // a restart or a failover on a persistent or shared repository: what changed meanwhile is news
                LOG.info("skipExisting ignored: the idempotent repository already knows jobs of this resource");
            } else {
                walker.candidates.values().forEach(job -> delivered.add(job.statusKey()));
                frontier.delivered(pollNumber, walker.settling(), delivered);
                LOG.info("skipExisting: recorded {} existing jobs as delivered without emitting them",
                        walker.candidates.size());
                return 0;
            }
        }
        List<IncrementalFrontier.Candidate> settling = walker.settling();
        int emitted;
        try {
            Queue<Object> jobs = reserveOldestFirst(walker.candidates.values());
            walker.candidates.clear(); // each job is collectable once its exchange is done
            emitted = processBatch(jobs);
        } finally {
            // a route that completed in this thread has committed: those jobs need no deeper walk next time; the others
            // (failed, still routing, held back) must be walked down to until they are delivered
            frontier.delivered(pollNumber, settling, delivered);
        }
        if (walk.end() == JobListing.End.FOREIGN_NEXT_LINK) {
            // after emitting what was listed: the health check must show that the rest of the list is out of reach
            throw walk.foreignNextLinkError(getEndpoint().getClient().origin(),
                    "jobs beyond page " + walk.pages() + " were not listed");
        }
        return emitted;
    }

    /**
     * One poll's pass over the pages: keeps the jobs whose current status is wanted and not delivered or in flight (a
     * job listed twice counts once), tells the frontier about every job that is not settled, and, in an incremental
     * pass, ends the walk at the first page whose jobs are all settled and older than everything unsettled.
     */
    private final class Walker {
        private final long poll;
        private final Instant stopBefore;
        private final Map<String, AvatarSynthesisJob> candidates = new LinkedHashMap<>();
        private boolean repositoryKnowsListedJobs;

        Walker(long poll, Instant stopBefore) {
            this.poll = poll;
            this.stopBefore = stopBefore;
        }

        /** The candidates as the frontier needs them after emission (empty when incremental polling is off). */
        List<IncrementalFrontier.Candidate> settling() {
            List<IncrementalFrontier.Candidate> settling = new ArrayList<>();
            for (AvatarSynthesisJob job : candidates.values()) {
                IncrementalFrontier.Candidate candidate = frontier.candidate(job);
                if (candidate == null) {
                    break;
                }
                settling.add(candidate);
            }
            return settling;
        }

        boolean visit(JobPage page) {
            boolean stop = stopBefore != null && !page.jobs().isEmpty() && page.rejected().isEmpty();
            for (AvatarSynthesisJob job : page.jobs()) {
                JobStatus status = job.getStatus();
                boolean wanted = statusFilter.isEmpty() || statusFilter.contains(status);
                boolean committed = wanted && delivered.contains(job.statusKey());
                repositoryKnowsListedJobs |= committed;
                boolean candidate = wanted && !committed && !candidates.containsKey(job.getId())
                                    && !inProgress.contains(job.statusKey());
                if (candidate) {
                    candidates.put(job.getId(), job);
                }
                // settled: nothing about this job can ever be news again (finished jobs do not change)
                boolean settled = status.isFinished() && (!wanted || committed);
                frontier.saw(poll, job, settled, candidate);
                stop = stop && settled && isBefore(job.getCreatedDateTime(), stopBefore);
            }
            warnUnreadable(page.rejected());
            return !stop;
        }
    }

    /** Skipping loses nothing: the job comes again with every poll and is emitted once it reads well. */
    private void warnUnreadable(List<String> reasons) {
        if (!reasons.isEmpty()) {
            LOG.warn("Skipped {} unreadable jobs listed by {}: {}", reasons.size(), getEndpoint().getClient().origin(),
                    reasons.subList(0, Math.min(3, reasons.size())));
        }
    }

    private static boolean isBefore(Instant created, Instant stopBefore) {
        return created != null && created.isBefore(stopBefore);
    }

    private Queue<Object> reserveOldestFirst(Collection<AvatarSynthesisJob> candidates) {
        List<AvatarSynthesisJob> ordered = new ArrayList<>(candidates);
        ordered.sort(OLDEST_CHANGE_FIRST);
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        // jobs, not exchanges: each exchange is made just before it is sent, so a poll of 10 000 changes does not hold
        // 10 000 exchanges at once
        Queue<Object> exchanges = new ArrayDeque<>(Math.min(limit, ordered.size()));
        for (AvatarSynthesisJob job : ordered) {
            if (exchanges.size() >= limit) {
                LOG.debug("maxMessagesPerPoll={} reached; {} changes wait for the next poll", limit,
                        ordered.size() - limit);
                break;
            }
            if (inProgress.add(job.statusKey())) {
                exchanges.add(job);
            }
        }
        return exchanges;
    }

    private Exchange createExchange(AvatarSynthesisJob job) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(job);
        AvatarJobHeaders.set(message, job);
        AvatarJobHeaders.setOrRemove(message, AzureAvatarConstants.PREVIOUS_STATUS, previouslyDelivered(job.getId(), job.getStatus()));
        Instant changed = job.getLastActionDateTime();
        if (changed != null) {
            message.setHeader(Exchange.MESSAGE_TIMESTAMP, changed.toEpochMilli());
        }
        exchange.getExchangeExtension().addOnCompletion(new Commit(job.statusKey()));
        return exchange;
    }

    /** The latest earlier status whose key was delivered; derived from the repository so it survives restarts. */
    private String previouslyDelivered(String jobId, JobStatus status) {
        JobStatus[] lifecycle = { JobStatus.Running, JobStatus.NotStarted };
        for (JobStatus earlier : lifecycle) {
            if (earlier.ordinal() < status.ordinal() && delivered.contains(AvatarSynthesisJob.statusKey(jobId, earlier))) {
                return earlier.name();
            }
        }
        return null;
    }

    /**
     * Sends one exchange per reserved job, in order, each made just before it is sent.
     *
     * @param jobs the {@link AvatarSynthesisJob}s reserved in the in-progress repository
     */
    @Override
    public int processBatch(Queue<Object> jobs) throws Exception {
        int total = jobs.size();
        int index = 0;
        while (index < total && isBatchAllowed()) {
            Exchange exchange = createExchange((AvatarSynthesisJob) jobs.poll());
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
            index++;
        }
        // stopped mid-batch: what was not sent must not stay reserved, or it would never be emitted
        for (Object left : jobs) {
            inProgress.remove(((AvatarSynthesisJob) left).statusKey());
        }
        return index;
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
