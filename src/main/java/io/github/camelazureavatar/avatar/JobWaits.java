package io.github.camelazureavatar.avatar;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

/**
 * The createAndWait exchanges of one Azure resource, parked without a thread until a walk of the list (a consumer's, or
 * this class's when a wait went unlisted for its waitDelay, never twice within one) lists their job finished, by id.
 * Walks run one at a time per resource on a shared pool, timeouts on a timer that never waits for Azure: a slow walk
 * delays neither another resource nor a timeout. With deleteOnTimeout a timed-out job stays watched until deletable.
 */
final class JobWaits {

    private static final Logger LOG = LoggerFactory.getLogger(JobWaits.class);
    /** Azure promises no precision for createdDateTime: its create answer and its list may write it differently. */
    private static final Duration SAME_CREATION = Duration.ofSeconds(1);

    /** An exchange waiting for its job (or, without one, a job to delete once finished), owned by its producer. */
    record Wait(AvatarSynthesisJob job, Exchange exchange, AsyncCallback callback, Object owner,
            AzureAvatarClient client, AzureAvatarConfiguration config, AtomicLong listedNanos,
            AtomicReference<ScheduledFuture<?>> timeout) {

        Wait(AvatarSynthesisJob job, Exchange exchange, AsyncCallback callback, Object owner,
             AzureAvatarClient client, AzureAvatarConfiguration config) {
            this(job, exchange, callback, owner, client, config, new AtomicLong(System.nanoTime()),
                    new AtomicReference<>());
        }

        long dueNanos() {
            return listedNanos.get() + MILLISECONDS.toNanos(config.getWaitDelay());
        }
    }

    private final ScheduledExecutorService timer;
    private final ExecutorService walker;
    private final ExecutorService completions;
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();
    private ScheduledFuture<?> nextWalk;
    private boolean walking;
    private volatile boolean stopped;
    private volatile Instant lastWalk;

    JobWaits(ScheduledExecutorService timer, ExecutorService walker, ExecutorService completions) {
        this.timer = timer;
        this.walker = walker;
        this.completions = completions;
    }

    /** Parks an exchange until its job finished; the job was just created, so it is listed on top. */
    void add(Wait wait) {
        waits.put(wait.job().getId(), wait);
        if (stopped) { // checked after the put: a stop that began meanwhile ends the wait or is seen here
            end(wait, null, stoppedError(wait));
        } else if (wait.config().getWaitTimeout() > 0) {
            wait.timeout().set(timer.schedule(() -> timedOut(wait), wait.config().getWaitTimeout(), MILLISECONDS));
        }
        schedule();
    }

    /** Exchanges waiting now, not counting timed-out jobs kept to be deleted. */
    int waiting() {
        return (int) waits.values().stream().filter(w -> w.exchange() != null).count();
    }

    boolean isEmpty() {
        return waits.isEmpty();
    }

    Instant lastWalk() {
        return lastWalk;
    }

    synchronized Optional<Instant> nextWalk() {
        return Optional.ofNullable(nextWalk).map(next -> Instant.now().plusNanos(Math.max(0,
                next.getDelay(NANOSECONDS))));
    }

    /** Jobs as a walk of the list saw them, by anyone: the waits of the finished ones end. */
    void listed(List<AvatarSynthesisJob> jobs) {
        long now = System.nanoTime();
        for (AvatarSynthesisJob job : jobs) {
            Wait wait = waits.get(job.getId());
            if (wait == null) {
                continue;
            }
            wait.listedNanos().set(now);
            Instant created = job.getCreatedDateTime();
            Instant answered = wait.job().getCreatedDateTime();
            if (answered != null && created != null
                    && Duration.between(answered, created).abs().compareTo(SAME_CREATION) >= 0) {
                end(wait, null, new AzureAvatarJobStateException("Avatar job " + job.getId() + " was deleted and "
                        + "created again while createAndWait waited: listed created at " + created + ", not " + answered
                        + " as its create answered. The job under this id now is another one",
                        job.getId(), job.getStatus(), 0, null, null));
            } else if (job.getStatus().isFinished()) {
                end(wait, job, null);
            }
        }
    }

    /** Ends the waits of one producer (its route stops or suspends), or all of them (null: the application stops). */
    void stop(Object owner) {
        stopped |= owner == null;
        waits.values().stream().filter(w -> owner == null || w.owner() == owner)
                .forEach(w -> end(w, null, stoppedError(w)));
    }

    private static Exception stoppedError(Wait wait) {
        return new IllegalStateException("Stopped waiting for avatar job " + wait.job().getId() + ": its route or the "
                + "application is stopping or suspending. The job goes on in Azure; a consumer route announces its "
                + "completion");
    }

    /** Starts a walk at the next instant a wait is due for one, never while a walk of this resource runs. */
    private synchronized void schedule() {
        long now = System.nanoTime();
        OptionalLong due = waits.values().stream().mapToLong(w -> w.dueNanos() - now).min();
        if (!stopped && !walking && due.isPresent()
                && (nextWalk == null || nextWalk.getDelay(NANOSECONDS) > due.getAsLong())) {
            Optional.ofNullable(nextWalk).ifPresent(next -> next.cancel(false));
            nextWalk = timer.schedule(this::startWalk, due.getAsLong(), NANOSECONDS);
        }
    }

