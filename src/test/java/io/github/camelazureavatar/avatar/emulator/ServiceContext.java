package io.github.camelazureavatar.avatar.emulator;

/** What the dialect handlers share: one store, one lifecycle, one renderer. */
record ServiceContext(JobStore store, JobFactory factory, JobJson json, Faults faults, int maxActiveJobs) {

    EmulatorClock clock() {
        return factory.clock();
    }
}
