package io.github.camelazureavatar.avatar.emulator;

/** The two API generations; one job store, rendered in either. */
enum Dialect {
    /** {@code 3.1-preview1}: {@code /api/texttospeech/3.1-preview1/batchsynthesis/talkingavatar}. */
    PREVIEW,
    /** {@code 2024-04-15-preview} and {@code 2024-08-01}: {@code /avatar/batchsyntheses}. */
    BATCH
}
