package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk fixtures. Seeded jobs share their immutable settings objects and keep no input text,
 * so 100 000 of them cost little memory and well under a second.
 */
final class JobSeeder {

    private static final ObjectNode VOICE = JsonNodeFactory.instance.objectNode().put("voice", "en-US-AvaMultilingualNeural");

    private final JobFactory factory;
    private final JobStore store;

    JobSeeder(JobFactory factory, JobStore store) {
        this.factory = factory;
        this.store = store;
    }

    List<String> seed(SeedSpec spec) {
        Instant now = factory.clock().now();
        List<EmulatedJob> jobs = new ArrayList<>(spec.count());
        List<String> ids = new ArrayList<>(spec.count());
        for (int i = 0; i < spec.count(); i++) {
            JobDraft draft = new JobDraft();
            draft.id = spec.idPrefix() != null ? spec.idPrefix() + String.format("%06d", i + 1) : factory.guid();
            draft.internalId = factory.guid();
            draft.description = spec.description();
            draft.inputKind = spec.inputKind();
            draft.synthesisConfig = "PlainText".equals(spec.inputKind()) ? VOICE : null;
            Instant created = now.minus(spec.spacing().multipliedBy(spec.count() - i));
            EmulatedJob job = switch (spec.state()) {
                case NOT_STARTED -> factory.pinned(draft, created, JobStatus.NOT_STARTED);
                case RUNNING -> factory.pinned(draft, created, JobStatus.RUNNING);
                case SUCCEEDED -> factory.pinned(draft, created, JobStatus.SUCCEEDED);
                case FAILED -> factory.pinned(draft, created, JobStatus.FAILED);
                case LIFECYCLE -> factory.lifecycle(draft, created, now);
            };
            jobs.add(job);
            ids.add(draft.id);
        }
        store.addAll(jobs);
        return ids;
    }
}