    /** On the timer, which never waits for Azure: hands the walk over, unless a consumer's poll listed the waits. */
    private synchronized void startWalk() {
        nextWalk = null;
        long now = System.nanoTime();
        Optional<Wait> due = waits.values().stream().filter(w -> now - w.dueNanos() >= 0).findAny();
        walking = due.isPresent() && !stopped;
        if (walking) {
            walker.execute(() -> walk(due.get().client()));
        } else {
            schedule();
        }
    }

    /**
     * Walks from the top until every waiting job was listed (just created, they are near the top when the list is
     * newest first, which nobody promised: else to its end); a waiting job the walk did not meet is asked for by id.
     */
    private void walk(AzureAvatarClient client) {
        long start = System.nanoTime();
        lastWalk = Instant.now();
        try {
            Set<String> unmet = new HashSet<>(waits.keySet());
            JobListing listing = new JobListing(client, client.dialect().listUri(0, 100), () -> !stopped && !isEmpty());
            // past a link to another host, the jobs not met are asked for by id
            for (JobPage page; !unmet.isEmpty() && listing.end() != JobListing.End.FOREIGN_NEXT_LINK
                               && (page = listing.nextPage()) != null;) {
                listed(page.jobs());
                page.jobs().forEach(job -> unmet.remove(job.getId()));
                unmet.retainAll(waits.keySet());
            }
            LOG.debug("Walked {} pages of {} for {} waiting jobs", listing.pages(), client.origin(), waits.size());
            for (String jobId : unmet) {
                Wait wait = waits.get(jobId);
                Optional<AvatarSynthesisJob> job = wait == null || stopped ? Optional.empty() : client.getJob(jobId);
                job.ifPresentOrElse(found -> listed(List.of(found)), () -> end(wait, null,
                        new AzureAvatarJobStateException("Avatar job " + jobId + " no longer exists: it was "
                                                         + "deleted while createAndWait waited", jobId, null, 404, null,
                                                         null)));
            }
        } catch (RuntimeException e) {
            (stopped || isEmpty() ? LOG.atDebug() : LOG.atWarn()).log("Could not walk the job list of {} for {} "
                    + "waiting jobs; trying again after waitDelay: {}", client.origin(), waits.size(), e.getMessage());
        } finally {
            // whatever the walk met, the next one is a waitDelay away
            waits.values().forEach(w -> w.listedNanos().accumulateAndGet(start, (a, b) -> a - b < 0 ? b : a));
            synchronized (this) {
                walking = false;
                schedule();
            }
        }
    }

    /** On the timer: the exchange fails; with deleteOnTimeout its job stays watched until it can be deleted. */
    private void timedOut(Wait wait) {
        boolean delete = wait.config().isDeleteOnTimeout() && !stopped;
        if (!waits.remove(wait.job().getId(), wait)) {
            return;
        } else if (delete) {
            waits.putIfAbsent(wait.job().getId(), new Wait(wait.job(), null, null, null, wait.client(), wait.config()));
            schedule();
        }
        finish(wait, null, new ExchangeTimedOutException(wait.exchange(), wait.config().getWaitTimeout(), "Avatar job "
                + wait.job().getId() + " did not finish within waitTimeout; it goes on in Azure"
                + (delete ? " and is deleted once it finished" : "")));
    }

    private void end(Wait wait, AvatarSynthesisJob job, Exception error) {
        if (wait != null && waits.remove(wait.job().getId(), wait)) {
            finish(wait, job, error);
        }
    }

    /** Completes a wait on a pool thread: whoever listed the job (a consumer's poll) goes on with its own work. */
    private void finish(Wait wait, AvatarSynthesisJob job, Exception error) {
        Optional.ofNullable(wait.timeout().get()).ifPresent(timeout -> timeout.cancel(false));
        if (wait.exchange() == null && job == null) {
            return; // a job to delete that is gone, another job now, or the application stops
        }
        completions.execute(() -> {
            Exchange exchange = wait.exchange();
            if (exchange == null) {
                try {
                    wait.client().deleteJob(job.getId());
                    LOG.info("Deleted avatar job {} ({}), whose createAndWait timed out", job.getId(), job.getStatus());
                } catch (RuntimeException e) {
                    LOG.warn("Could not delete avatar job {}, whose createAndWait timed out: {}", job.getId(),
                            e.getMessage());
                }
                return;
            } else if (error != null) {
                exchange.setException(error);
            } else if (job.getStatus() == JobStatus.Failed) {
                exchange.setException(new AzureAvatarJobFailedException(job));
            } else {
                exchange.getMessage().setBody(job);
                AvatarJobHeaders.set(exchange.getMessage(), job);
            }
            wait.callback().done(false);
        });
    }
}
