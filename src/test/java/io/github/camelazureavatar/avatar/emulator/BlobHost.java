package io.github.camelazureavatar.avatar.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Azure Blob Storage, on its own address so clients can tell it from the API
 * host: Microsoft's storage, where a job without a destination container keeps its files, and
 * the user's own containers ({@link AvatarEmulator#containerUrl}). Serves each finished job's
 * videos and summary.json to holders of a SAS that can read them, and remembers every API
 * credential it was sent: a client must never send one.
 */
public final class BlobHost {

    static final String HOST = "blob";

    private final List<ReceivedSecret> secrets = new CopyOnWriteArrayList<>();
    private final RequestLog log;
    private final JobStore store;
    private final JobJson json;
    private final BlobLayout layout;
    private final byte[] video;
    private final EmulatorClock clock;

    BlobHost(RequestLog log, JobStore store, JobJson json, BlobLayout layout, byte[] video, EmulatorClock clock) {
        this.log = log;
        this.store = store;
        this.json = json;
        this.layout = layout;
        this.video = video;
        this.clock = clock;
    }

    void bind(HttpServer server, Faults faults) {
        server.createContext("/", new FaultingHandler(HOST, faults, log, layout.baseUrl()) {
            @Override
            EmulatorResponse respond(ApiRequest request) {
                return serve(request);
            }

            @Override
            Dialect dialectOf(String path) {
                return null;
            }

            @Override
            void observe(HttpExchange exchange) {
                record(exchange);
            }
        });
    }

    /** Requests this host received (queries masked). */
    public List<RecordedRequest> requests() {
        return log.byHost(HOST);
    }

    /** Every {@code Ocp-Apim-Subscription-Key} or {@code Authorization} value received, verbatim, with its header. */
    public List<ReceivedSecret> receivedSecrets() {
        return List.copyOf(secrets);
    }

    public void clear() {
        secrets.clear();
        log.clearHost(HOST);
    }

    public String baseUrl() {
        return layout.baseUrl();
    }

    private void record(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        for (String header : List.of("Ocp-Apim-Subscription-Key", "Authorization")) {
            List<String> values = exchange.getRequestHeaders().get(header);
            if (values != null) {
                values.forEach(v -> secrets.add(new ReceivedSecret(header, v, path)));
            }
        }
    }

    private EmulatorResponse serve(ApiRequest r) {
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            return AzureErrors.blob(405, "UnsupportedHttpVerb", "The resource doesn't support specified Http Verb.", null);
        }
        // /batchsynthesis-output/<folder>/<jobId>/<file>, or /<container>/[<destinationPath>/]<jobId>/<file>
        String[] parts = r.path().split("/", -1);
        if (parts.length < 4) {
            return AzureErrors.blob(404, "ContainerNotFound", "The specified container does not exist.", null);
        }
        String container = parts[1];
        String jobId = parts[parts.length - 2];
        String file = parts[parts.length - 1];
        String folder = String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length - 1));
        boolean managed = container.equals(BlobLayout.CONTAINER);
        SasSigner.Refusal refusal = managed
                ? layout.signer().check(r.query(), layout.resource(jobId), 'r')
                : layout.signer().check(r.query(), "c/" + container, 'r');
        if (refusal != null) {
            return AzureErrors.blob(refusal);
        }
        EmulatedJob job = store.get(jobId);
        boolean there = job != null && (managed
                ? job.draft.destinationContainer == null && folder.equals(layout.folder() + "/" + jobId)
                : job.draft.writesToHostedContainer && container.equals(job.draft.destinationContainer)
                        && folder.equals(job.draft.destinationFolder(jobId)));
        if (!there) {
            return AzureErrors.blobNotFound();
        }
        Instant now = clock.now();
        JobStatus status = job.statusAt(now);
        EmulatorResponse response;
        if (status.isFinished() && file.equals("summary.json")) {
            response = job.summarySize >= 0
                    ? EmulatorResponse.stream(200, "application/json", job.summarySize, SyntheticContent::write)
                    : EmulatorResponse.bytes(200, "application/json", json.summary(job, status).getBytes(StandardCharsets.UTF_8));
        } else if (status == JobStatus.SUCCEEDED && isVideo(job, file)) {
            String type = file.endsWith(".webm") ? "video/webm" : "video/mp4";
            response = job.hasSyntheticResult()
                    ? EmulatorResponse.stream(200, type, job.resultSize(video.length), SyntheticContent::write)
                    : EmulatorResponse.bytes(200, type, video);
        } else {
            return AzureErrors.blobNotFound();
        }
        return response
                .header("ETag", "\"0x8DC" + Long.toHexString(job.seq).toUpperCase() + "\"")
                .header("Last-Modified", Fault.HTTP_DATE.format(job.finishedAt))
                .header("x-ms-blob-type", "BlockBlob")
                .header("x-ms-version", SasSigner.VERSION);
    }

    /** One video per input: 0001.mp4, 0002.mp4, ... */
    private static boolean isVideo(EmulatedJob job, String file) {
        for (int i = 1; i <= job.draft.inputCount; i++) {
            if (file.equals(BlobLayout.videoName(job.draft, i))) {
                return true;
            }
        }
        return false;
    }
}
