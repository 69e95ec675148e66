package io.github.camelazureavatar.avatar.emulator;

/** The emulator's own copy of Azure's status enum (same in every API generation). */
public enum JobStatus {
    NOT_STARTED("NotStarted"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name as Azure writes it in JSON. */
    public String wireName() {
        return wireName;
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
