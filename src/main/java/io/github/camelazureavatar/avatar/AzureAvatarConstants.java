package io.github.camelazureavatar.avatar;

import org.apache.camel.spi.Metadata;

/** The headers of the azure-avatar component. */
public final class AzureAvatarConstants {

    private static final String HEADER_PREFIX = "CamelAzureAvatar";

    @Metadata(description = "The job id. (consumer) The job this exchange is about. (producer) The job to get, delete or "
                            + "download, or the id to create a job under (2024 generations); overrides the jobId option.",
              javaType = "String")
    public static final String JOB_ID = HEADER_PREFIX + "JobId";
    @Metadata(description = "The job's status: NotStarted, Running, Succeeded or Failed.", javaType = "String")
    public static final String STATUS = HEADER_PREFIX + "Status";
    @Metadata(label = "consumer",
              description = "The status this consumer delivered for the job before this one, if any (from the idempotent "
                            + "repository, so it survives restarts with a persistent one).",
              javaType = "String")
    public static final String PREVIOUS_STATUS = HEADER_PREFIX + "PreviousStatus";
    @Metadata(description = "The job's display name (3.1-preview1 only).", javaType = "String")
    public static final String DISPLAY_NAME = HEADER_PREFIX + "DisplayName";
    @Metadata(description = "When the job was created.", javaType = "java.time.Instant")
    public static final String CREATED_DATE_TIME = HEADER_PREFIX + "CreatedDateTime";
    @Metadata(description = "When the job entered its current status.", javaType = "java.time.Instant")
    public static final String LAST_ACTION_DATE_TIME = HEADER_PREFIX + "LastActionDateTime";
    @Metadata(description = "Where the rendered video is, once the job succeeded, with its SAS signature masked (sig=xxxxxx) "
                            + "so that logging headers is safe. The downloadResult operation, or getResultUrl() of the "
                            + "job in the body, has the usable URL.",
              javaType = "String")
    public static final String RESULT_URL = HEADER_PREFIX + "ResultUrl";
    @Metadata(description = "Where the job's summary.json is, once the job finished, with its SAS signature masked "
                            + "(sig=xxxxxx). The downloadSummary operation, or getSummaryUrl() of the job in the body, "
                            + "has the usable URL.",
              javaType = "String")
    public static final String SUMMARY_URL = HEADER_PREFIX + "SummaryUrl";
    @Metadata(label = "producer", description = "The operation to perform; overrides the operation option.",
              javaType = "io.github.camelazureavatar.avatar.AzureAvatarOperation")
    public static final String OPERATION = HEADER_PREFIX + "Operation";
    @Metadata(label = "producer",
              description = "(list) The link to the next page, when list read one page; absent on the last page. Set on "
                            + "the way in, list reads that page.",
              javaType = "String")
    public static final String NEXT_LINK = HEADER_PREFIX + "NextLink";

    @Metadata(label = "producer",
              description = "(create) The Operation-Id to send with a create (2024 generations), matching the job id "
                            + "pattern; Azure's Operation-Id comes back in the same header.",
              javaType = "String")
    public static final String OPERATION_ID = HEADER_PREFIX + "OperationId";
    @Metadata(label = "producer",
              description = "(create) Azure's Operation-Location: the URL of the create operation's status (2024 "
                            + "generations); absent when Azure sends none.",
              javaType = "String")
    public static final String OPERATION_LOCATION = HEADER_PREFIX + "OperationLocation";
    @Metadata(label = "producer",
              description = "(get, delete) Whether Azure knows the job: false when it does not exist (never created, "
                            + "deleted, or expired), in which case get sets a null body.",
              javaType = "Boolean")
    public static final String JOB_FOUND = HEADER_PREFIX + "JobFound";
    @Metadata(label = "producer",
              description = "(list) Read the page that starts after this many jobs (newest first).",
              javaType = "Integer")
    public static final String SKIP = HEADER_PREFIX + "Skip";
    @Metadata(label = "producer",
              description = "(list) How many jobs a page holds (1 to 100); overrides the pageSize option.",
              javaType = "Integer")
    public static final String PAGE_SIZE = HEADER_PREFIX + "PageSize";
    @Metadata(label = "producer",
              description = "(list) Whether to read every page instead of one; overrides the allPages option.",
              javaType = "Boolean")
    public static final String ALL_PAGES = HEADER_PREFIX + "AllPages";

    private AzureAvatarConstants() {
    }
}
