package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;

/**
 * One page of the job list.
 *
 * <p>
 * {@link #listed()} are the jobs Azure listed, newest first, whose id and status could be read; their other fields are
 * read only when asked for. {@link #rejected()} has one line per listed job that could not be read (no id, unknown
 * status, and after {@link #jobs()} also bad dates...), for a WARN.
 */
public final class JobPage {

    private final List<ListedJob> listed;
    private final URI nextLink;
    private final List<String> rejected;

    public JobPage(List<ListedJob> listed, URI nextLink, List<String> rejected) {
        this.listed = listed;
        this.nextLink = nextLink;
        this.rejected = new ArrayList<>(rejected);
    }

    public List<ListedJob> listed() {
        return listed;
    }

    /** Where the next page is, or null on the last page. */
    public URI nextLink() {
        return nextLink;
    }

    /** Every listed job read whole; the ones that cannot be read are left out and added to {@link #rejected()}. */
    public List<AvatarSynthesisJob> jobs() {
        List<AvatarSynthesisJob> jobs = new ArrayList<>(listed.size());
        for (ListedJob job : listed) {
            try {
                jobs.add(job.job());
            } catch (RuntimeException e) {
                reject(e.getMessage());
            }
        }
        return jobs;
    }

    /** Records a job of this page that turned out unreadable. */
    public void reject(String reason) {
        rejected.add(reason);
    }

    public List<String> rejected() {
        return rejected;
    }
}
