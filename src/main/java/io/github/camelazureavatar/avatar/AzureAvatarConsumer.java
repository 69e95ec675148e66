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
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange per job and status: a poll walks the list from the top, routes each page's changes once it is read,
 * and ends where the record says nothing below can be news. A key is committed once its exchange completed.
 */
public class AzureAvatarConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarConsumer.class);

    private final Set<String> offered = new HashSet<>();
    private DeliveryRecord state;
    private SpeechResource resource;
    private volatile Instant lastWalk;
    private long lastWalkNanos;
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
        ServiceHelper.startService(state.delivered, state.inProgress);
        resource = getEndpoint().getResource();
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        AzureAvatarConfiguration conf = getEndpoint().getConfiguration();
        synchronized (state) { // two routes from one endpoint URI share its state: one poll at a time
            offered.clear();
            room = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
            state.undelivered.keySet().removeIf(state.delivered::contains);
            int emitted = offer(new ArrayList<>(state.undelivered.values())); // no request: finished jobs never change
            if (isIdle() && resource.lastCreate().get() - lastWalkNanos < 0
                && System.nanoTime() - lastWalkNanos < TimeUnit.MILLISECONDS.toNanos(conf.getIdleDelay())) {
                return emitted; // resting: nothing in progress, no job created here since the last walk began
            }
            lastWalk = Instant.now();
            lastWalkNanos = System.nanoTime();
            AzureAvatarClient client = getEndpoint().getClient();
            boolean skipping = conf.isSkipExisting() && !state.delivered.contains(state.existingSkipped);
            List<AvatarSynthesisJob> existing = new ArrayList<>();
            state.startWalk(skipping);
            JobListing listing = new JobListing(client, client.dialect().listUri(0, conf.getPageSize()),
                    () -> isBatchAllowed() && !isSuspendingOrSuspended());
            boolean below = false;
            boolean bounded = false;
            for (JobPage page; (page = listing.nextPage()) != null;) {
                forceConsumerAsReady(); // Azure answered: ready even when nothing changed
                resource.waits().listed(page.jobs()); // createAndWait exchanges wait for what any walk lists
                emitted += skipping && existing.addAll(page.jobs()) ? 0 : offer(page.jobs());
                below = state.listed(page);
                bounded = !below && listing.end() == null && (listing.pages() >= conf.getMaxPagesPerPoll()
                        || System.nanoTime() - lastWalkNanos > TimeUnit.MILLISECONDS.toNanos(conf.getMaxPollDuration()));
                if (below || bounded || room <= 0 || !isBatchAllowed() || isSuspendingOrSuspended()) {
                    break; // the pages below wait, unread
                }
            }
            if (skipping && listing.end() != null) { // the whole list was read
                existing.stream().filter(state::isWanted).forEach(job -> state.delivered.add(state.key(job)));
                state.delivered.add(state.existingSkipped);
                LOG.info("skipExisting: {} existing jobs recorded as delivered, not emitted", existing.size());
            }
            for (AvatarSynthesisJob hidden : state.walked(below || listing.end() == JobListing.End.LAST_PAGE)) {
                AvatarSynthesisJob found = client.getJob(hidden.getId()).orElse(null);
                emitted += state.got(hidden, found) ? offer(List.of(found)) : 0;
            }
            if (bounded) {
                String bound = listing.pages() >= conf.getMaxPagesPerPoll() ? "maxPagesPerPoll=" + conf.getMaxPagesPerPoll()
                        : "maxPollDuration=" + conf.getMaxPollDuration() + " ms";
                addLastErrorDetail("azure.avatar.walk.bound", bound);
                throw new AzureAvatarException("The walk of Azure's job list at " + client.origin() + " reached " + bound
                        + " after " + listing.pages() + " pages; the next poll starts again from the top", 0, null);
            }
            return emitted;
        }
    }

    Instant lastWalk() {
        return lastWalk;
    }

    /** Polls rest at idleDelay: resting is on, nothing is in progress and no createAndWait waits. */
    boolean isIdle() {
        return lastWalk != null && getEndpoint().getConfiguration().getIdleDelay() > getEndpoint().getDelay()
               && state.isIdle() && resource.waits().isEmpty();
    }

    int unsettledJobs() {
        return state.unfinished.size() + state.undelivered.size();
    }

    /** Reserves and routes the wanted jobs neither delivered nor in flight; a finished one is kept until delivered. */
    private int offer(List<AvatarSynthesisJob> jobs) throws Exception {
        Queue<Object> batch = new ArrayDeque<>();
        try {
            for (AvatarSynthesisJob job : jobs) {
                String key = state.key(job);
                if (state.isWanted(job) && !state.delivered.contains(key)) {
                    if (job.getStatus().isFinished()) {
                        state.undelivered.put(key, job);
                    }
                    if (batch.size() < room && offered.add(job.getId()) && reserve(key)) {
                        batch.add(job);
                    }
                }
            }
            room -= batch.size();
            return processBatch(batch);
        } finally { // a failed step or a stop mid-batch: what was reserved and not sent would never be emitted
            batch.forEach(job -> state.inProgress.remove(state.key((AvatarSynthesisJob) job)));
        }
    }

    private boolean reserve(String key) {
        try {
            return state.inProgress.add(key);
        } catch (RuntimeException e) { // a duplicate key from a shared repository: another instance has it
            if (e.getClass().getSimpleName().contains("DuplicateKey")) {
                return false;
            }
            throw e;
        }
    }

    /** Sends one exchange per reserved job, in order, unless another instance delivered it meanwhile. */
    @Override
    public int processBatch(Queue<Object> jobs) throws Exception {
        int total = jobs.size();
        int index = 0;
        // a job leaves the queue once sent or skipped: the caller frees what is left when a step fails
        for (AvatarSynthesisJob job; isBatchAllowed() && (job = (AvatarSynthesisJob) jobs.peek()) != null; jobs.remove()) {
            String key = state.key(job);
            if (state.delivered.contains(key)) {
                state.inProgress.remove(key);
                continue;
            }
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(job);
            AvatarJobHeaders.set(exchange.getMessage(), job);
            exchange.getMessage().setHeader(AzureAvatarConstants.PREVIOUS_STATUS, state.previousStatus(job));
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, jobs.size() == 1);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    commit(done, key);
                }
            });
            pendingExchanges = jobs.size() - 1;
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
            index++;
        }
        pendingExchanges = 0; // what is left was skipped or is freed: nothing waits for shutdown
        return index;
    }

    /** Commits a key once its exchange succeeded; a failure only frees it, to be offered again next poll. */
    private void commit(Exchange exchange, String key) {
        try {
            if (!exchange.isFailed()) { // a failed one was logged by Camel's error handler and comes again next poll
                state.delivered.add(key);
                state.delivered.confirm(key);
                state.undelivered.remove(key);
            }
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Could not record " + key + " as delivered; it will be emitted "
                                                  + "again on the next poll", exchange, e);
        } finally {
            state.inProgress.remove(key);
        }
    }
}
