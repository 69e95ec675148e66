package io.github.camelazureavatar.avatar.emulator;

/**
 * Where a job's files live on the blob host:
 * {@code /batchsynthesis-output/<32-hex folder>/<jobId>/0001.mp4?sv=..&st=..&se=..&sr=b&sp=r&sig=..}.
 * The folder stands for the Speech resource, as in Azure's B-generation URLs.
 */
final class BlobLayout {

    static final String CONTAINER = "batchsynthesis-output";

    private final String blobBaseUrl;
    private final String folder;

    BlobLayout(String blobBaseUrl, String folder) {
        this.blobBaseUrl = blobBaseUrl;
        this.folder = folder;
    }

    String folder() {
        return folder;
    }

    String baseUrl() {
        return blobBaseUrl;
    }

    String resultFileName(EmulatedJob job) {
        return "0001." + job.draft.resultExtension();
    }

    String resultUrl(EmulatedJob job) {
        return url(job, resultFileName(job));
    }

    String summaryUrl(EmulatedJob job) {
        return url(job, "summary.json");
    }

    /** Path inside the container as summary.json's videoFileName shows it. */
    String videoFileName(EmulatedJob job, int index) {
        return folder + "/" + job.internalId() + "/" + String.format("%04d", index) + "." + job.draft.resultExtension();
    }

    private String url(EmulatedJob job, String file) {
        return blobBaseUrl + "/" + CONTAINER + "/" + folder + "/" + Http.encodePathSegment(job.id()) + "/" + file
                + "?sv=2023-11-03&st=" + AzureDates.SAS.format(job.finishedAt.minusSeconds(300))
                + "&se=" + AzureDates.SAS.format(job.finishedAt.plusSeconds(86400))
                + "&sr=b&sp=r&sig=" + job.sig();
    }
}
