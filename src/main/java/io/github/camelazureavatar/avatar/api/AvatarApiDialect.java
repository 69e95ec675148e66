package io.github.camelazureavatar.avatar.api;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisError;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * What differs between the API generations: where things are, how a list page and a job are shaped, and how a create
 * is sent. Everything else (HTTP, auth, paging loop, errors) is shared.
 */
public interface AvatarApiDialect {

    AvatarApiVersion version();

    /** Scheme, host and port that every request carrying credentials must go to. */
    URI endpoint();

    /** The first page of the job list. */
    URI listUri(int skip, int pageSize);

    URI jobUri(String jobId);

    /**
     * Where a create goes.
     *
     * @param jobId the client's id; ignored where Azure makes the id itself
     */
    URI createUri(String jobId);

    /** {@code POST} where Azure makes the id, {@code PUT} where the client chooses it. */
    String createMethod();

    /** Whether the client chooses the job id (and so must send one). */
    boolean clientChoosesId();

    /** Whether this generation knows Operation-Id / Operation-Location. */
    boolean supportsOperations();

    JobPage readPage(JsonNode body);

    AvatarSynthesisJob readJob(JsonNode node);

    /** Azure's error from an error body of any shape this service family uses, or null when there is none. */
    AvatarSynthesisError readError(JsonNode body);
}
