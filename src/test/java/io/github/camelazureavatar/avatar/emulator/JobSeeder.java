package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk fixtures. The jobs of one seeding share a single settings object and keep no input
 * text, so 100 000 of them are made well under a second and stay small.
 */
final class JobSeeder {

    private final JobFactory factory;
    private final JobStore store;

    JobSeeder(JobFactory factory, JobStore store) {
        this.factory = factory;
        this.store = store;
    }

    List<String> seed(SeedSpec spec) {
        Instant now = factory.clock().now();
        JobDraft shared = new JobDraft();
        shared.description = spec.description();
        shared.inputKind = spec.inputKind();
        if ("PlainText".equals(spec.inputKind())) {
            shared.synthesisConfig = JsonNodeFactory.instance.objectNode().put("voice", "en-US-AvaMultilingualNeural");
        }
        long spacingNanos = spec.spacing().toNanos();
        int count = spec.count();
        List<EmulatedJob> jobs = new ArrayList<>(count);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = spec.idPrefix() != null ? spec.idPrefix() + pad6(i + 1) : factory.guid();
            Instant created = now.minusNanos(spacingNanos * (count - i));
            EmulatedJob job = switch (spec.state()) {
                case NOT_STARTED -> factory.pinned(shared, id, created, JobStatus.NOT_STARTED);
                case RUNNING -> factory.pinned(shared, id, created, JobStatus.RUNNING);
                case SUCCEEDED -> factory.pinned(shared, id, created, JobStatus.SUCCEEDED);
                case FAILED -> factory.pinned(shared, id, created, JobStatus.FAILED);
                case LIFECYCLE -> factory.lifecycle(shared, id, null, false, created, now);
            };
            jobs.add(job);
            ids.add(id);
        }
        store.addAll(jobs);
        return ids;
    }

    private static String pad6(int n) {
        String digits = Integer.toString(n);
        return digits.length() >= 6 ? digits : "000000".substring(digits.length()) + digits;
    }
}
