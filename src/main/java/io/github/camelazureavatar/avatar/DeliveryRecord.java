package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.HashMap;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.JobStatus;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * What a consumer endpoint remembers of its deliveries, for as long as the endpoint lives: a route stop and start
 * keeps it, a new CamelContext starts afresh unless the repositories are persistent. It holds which changes were
 * delivered and which are being routed, and what incremental polling knows.
 *
 * <p>
 * A key is {@code label(statuses)/jobId/created/status}: a route with another label or status filter keeps a record of
 * its own even in a shared repository, several instances of one route share theirs, and a job deleted and created
 * again under the same id (created at another instant) is another job.
 */
final class DeliveryRecord extends ServiceSupport {

    final IdempotentRepository delivered;
    final IdempotentRepository inProgress;
    final IncrementalPolling incremental;
    /** skipExisting applies to the first walk of this record only. */
    boolean existingSkipped;
    private final boolean ownsDelivered;
    private final boolean ownsInProgress;
    private final String keyPrefix;

    DeliveryRecord(String label, AzureAvatarConfiguration configuration) {
        Set<JobStatus> filter = configuration.statusFilter();
        keyPrefix = label + (filter.isEmpty() ? ""
                : filter.stream().map(Enum::name).collect(Collectors.joining(",", "(", ")"))) + "/";
        incremental = new IncrementalPolling(configuration.getFullScanEvery());
        ownsDelivered = configuration.getIdempotentRepository() == null;
        delivered = ownsDelivered
                ? MemoryIdempotentRepository.memoryIdempotentRepository(100_000) : configuration.getIdempotentRepository();
        ownsInProgress = configuration.getInProgressRepository() == null;
        // a plain map, not an LRU cache: a reservation must never be evicted (the job would be emitted twice), and
        // every key leaves when its exchange completes
        inProgress = ownsInProgress ? MemoryIdempotentRepository.memoryIdempotentRepository(new HashMap<>())
                : configuration.getInProgressRepository();
    }

    /** The key of a job's change to a status. */
    String key(AvatarSynthesisJob job, JobStatus status) {
        Instant created = job.getCreatedDateTime();
        return keyPrefix + job.getId() + "/" + (created == null ? "-" : created.toEpochMilli()) + "/" + status.name();
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(delivered, inProgress);
    }

    @Override
    protected void doStop() throws Exception {
        if (ownsDelivered) {
            ServiceHelper.stopService(delivered);
        }
        if (ownsInProgress) {
            ServiceHelper.stopService(inProgress);
        }
    }
}
