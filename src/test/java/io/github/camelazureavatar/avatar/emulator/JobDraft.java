package io.github.camelazureavatar.avatar.emulator;

import com.fasterxml.jackson.databind.JsonNode;
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
    static final String FAILURE_MESSAGE = "The synthesis of input 1 failed. (emulated failure)";

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
    /** Why the job fails, as its {@code error.message} and summary.json's {@code errorMessage}. */
    String failureMessage = FAILURE_MESSAGE;
    String operationId;
    /** The job id and the request body as a JSON tree, so that a retry under the same Operation-Id can be compared. */
    JsonNode requestFingerprint;
    /** The user's container ({@code destinationContainerUrl}), or null: outputs then live on Microsoft's storage. */
    String destinationContainer;
    /** The folder inside the container, without leading or trailing slash, or null. */
    String destinationPath;
    /** Whether that container is on the emulator's blob host and the SAS lets the job write there. */
    boolean writesToHostedContainer;

    String resultExtension() {
        return "webm".equalsIgnoreCase(videoFormat) ? "webm" : "mp4";
    }

    /** Where in its container the job writes: {@code [destinationPath/]jobId}. */
    String destinationFolder(String jobId) {
        return destinationPath == null ? jobId : destinationPath + "/" + jobId;
    }
}
