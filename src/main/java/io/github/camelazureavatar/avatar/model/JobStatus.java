package io.github.camelazureavatar.avatar.model;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The lifecycle of an avatar batch synthesis job, the same in every API generation. Azure has no cancelled state: a
 * job only leaves the list by DELETE or by expiring.
 */
public enum JobStatus {

    NotStarted,
    Running,
    Succeeded,
    Failed;

    /** A finished job never changes again, so its results can be downloaded and it can be deleted. */
    public boolean isFinished() {
        return this == Succeeded || this == Failed;
    }

    /**
     * Reads a comma-separated list of statuses, such as the status option; empty or null gives an empty set.
     *
     * @throws IllegalArgumentException naming the first unknown status
     */
    public static Set<JobStatus> parseList(String statuses) {
        Set<JobStatus> parsed = EnumSet.noneOf(JobStatus.class);
        if (statuses != null) {
            for (String name : statuses.split(",")) {
                if (!name.isBlank()) {
                    parsed.add(fromAzure(name));
                }
            }
        }
        return parsed;
    }

    /**
     * Reads a status as Azure writes it, ignoring case.
     *
     * @throws IllegalArgumentException for a status this component does not know, naming it and the known ones
     */
    @JsonCreator
    public static JobStatus fromAzure(String value) {
        for (JobStatus status : values()) {
            if (value != null && status.name().equalsIgnoreCase(value.trim())) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "Unknown avatar job status '" + value + "'; known: NotStarted, Running, Succeeded, Failed");
    }
}
