package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.util.List;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * One page of the job list: the readable jobs in Azure's order, the next page (null on the last) and why each listed
 * job that could not be read was left out (no id, an unknown status, a bad date...).
 */
public record JobPage(List<AvatarSynthesisJob> jobs, URI nextLink, List<String> unreadable) {
}
