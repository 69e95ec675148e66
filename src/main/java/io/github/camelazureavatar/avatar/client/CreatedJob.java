package io.github.camelazureavatar.avatar.client;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * What a create answered.
 *
 * @param job               the job as Azure stored it (status NotStarted)
 * @param operationId       Azure's Operation-Id header, or null (3.1-preview1 has none)
 * @param operationLocation Azure's Operation-Location header, or null
 */
public record CreatedJob(AvatarSynthesisJob job, String operationId, String operationLocation) {
}
