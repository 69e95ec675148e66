package io.github.camelazureavatar.avatar;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelazureavatar.avatar.client.ResourceGuard;

/**
 * One Azure Speech resource (endpoint and credential) as every endpoint of it in the CamelContext shares it: its rate
 * budget and request counters, the createAndWait exchanges waiting on it, the consumers polling it, and how many jobs
 * were created through this CamelContext (which wakes resting consumers). Azure counts requests per resource, not per
 * route, so this is the unit an operator watches.
 *
 * @param name the resource's origin, as logs and the console show it
 */
record SpeechResource(String name, ResourceGuard guard, JobWaits waits, Set<AzureAvatarConsumer> consumers,
        AtomicLong createCount) {

    SpeechResource(String name, ResourceGuard guard, JobWaits waits) {
        this(name, guard, waits, new CopyOnWriteArraySet<>(), new AtomicLong());
    }

    /** A job was created through this CamelContext: something is in progress now. */
    void created() {
        createCount.incrementAndGet();
    }

    /** Jobs created through this CamelContext so far; a consumer compares it with what it saw at its last walk. */
    long creates() {
        return createCount.get();
    }
}
