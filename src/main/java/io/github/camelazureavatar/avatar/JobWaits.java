package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.JobListing;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The createAndWait exchanges of one Azure resource, each waiting for its job to finish, served by list walks rather
 * than by a request per job: a walk lists every job in progress near the top of the list, so N waits cost what one
 * walk costs. Any walk of the resource settles them: a consumer's poll hands each page here, and this class walks the
 * list itself only when a wait went unlisted for its waitDelay (no consumer of the resource polls, or not that often).
 *
 * <p>
 * No thread waits: an exchange is parked here with its callback, and completed on a pool thread once its job is listed
 * finished, its waitTimeout passed, or the application stops. A job of a timed-out wait with deleteOnTimeout stays
 * watched, without an exchange, and is deleted once it finished (Azure deletes only finished jobs).
 */
final class JobWaits {

    private static final Logger LOG = LoggerFactory.getLogger(JobWaits.class);

    /** One exchange waiting for a job, or (without exchange) a job to delete once it finished. */
    static final class Wait {
        final String jobId;
        final Instant created;
        final Exchange exchange;
        final AsyncCallback callback;
        final Object owner;
        final AzureAvatarClient client;
        final long waitDelayNanos;
        final long deadlineNanos;
        final long timeoutMillis;
        final boolean deleteOnTimeout;
        volatile long lastListedNanos;

        Wait(AvatarSynthesisJob job, Exchange exchange, AsyncCallback callback, Object owner, AzureAvatarClient client,
             long waitDelayMillis, long timeoutMillis, boolean deleteOnTimeout) {
            this.jobId = job.getId();
            this.created = job.getCreatedDateTime();
            this.exchange = exchange;
            this.callback = callback;
            this.owner = owner;
            this.client = client;
            this.waitDelayNanos = TimeUnit.MILLISECONDS.toNanos(waitDelayMillis);
            this.timeoutMillis = timeoutMillis;
            this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
            this.deleteOnTimeout = deleteOnTimeout;
            // its state at creation is known: the first walk is due one waitDelay later
            this.lastListedNanos = System.nanoTime();
        }

        private Wait(Wait timedOut) {
            this.jobId = timedOut.jobId;
            this.created = timedOut.created;
            this.exchange = null;
            this.callback = null;
            this.owner = null;
            this.client = timedOut.client;
            this.waitDelayNanos = timedOut.waitDelayNanos;
            this.timeoutMillis = 0;
            this.deadlineNanos = 0;
            this.deleteOnTimeout = false;
            this.lastListedNanos = timedOut.lastListedNanos;
        }

        boolean isDeletion() {
            return exchange == null;
        }
    }

    private final String resourceName;
    private final ScheduledExecutorService walks;
    private final ExecutorService completions;
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();
    private ScheduledFuture<?> nextTick;
    private long nextTickNanos;
    private volatile boolean stopped;
    private volatile Instant lastWalk;

    JobWaits(String resourceName, ScheduledExecutorService walks, ExecutorService completions) {
        this.resourceName = resourceName;
        this.walks = walks;
        this.completions = completions;
    }

    /** Parks an exchange until its job finished; the job was just created, so it is listed on top. */
    void add(Wait wait) {
        if (stopped) {
            complete(wait, null, stoppedError(wait));
            return;
        }
        waits.put(wait.jobId, wait);
        schedule();
    }

    /** Exchanges waiting now (not counting timed-out jobs kept only to be deleted). */
    int waiting() {
        return (int) waits.values().stream().filter(w -> !w.isDeletion()).count();
    }

    boolean isEmpty() {
        return waits.isEmpty();
    }

    /** When this class last walked the list itself, or null. */
    Instant lastWalk() {
        return lastWalk;
    }

    /** When this class walks the list next, if a wait needs it. */
    Optional<Instant> nextWalk() {
        return waits.values().stream().map(w -> w.lastListedNanos + w.waitDelayNanos).min(Comparator.naturalOrder())
                .map(due -> Instant.now().plusNanos(Math.max(0, due - System.nanoTime())));
    }

