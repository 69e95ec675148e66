package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.util.List;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * One page of the job list.
 *
 * @param jobs     the jobs Azure listed, newest first, that could be read
 * @param nextLink where the next page is, or null on the last page
 * @param rejected one line per listed job that could not be read (no id, unknown status, bad date...), for a WARN
 */
public record JobPage(List<AvatarSynthesisJob> jobs, URI nextLink, List<String> rejected) {
}
