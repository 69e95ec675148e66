package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a job's files live. Without a destination container, on Microsoft's storage (the blob
 * host): {@code /batchsynthesis-output/<32-hex folder>/<jobId>/0001.mp4?sv=..&st=..&se=..&sr=b&sp=r&sig=..},
 * the folder standing for the Speech resource as in Azure's B-generation URLs, signed afresh on
 * every read with an expiry {@code sasLifetime} ahead. With one, in the user's container at
 * {@code [destinationPath/]<jobId>/0001.mp4}, given as that relative path.
 */
final class BlobLayout {

    static final String CONTAINER = "batchsynthesis-output";
    /** Azure backdates {@code st} a little, against clock skew between the service and storage. */
    private static final Duration START_SKEW = Duration.ofMinutes(5);

    private final String blobBaseUrl;
    private final String folder;
    private final SasSigner signer;
    private final Duration sasLifetime;

    BlobLayout(String blobBaseUrl, String folder, SasSigner signer, Duration sasLifetime) {
        this.blobBaseUrl = blobBaseUrl;
        this.folder = folder;
        this.signer = signer;
        this.sasLifetime = sasLifetime;
    }

    String folder() {
        return folder;
    }

    String baseUrl() {
        return blobBaseUrl;
    }

    SasSigner signer() {
        return signer;
    }

    static String videoName(JobDraft draft, int index) {
        return String.format("%04d.%s", index, draft.resultExtension());
    }

    /** The query of a SAS for the job's files on Microsoft's storage, signed at {@code now}; null for a destination container. */
    String sasQuery(EmulatedJob job, Instant now) {
        return job.draft.destinationContainer != null ? null
                : signer.query(resource(job.id()), "b", "r", now.minus(START_SKEW), now.plus(sasLifetime));
    }

    /** outputs.result: a SAS URL with {@code sasQuery}, or the path in the user's container. */
    String result(EmulatedJob job, String sasQuery) {
        return output(job, videoName(job.draft, 1), sasQuery);
    }

    String summary(EmulatedJob job, String sasQuery) {
        return output(job, "summary.json", sasQuery);
    }

    private String output(EmulatedJob job, String file, String sasQuery) {
        if (job.draft.destinationContainer != null) {
            return job.draft.destinationFolder(job.id()) + "/" + file;
        }
        return blobBaseUrl + "/" + CONTAINER + "/" + folder + "/" + Http.encodePathSegment(job.id()) + "/" + file + "?" + sasQuery;
    }

    /** What a job's SAS signs: the job's folder on Microsoft's storage. */
    String resource(String jobId) {
        return "b/" + folder + "/" + jobId;
    }

    /** summary.json's videoFileName: inside the container the file is in. */
    String videoFileName(EmulatedJob job, int index) {
        JobDraft d = job.draft;
        return d.destinationContainer != null
                ? d.destinationFolder(job.id()) + "/" + videoName(d, index)
                : folder + "/" + job.internalId() + "/" + videoName(d, index);
    }
}
