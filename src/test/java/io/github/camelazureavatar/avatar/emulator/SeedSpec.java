package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A batch of jobs to seed without HTTP. Jobs get createdDateTime {@code spacing} apart, all in
 * the past, the last seeded being the newest (one spacing before now).
 *
 * @param count       how many jobs
 * @param state       which state they are in (see {@link SeedState})
 * @param idPrefix    ids are {@code idPrefix + 6-digit index} when set, GUIDs otherwise
 * @param spacing     gap between consecutive createdDateTime values
 * @param description description of every job (null: none)
 * @param inputKind   PlainText or SSML
 */
public record SeedSpec(int count, SeedState state, String idPrefix, Duration spacing, String description, String inputKind) {

    public SeedSpec {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
        Objects.requireNonNull(state, "state");
        spacing = spacing == null ? Duration.ofSeconds(1) : spacing;
        inputKind = inputKind == null ? "PlainText" : inputKind;
    }

    public static SeedSpec of(int count, SeedState state) {
        return new SeedSpec(count, state, null, null, null, null);
    }

    public SeedSpec withIdPrefix(String prefix) {
        return new SeedSpec(count, state, prefix, spacing, description, inputKind);
    }

    public SeedSpec withSpacing(Duration gap) {
        return new SeedSpec(count, state, idPrefix, gap, description, inputKind);
    }

    public SeedSpec withDescription(String text) {
        return new SeedSpec(count, state, idPrefix, spacing, text, inputKind);
    }

    public SeedSpec withInputKind(String kind) {
        return new SeedSpec(count, state, idPrefix, spacing, description, kind);
    }
}
