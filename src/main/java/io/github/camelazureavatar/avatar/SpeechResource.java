package io.github.camelazureavatar.avatar;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelazureavatar.avatar.client.ResourceGuard;

/**
 * One Azure Speech resource (endpoint and credential) as its endpoints in the CamelContext share it: Azure counts
 * requests per resource, so this is the unit an operator watches. Its name is its origin, as logs and the console show.
 */
record SpeechResource(String name, ResourceGuard guard, JobWaits waits, Set<AzureAvatarConsumer> consumers,
        AtomicLong createCount) {

    SpeechResource(String name, ResourceGuard guard, JobWaits waits) {
        this(name, guard, waits, new CopyOnWriteArraySet<>(), new AtomicLong());
    }

    /** Jobs created through this CamelContext so far; a consumer compares it with what it saw at its last walk. */
    long creates() {
        return createCount.get();
    }
}
