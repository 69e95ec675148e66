package io.github.camelazureavatar.avatar.model;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        return Stream.of(statuses == null ? new String[0] : statuses.split(",")).filter(name -> !name.isBlank())
                .map(JobStatus::fromAzure).collect(Collectors.toCollection(() -> EnumSet.noneOf(JobStatus.class)));
    }

    /**
     * Reads a status as Azure writes it, ignoring case.
     *
     * @throws IllegalArgumentException for a status this component does not know, naming it and the known ones
     */
    @JsonCreator
    public static JobStatus fromAzure(String value) {
        return Stream.of(values()).filter(status -> value != null && status.name().equalsIgnoreCase(value.trim()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "Unknown avatar job status '" + value + "'; known: NotStarted, Running, Succeeded, Failed"));
    }
}
