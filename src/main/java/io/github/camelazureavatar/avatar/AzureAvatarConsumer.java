package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits one exchange per job and status. Each poll walks the job list from the top (the list shifts, so no offset is
 * kept), takes the jobs whose status is wanted and whose {@code jobId:status} key was neither delivered nor is in
 * flight, and routes each page's changes as soon as the page is read. A key is committed only when its exchange
 * completed: a finished job whose route failed is offered again from memory next poll, nothing is lost. The walk ends
 * early only where the state says nothing below can be news; while nothing is in progress, polls rest (idleDelay).
 */
public class AzureAvatarConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarConsumer.class);

    private DeliveryRecord state;
    private Set<JobStatus> statusFilter;
    private SpeechResource resource;
    private volatile Instant lastWalk;
    private long lastWalkNanos;
    private long createsAtLastWalk;
    private final Set<String> offered = new HashSet<>();
    private int room;

    public AzureAvatarConsumer(AzureAvatarEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AzureAvatarEndpoint getEndpoint() {
        return (AzureAvatarEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        state = getEndpoint().deliveries();
        statusFilter = getEndpoint().getConfiguration().statusFilter();
        ServiceHelper.startService(state);
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
        AzureAvatarConfiguration conf = getEndpoint().getConfiguration();
        // two routes from one endpoint URI share its state: one poll at a time
        synchronized (state) {
            pendingExchanges = 0;
            offered.clear();
            room = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
            state.undelivered.keySet().removeIf(state.delivered::contains);
            int emitted = offer(new ArrayList<>(state.undelivered.values()));
            if (isResting(conf)) {
                return emitted;
            }
            lastWalk = Instant.now();
            lastWalkNanos = System.nanoTime();
            createsAtLastWalk = resource.creates();
            AzureAvatarClient client = getEndpoint().getClient();
            // skipExisting must have seen the whole list before it knows whether anything is news
            boolean skipping = conf.isSkipExisting() && !state.existingSkipped;
            List<AvatarSynthesisJob> existing = new ArrayList<>();
            state.startWalk(skipping);
            JobListing listing = new JobListing(client, client.dialect().listUri(0, conf.getPageSize()), this::isWalkAllowed);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(conf.getMaxPollDuration());
            String bound = null;
            boolean below = false;
            for (JobPage page; (page = listing.nextPage()) != null;) {
                forceConsumerAsReady(); // Azure answered: the consumer is ready even when nothing changed
                resource.waits().listed(page.jobs()); // createAndWait exchanges wait for what this walk lists
                if (skipping) {
                    existing.addAll(page.jobs());
                } else {
                    emitted += offer(page.jobs());
                }
                below = state.listed(page, listing.inOrder());
                if (below || room <= 0 || !isWalkAllowed()) {
                    listing.stop(); // enough for this poll, or stopping or suspended: the pages below wait, unread
                } else if (listing.end() == null && listing.pages() >= conf.getMaxPagesPerPoll()) {
                    bound = "maxPagesPerPoll=" + conf.getMaxPagesPerPoll();
                } else if (listing.end() == null && System.nanoTime() - deadline > 0) {
                    bound = "maxPollDuration=" + conf.getMaxPollDuration() + " ms";
                }
                if (bound != null) {
                    listing.stop();
                }
            }
            boolean complete = listing.end() == JobListing.End.LAST_PAGE || below;
            if (skipping && listing.end() != JobListing.End.STOPPED) {
                state.existingSkipped = true;
                emitted += skipOrEmitExisting(existing);
            }
            // an unfinished job the walk should have listed: a deletion between pages hid it, or Azure lost it
            for (AvatarSynthesisJob hidden : state.walked(complete)) {
                Optional<AvatarSynthesisJob> job = client.getJob(hidden.getId());
                emitted += state.got(hidden, job.orElse(null)) ? offer(List.of(job.get())) : 0;
            }
            if (bound != null) {
                addLastErrorDetail("azure.avatar.walk.bound", bound);
                throw new AzureAvatarException("The walk of Azure's job list at " + client.origin() + " reached " + bound
                                               + " after " + listing.pages() + " pages; the next poll starts again from the top",
                        0, null);
            }
            if (listing.end() == JobListing.End.FOREIGN_NEXT_LINK) {
                // after emitting what was listed: the health check must show that the rest of the list is out of reach
                throw listing.foreignNextLinkError("jobs beyond page " + listing.pages() + " were not listed");
            }
            return emitted;
        }
    }

    /** Adaptive polling: while nothing is in progress or created through this CamelContext, walk once per idleDelay. */
    private boolean isResting(AzureAvatarConfiguration conf) {
        return isIdle() && resource.creates() == createsAtLastWalk
               && System.nanoTime() - lastWalkNanos < TimeUnit.MILLISECONDS.toNanos(conf.getIdleDelay());
    }

    /** When the last walk of the list started, or null before the first. */
    Instant lastWalk() {
        return lastWalk;
    }

    /** About when the next walk of the list starts: a delay after the last, or idleDelay while idle. */
    Instant nextWalk() {
        Instant last = lastWalk;
        return last == null ? null
                : last.plusMillis(isIdle() ? getEndpoint().getConfiguration().getIdleDelay() : getEndpoint().getDelay());
    }

    /** Whether polls rest at idleDelay now: resting is on, and the last walk found nothing in progress. */
    boolean isIdle() {
        return lastWalk != null && getEndpoint().getConfiguration().getIdleDelay() > getEndpoint().getDelay()
               && state.isIdle() && resource.waits().isEmpty();
    }

    /** Jobs this consumer knows unsettled: in progress, or finished in a wanted status and not delivered yet. */
    int unsettledJobs() {
        return state.unfinished.size() + state.undelivered.size();
    }

    private boolean isWalkAllowed() {
        return isBatchAllowed() && !isSuspendingOrSuspended();
    }

    /**
     * skipExisting's first walk: records every listed change as delivered without emitting it, unless the repository
     * already knows jobs of this resource (a restart or a failover on a persistent or shared repository).
     */
    private int skipOrEmitExisting(List<AvatarSynthesisJob> listed) throws Exception {
        boolean known = listed.stream().anyMatch(job -> isWanted(job) && state.delivered.contains(key(job))
                                                        || previouslyDelivered(job) != null);
        if (known) {
            LOG.info("skipExisting ignored: the idempotent repository already knows jobs of this resource");
            return offer(listed);
        }
        listed.stream().filter(this::isWanted).forEach(job -> state.delivered.add(key(job)));
        LOG.info("skipExisting: recorded {} existing jobs as delivered without emitting them", listed.size());
        return 0;
    }

    /**
     * Routes the wanted jobs neither delivered nor in flight, up to the room left, each reserved in the in-progress
     * repository first; a finished one is remembered until delivered. A reservation refused by a shared repository
     * (false, or a duplicate-key exception) means another instance has it; any other failure releases the batch's.
     */
    private int offer(Collection<AvatarSynthesisJob> jobs) throws Exception {
        Queue<Object> reserved = new ArrayDeque<>();
        try {
            for (AvatarSynthesisJob job : jobs) {
                String key = key(job);
                if (!isWanted(job) || state.delivered.contains(key)) {
                    continue;
                }
                if (job.getStatus().isFinished()) {
                    state.undelivered.put(key, job);
                }
                if (reserved.size() < room && !state.inProgress.contains(key) && offered.add(job.getId())
                    && reserve(key)) {
                    reserved.add(job);
                }
            }
        } catch (RuntimeException e) {
            reserved.forEach(job -> state.inProgress.remove(key((AvatarSynthesisJob) job)));
            throw e;
        }
        room -= reserved.size();
        return reserved.isEmpty() ? 0 : processBatch(reserved);
    }

    private boolean reserve(String key) {
        try {
            return state.inProgress.add(key);
        } catch (RuntimeException e) {
            if (e.getClass().getName().contains("DuplicateKey")) {
                return false;
            }
            throw e;
        }
    }

    private boolean isWanted(AvatarSynthesisJob job) {
        return statusFilter.isEmpty() || statusFilter.contains(job.getStatus());
    }

    private String key(AvatarSynthesisJob job) {
        return state.key(job, job.getStatus());
    }

    /** Sends one exchange per reserved job, in order, unless another instance delivered it meanwhile. */
    @Override
    public int processBatch(Queue<Object> jobs) throws Exception {
        int total = jobs.size();
        int index = 0;
        try {
            while (!jobs.isEmpty() && isBatchAllowed()) {
                AvatarSynthesisJob job = (AvatarSynthesisJob) jobs.peek();
                if (state.delivered.contains(key(job))) {
                    state.inProgress.remove(key((AvatarSynthesisJob) jobs.poll()));
                    continue;
                }
                Exchange exchange = toExchange(job);
                jobs.poll();
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, jobs.isEmpty());
                pendingExchanges = jobs.size();
                getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
                index++;
            }
        } finally {
            // stopped or failed mid-batch: what was not sent must not stay reserved, or it would never be emitted
            jobs.forEach(left -> state.inProgress.remove(key((AvatarSynthesisJob) left)));
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
            if (earlier.ordinal() < job.getStatus().ordinal() && state.delivered.contains(state.key(job, earlier))) {
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
                state.delivered.add(key);
                state.delivered.confirm(key);
            } catch (RuntimeException e) {
                getExceptionHandler().handleException("Could not record " + key + " as delivered; it will be emitted "
                                                      + "again on the next poll",
                        exchange, e);
            } finally {
                state.inProgress.remove(key);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            state.inProgress.remove(key);
            LOG.warn("Route failed for avatar job {}; it will be offered again on the next poll", key);
        }
    }
}
