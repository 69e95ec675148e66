package io.github.camelazureavatar.avatar.api;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisError;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * What differs between the API generations: where things are, how a list page and a job are shaped, and how a create
 * is sent. Everything else (HTTP, auth, paging loop, errors) is shared.
 */
public interface AvatarApiDialect {

    /** The one JSON mapper of the component: Azure's answers, create bodies and the type converters. */
    ObjectMapper MAPPER = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

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

    /**
     * Reads a page of the job list.
     *
     * @throws IOException              when the page is not well-formed JSON (truncated, say)
     * @throws IllegalArgumentException when it is JSON but not a job list page; a single unreadable job is only
     *                                  listed as {@linkplain JobPage#unreadable() unreadable}
     */
    JobPage readPage(byte[] body) throws IOException;

    /**
     * Reads one job (a get or create answer).
     *
     * @throws IOException              when the answer is not well-formed JSON
     * @throws IllegalArgumentException when it is not a readable job
     */
    AvatarSynthesisJob readJob(byte[] body) throws IOException;

    /** Azure's error from an error body of any shape this service family uses, or null when there is none. */
    AvatarSynthesisError readError(JsonNode body);
}