    /** Jobs as a walk of the list saw them, by anyone: the waits of the finished ones end. */
    void listed(List<AvatarSynthesisJob> jobs) {
        if (waits.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (AvatarSynthesisJob job : jobs) {
            Wait wait = waits.get(job.getId());
            if (wait == null || !Objects.equals(wait.created, job.getCreatedDateTime())) {
                continue;
            }
            wait.lastListedNanos = now;
            if (job.getStatus().isFinished() && waits.remove(job.getId(), wait)) {
                complete(wait, job, null);
            }
        }
    }

    /** Ends the waits of one producer (its route stops), or all of them (owner null: the application stops). */
    void stop(Object owner) {
        if (owner == null) {
            stopped = true;
        }
        for (Wait wait : new ArrayList<>(waits.values())) {
            if ((owner == null || wait.owner == owner) && waits.remove(wait.jobId, wait) && !wait.isDeletion()) {
                complete(wait, null, stoppedError(wait));
            }
        }
        if (owner == null) {
            synchronized (this) {
                if (nextTick != null) {
                    nextTick.cancel(false);
                }
            }
        }
    }

    private static Exception stoppedError(Wait wait) {
        return new IllegalStateException("Stopped waiting for avatar job " + wait.jobId + ": its route or the "
                                         + "application is stopping. The job goes on in Azure; a consumer route "
                                         + "announces its completion");
    }

    /** Runs at the next instant a wait is due for a walk or times out. */
    private synchronized void schedule() {
        if (stopped || waits.isEmpty()) {
            return;
        }
        long due = Long.MAX_VALUE;
        for (Wait wait : waits.values()) {
            due = Math.min(due, wait.lastListedNanos + wait.waitDelayNanos);
            if (wait.deadlineNanos != 0) {
                due = Math.min(due, wait.deadlineNanos);
            }
        }
        if (nextTick != null && !nextTick.isDone() && nextTickNanos - due <= 0) {
            return;
        }
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        nextTickNanos = due;
        nextTick = walks.schedule(this::tick, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void tick() {
        try {
            endTimedOutWaits();
            List<Wait> due = waits.values().stream()
                    .filter(w -> System.nanoTime() - (w.lastListedNanos + w.waitDelayNanos) >= 0).toList();
            if (!due.isEmpty() && !stopped) {
                walk(due.get(0).client);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not walk the job list of {} for {} waiting jobs; trying again after waitDelay: {}",
                    resourceName, waits.size(), e.getMessage());
            long now = System.nanoTime();
            waits.values().forEach(w -> w.lastListedNanos = now);
        } finally {
            synchronized (this) {
                nextTick = null;
            }
            schedule();
        }
    }

    private void endTimedOutWaits() {
        long now = System.nanoTime();
        for (Wait wait : new ArrayList<>(waits.values())) {
            if (wait.deadlineNanos != 0 && now - wait.deadlineNanos >= 0 && waits.remove(wait.jobId, wait)) {
                if (wait.deleteOnTimeout) {
                    waits.put(wait.jobId, new Wait(wait));
                }
                String fate = wait.deleteOnTimeout ? "it goes on in Azure and is deleted once it finished"
                        : "it goes on in Azure";
                complete(wait, null, new ExchangeTimedOutException(wait.exchange, wait.timeoutMillis,
                        "Avatar job " + wait.jobId + " did not finish within waitTimeout; " + fate));
            }
        }
    }

    /**
     * Walks from the top until every waiting job was listed, or the walk passed below the oldest of them; a waiting job
     * the walk did not meet (deleted by someone, or not listed yet) is asked for by id.
     */
    private void walk(AzureAvatarClient client) {
        lastWalk = Instant.now();
        Set<String> unmet = new HashSet<>(waits.keySet());
        Instant oldest = waits.values().stream().map(w -> w.created).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        JobListing listing = new JobListing(client, client.dialect().listUri(0, 100), () -> !stopped);
        for (JobPage page; (page = listing.nextPage()) != null;) {
            listed(page.jobs());
            page.jobs().forEach(job -> unmet.remove(job.getId()));
            unmet.retainAll(waits.keySet());
            if (unmet.isEmpty() || oldest != null && page.reachesBelow(oldest)) {
                listing.stop();
            }
        }
        LOG.debug("Walked {} pages of {} for {} waiting jobs", listing.pages(), resourceName, waits.size());
        for (String jobId : unmet) {
            Wait wait = waits.get(jobId);
            if (wait != null) {
                Optional<AvatarSynthesisJob> job = client.getJob(jobId);
                if (job.isPresent()) {
                    listed(List.of(job.get()));
                } else if (waits.remove(jobId, wait) && !wait.isDeletion()) {
                    complete(wait, null, new AzureAvatarJobStateException("Avatar job " + jobId + " no longer exists: "
                                                                          + "it was deleted while createAndWait waited",
                            jobId, null, 404, null, null));
                }
            }
        }
    }

    /** Completes a wait on a pool thread: whoever listed the job (a consumer's poll) goes on with its own work. */
    private void complete(Wait wait, AvatarSynthesisJob job, Exception error) {
        completions.execute(() -> {
            if (wait.isDeletion()) {
                deleteTimedOut(wait, job);
                return;
            }
            Exchange exchange = wait.exchange;
            if (error != null) {
                exchange.setException(error);
            } else if (job.getStatus() == JobStatus.Failed) {
                exchange.setException(new AzureAvatarJobFailedException(job));
            } else {
                exchange.getMessage().setBody(job);
                AvatarJobHeaders.set(exchange.getMessage(), job);
            }
            wait.callback.done(false);
        });
    }

    private void deleteTimedOut(Wait wait, AvatarSynthesisJob job) {
        if (job == null) {
            return;
        }
        try {
            wait.client.deleteJob(wait.jobId);
            LOG.info("Deleted avatar job {} ({}), whose createAndWait timed out", wait.jobId, job.getStatus());
        } catch (RuntimeException e) {
            LOG.warn("Could not delete avatar job {}, whose createAndWait timed out: {}", wait.jobId, e.getMessage());
        }
    }
}
