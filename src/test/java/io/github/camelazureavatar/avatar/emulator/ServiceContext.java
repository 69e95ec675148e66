package io.github.camelazureavatar.avatar.emulator;

/** What the dialect handlers share: one store, one lifecycle, one parser, one renderer. */
record ServiceContext(JobStore store, JobFactory factory, CreateRequestParser parser, JobJson json, Faults faults,
        int maxActiveJobs) {

    EmulatorClock clock() {
        return factory.clock();
    }
}
