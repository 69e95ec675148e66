package io.github.camelazureavatar.avatar;

import java.util.concurrent.atomic.AtomicLong;

import io.github.camelazureavatar.avatar.client.ResourceGuard;

/**
 * One Azure Speech resource (endpoint and credential) as its endpoints in the CamelContext share it: Azure counts
 * requests per resource, so this is the unit an operator watches. Its name is its origin, as logs and the console show.
 */
record SpeechResource(String name, ResourceGuard guard, JobWaits waits, AtomicLong lastCreate) {

    /** lastCreate: when a job was last created through this CamelContext (nanoTime); a consumer that walked since rests. */
    SpeechResource(String name, ResourceGuard guard, JobWaits waits) {
        this(name, guard, waits, new AtomicLong(System.nanoTime()));
    }
}
