package io.github.camelazureavatar.avatar.emulator;

/**
 * The state seeded jobs are put in. The first four pin the job in that state whatever the
 * clock does (so big fixtures stay stable); LIFECYCLE makes fresh jobs that start NotStarted
 * now and then move with the clock like created ones.
 */
public enum SeedState {
    NOT_STARTED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    LIFECYCLE
}
