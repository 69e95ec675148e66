package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * What a create request asked for, in generation-neutral terms, after validation. Both
 * dialects parse into this so a job created through one can be rendered by the other.
 */
final class JobDraft {

    static final Duration MAX_TTL = Duration.ofHours(744);

    String id;
    String internalId;
    Dialect createdVia = Dialect.BATCH;
    String displayName;
    String description;
    String inputKind = "PlainText";
    ObjectNode synthesisConfig;
    ObjectNode customVoices = JsonNodeFactory.instance.objectNode();
    String character = "lisa";
    String style = "graceful-sitting";
    boolean customized;
    String videoFormat = "mp4";
    String videoCodec = "hevc";
    String subtitleType = "soft_embedded";
    String backgroundColor;
    long bitrateKbps = 2000;
    /** Avatar settings the emulator does not interpret (videoCrop, backgroundImage, ...), echoed back. */
    ObjectNode avatarExtras = JsonNodeFactory.instance.objectNode();
    Duration ttl = MAX_TTL;
    /** A's original {@code timeToLive} text, echoed verbatim in A. */
    String ttlText;
    /** Null for seeded jobs, which do not keep input text to stay cheap at 100 000 jobs. */
    List<String> texts;
    int inputCount = 1;
    long billedCharacters = 29;
    boolean fails;
    String operationId;
    /** Canonical form of the request, so a reused Operation-Id can be compared. */
    String requestFingerprint;

    String resultExtension() {
        return "webm".equalsIgnoreCase(videoFormat) ? "webm" : "mp4";
    }
}
