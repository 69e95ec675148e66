package io.github.camelazureavatar.avatar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelazureavatar.avatar.api.AvatarApiDialect;
import io.github.camelazureavatar.avatar.api.AvatarApiVersion;
import io.github.camelazureavatar.avatar.api.JobPage;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient;
import io.github.camelazureavatar.avatar.client.AzureAvatarClient.CreatedJob;
import io.github.camelazureavatar.avatar.client.AzureAvatarException;
import io.github.camelazureavatar.avatar.client.BlobDownload;
import io.github.camelazureavatar.avatar.client.JobListing;
import io.github.camelazureavatar.avatar.model.AvatarJobIds;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest;
import io.github.camelazureavatar.avatar.model.JobStatus;
import io.github.camelazureavatar.avatar.model.SecretMasking;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.apache.camel.StatefulService;
import org.apache.camel.spi.ShutdownPrepared;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, gets, lists and deletes avatar synthesis jobs and downloads their results, one small method per
 * operation. Settings come from the endpoint's options, overridden per exchange by headers named like them. Every
 * request is checked before it is sent: a bad request fails with a message naming the problem and nothing reaches
 * Azure.
 */
public class AzureAvatarProducer extends DefaultAsyncProducer implements ShutdownPrepared {

    private static final Logger LOG = LoggerFactory.getLogger(AzureAvatarProducer.class);

    /** Azure's largest create body. */
    static final int MAX_CREATE_BODY_BYTES = 500 * 1024;

    public AzureAvatarProducer(AzureAvatarEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AzureAvatarEndpoint getEndpoint() {
        return (AzureAvatarEndpoint) super.getEndpoint();
    }

    private AzureAvatarClient client() {
        return getEndpoint().getClient();
    }

    /** Every operation but createAndWait completes before this returns; createAndWait parks the exchange with its job. */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            switch (operation(exchange)) {
                case create -> create(exchange);
                case createAndWait -> {
                    createAndWait(exchange, callback);
                    return false;
                }
                case get -> get(exchange);
                case list -> list(exchange);
                case delete -> delete(exchange);
                case downloadResult -> downloadResult(exchange);
                case downloadSummary -> downloadSummary(exchange);
            }
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private void createAndWait(Exchange exchange, AsyncCallback callback) throws InvalidPayloadException {
        AvatarSynthesisJob job = create(exchange);
        getEndpoint().getResource().waits().add(new JobWaits.Wait(job, exchange, callback, this, client(),
                getEndpoint().getConfiguration()));
        Route route = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        if (route != null) {
            synchronized (route) { // Camel prepares a route's services for its stop, not a producer inside it
                route.addService(this);
            }
            if (route.getConsumer() instanceof StatefulService consumer && (consumer.isStopping()
                    || consumer.isStopped() || consumer.isSuspending() || consumer.isSuspended())) {
                prepareShutdown(true, false); // the route began to stop before the wait was parked
            }
        }
    }

    /** Ends the waits of this producer's exchanges as its route begins to stop or suspend (the jobs go on in Azure). */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        if (getEndpoint().getResource() != null) {
            getEndpoint().getResource().waits().stop(this);
        }
    }

    @Override
    protected void doStop() throws Exception {
        prepareShutdown(false, true);
        super.doStop();
    }

    private AvatarSynthesisJob create(Exchange exchange) throws InvalidPayloadException {
        AvatarApiDialect dialect = client().dialect();
        byte[] definition = createDefinition(exchange, dialect.version());
        String jobId = null;
        String operationId = null;
        if (dialect.clientChoosesId()) {
            jobId = option(exchange, AzureAvatarConstants.JOB_ID, String.class,
                    AzureAvatarConfiguration::getJobId);
            jobId = jobId == null ? AvatarJobIds.generate() : AvatarJobIds.requireValid(jobId, "job id");
            operationId = exchange.getMessage().getHeader(AzureAvatarConstants.OPERATION_ID, String.class);
            if (operationId != null) {
                AvatarJobIds.requireValid(operationId, "Operation-Id");
            }
        }
        CreatedJob created = client().createJob(jobId, operationId, definition);
        // a job was created through this CamelContext: something is in progress now
        getEndpoint().getResource().lastCreate().set(System.nanoTime());
        AvatarSynthesisJob job = created.job();
        LOG.debug("Created avatar job {} ({})", job.getId(), job.getStatus());
        Message message = exchange.getMessage();
        message.setBody(job);
        AvatarJobHeaders.set(message, job);
        AvatarJobHeaders.setOrRemove(message, AzureAvatarConstants.OPERATION_ID, created.operationId());
        AvatarJobHeaders.setOrRemove(message, AzureAvatarConstants.OPERATION_LOCATION, created.operationLocation());
        return job;
    }

    /**
     * The JSON to send, checked for what would cost a request for certain: from a request (rendered for this
     * generation), a Map, a JsonNode or JSON text (sent exactly as given); any other text (a String, a file, a stream)
     * is the input itself, plain text or SSML, with the settings of the endpoint's options.
     */
    private byte[] createDefinition(Exchange exchange, AvatarApiVersion version) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body == null) {
            throw new IllegalArgumentException("The create operation needs a body: the text or SSML to speak, an "
                                               + "AvatarSynthesisRequest, a Map or JSON text with the job definition");
        } else if (body instanceof AvatarSynthesisRequest request) {
            return checked(request.toJson(version), version);
        } else if (body instanceof Map<?, ?> || body instanceof JsonNode) {
            return checked(AvatarApiDialect.MAPPER.valueToTree(body), version);
        }
        byte[] definition = readCreateBody(message);
        String text = new String(definition, StandardCharsets.UTF_8);
        if (text.stripLeading().startsWith("{")) {
            try {
                AvatarSynthesisRequest.validate(AvatarApiDialect.MAPPER.readTree(definition), version);
            } catch (IOException e) {
                throw new IllegalArgumentException("The create body is not JSON: " + e.getMessage(), e);
            }
            return definition;
        }
        try {
            return checked(getEndpoint().getConfiguration().requestFor(text).toJson(version), version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ". A text body takes the job's settings from the "
                                               + "endpoint's options (voice, avatarCharacter, avatarStyle...)", e);
        }
    }

    private static byte[] checked(JsonNode definition, AvatarApiVersion version) {
        AvatarSynthesisRequest.validate(definition, version);
        return limited(definition.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] limited(byte[] definition) {
        if (definition.length > MAX_CREATE_BODY_BYTES) {
            throw new IllegalArgumentException("The job definition is larger than Azure's limit: Azure takes at most "
                                               + MAX_CREATE_BODY_BYTES + " (500 KB); nothing was sent");
        }
        return definition;
    }

    /** The body as bytes, read no further than Azure's limit: a file or stream of any size fails fast, in bounded memory. */
    private static byte[] readCreateBody(Message message) throws InvalidPayloadException {
        try (InputStream in = message.getMandatoryBody(InputStream.class)) {
            return limited(in.readNBytes(MAX_CREATE_BODY_BYTES + 1));
        } catch (IOException e) {
            throw new IllegalArgumentException("The create body cannot be read: " + e.getMessage(), e);
        }
    }

    /** A job Azure does not know gives a null body and JobFound=false: absence is an answer, not a failure. */
    private void get(Exchange exchange) {
        String jobId = requiredJobId(exchange, AzureAvatarOperation.get);
        Optional<AvatarSynthesisJob> job = client().getJob(jobId);
        Message message = exchange.getMessage();
        message.setBody(job.orElse(null));
        AvatarJobHeaders.remove(message);
        job.ifPresent(found -> AvatarJobHeaders.set(message, found));
        message.setHeader(AzureAvatarConstants.JOB_ID, jobId);
        message.setHeader(AzureAvatarConstants.JOB_FOUND, job.isPresent());
    }

    /**
     * One page (the first, at CamelAzureAvatarSkip, or at the CamelAzureAvatarNextLink header) with the next page's link
     * in that header; every page with allPages, where a job listed twice (the list shifts while paged) counts once.
     */
    private void list(Exchange exchange) {
        Message message = exchange.getMessage();
        Set<JobStatus> filter = getEndpoint().getConfiguration().statusFilter();
        int pageSize = AzureAvatarConfiguration.requireValidPageSize(option(exchange,
                AzureAvatarConstants.PAGE_SIZE, Integer.class, AzureAvatarConfiguration::getPageSize), "The page size");
        boolean allPages = option(exchange, AzureAvatarConstants.ALL_PAGES, Boolean.class,
                AzureAvatarConfiguration::isAllPages);
        JobListing listing = new JobListing(client(), firstPage(message, pageSize), AzureAvatarClient.ALWAYS);
        Map<String, AvatarSynthesisJob> jobs = new LinkedHashMap<>();
        for (JobPage page; (page = listing.nextPage()) != null;) {
            // the later sighting is the fresher one; the first keeps its place
            page.jobs().forEach(job -> jobs.put(job.getId(), job));
            if (!allPages) {
                AvatarJobHeaders.setOrRemove(message, AzureAvatarConstants.NEXT_LINK,
                        page.nextLink() == null ? null : page.nextLink().toString());
                break;
            }
        }
        jobs.values().removeIf(job -> !filter.isEmpty() && !filter.contains(job.getStatus()));
        message.setBody(new ArrayList<>(jobs.values()));
    }

    /** Where the listing starts: the next link given in the header, else the page at skip. */
    private URI firstPage(Message message, int pageSize) {
        String nextLink = message.getHeader(AzureAvatarConstants.NEXT_LINK, String.class);
        if (nextLink != null && !nextLink.isBlank()) {
            try {
                // the listing refuses a link to any other origin: the credentials stay with the endpoint
                return URI.create(nextLink.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The " + AzureAvatarConstants.NEXT_LINK + " header is not a URL", e);
            }
        }
        int skip = message.getHeader(AzureAvatarConstants.SKIP, 0, Integer.class);
        AzureAvatarConfiguration.atLeast("skip", skip, 0);
        return client().dialect().listUri(skip, pageSize);
    }

    /**
     * Deleting a job that is gone succeeds with JobFound=false (delete is idempotent; 3.1-preview1 does not say whether
     * the job existed, so the header is absent there). Azure refuses unfinished jobs with a 400 that names the status.
     */
    private void delete(Exchange exchange) {
        String jobId = requiredJobId(exchange, AzureAvatarOperation.delete);
        boolean found = true;
        try {
            client().deleteJob(jobId);
            LOG.debug("Deleted avatar job {}", jobId);
        } catch (AzureAvatarException e) {
            if (e.getHttpResponseCode() != 404) {
                throw e;
            }
            found = false;
        }
        Message message = exchange.getMessage();
        message.setHeader(AzureAvatarConstants.JOB_ID, jobId);
        // 3.1-preview1 answers 204 whether or not the job existed: whether it was found is unknown
        AvatarJobHeaders.setOrRemove(message, AzureAvatarConstants.JOB_FOUND,
                client().dialect().version() == AvatarApiVersion.V3_1_PREVIEW1 ? null : found);
    }

    /**
     * Exchange property overriding the destinationContainerUrl option: the SAS URL of the destination container a job
     * wrote to (a property, not a header: headers get logged and copied, and this is a secret).
     */
    public static final String DESTINATION_CONTAINER_URL = "CamelAzureAvatarDestinationContainerUrl";

    /**
     * The video as a stream: the body is an InputStream reading from blob storage as it is consumed, never held whole
     * in memory. File name {@code <jobId>.mp4} (or .webm), so that .to("file:videos") keeps one file per job.
     */
    private void downloadResult(Exchange exchange) {
        Fetched<BlobDownload> fetched = fetch(exchange, AzureAvatarOperation.downloadResult,
                status -> status == JobStatus.Succeeded, "has not succeeded, so it has no video",
                AvatarSynthesisJob::getResultUrl, "video", client()::download);
        BlobDownload download = fetched.file();
        // whatever the route does with the body (reads it, drops it, fails first), the connection goes back to the pool
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                IOHelper.close(download);
            }
        });
        getEndpoint().getComponent().keepDownloadsOutOfStreamCache();
        Message message = exchange.getMessage();
        message.setBody(download);
        AvatarJobHeaders.set(message, fetched.job());
        int dot = download.getFileName() == null ? -1 : download.getFileName().lastIndexOf('.');
        String extension = dot < 0 ? ".mp4" : download.getFileName().substring(dot);
        message.setHeader(Exchange.FILE_NAME, fetched.job().getId() + extension);
        message.setHeader(Exchange.CONTENT_TYPE, download.getContentType());
        AvatarJobHeaders.setOrRemove(message, Exchange.CONTENT_LENGTH, download.getContentLength() < 0 ? null : download.getContentLength());
    }

    /** summary.json as a JsonNode (camel-jackson converts it to a Map, a String or a file). */
    private void downloadSummary(Exchange exchange) {
        Fetched<JsonNode> fetched = fetch(exchange, AzureAvatarOperation.downloadSummary, JobStatus::isFinished,
                "has not finished, so it has no summary", AvatarSynthesisJob::getSummaryUrl, "summary",
                client()::downloadJson);
        Message message = exchange.getMessage();
        message.setBody(fetched.file());
        AvatarJobHeaders.set(message, fetched.job());
        message.setHeader(Exchange.FILE_NAME, fetched.job().getId() + "-summary.json");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.removeHeader(Exchange.CONTENT_LENGTH);
    }

    /** A job's file, and the job as last read (from Azure again when its link had expired). */
    private record Fetched<T>(AvatarSynthesisJob job, T file) {
    }

    /**
     * Fetches one of the job's files: of the job in the body when it is ready, else of the job by id from Azure (a job
     * in the body that is not ready yet is read again: it may have finished since). When the job came in the body and
     * its SAS link expired, the job is read again: Azure signs a fresh link with every GET (a destination container's
     * SAS is the user's, and is not refreshed).
     */
    private <T> Fetched<T> fetch(Exchange exchange, AzureAvatarOperation operation, Predicate<JobStatus> ready,
                                 String notReady, Function<AvatarSynthesisJob, String> url, String what,
                                 Function<String, T> fetch) {
        AvatarSynthesisJob job = exchange.getMessage().getBody() instanceof AvatarSynthesisJob body ? body : null;
        // its id names the file and the URL of a refresh: a job made by hand must be as valid as one Azure listed
        String jobId = job != null
                ? AvatarJobIds.requireValid(job.getId(), "job id") : requiredJobId(exchange, operation);
        boolean fromBody = job != null && ready.test(job.getStatus());
        if (!fromBody) {
            job = requireJob(jobId, operation);
            if (!ready.test(job.getStatus())) {
                String reason = job.getError() == null ? "" : " (" + job.getError() + ")";
                throw new AzureAvatarJobStateException("Cannot " + operation + " avatar job " + jobId + ": it is "
                                                       + job.getStatus() + reason + " and " + notReady,
                        jobId, job.getStatus(), 0, null, null);
            }
        }
        try {
            return new Fetched<>(job, fromBlob(exchange, job, url.apply(job), what, fetch));
        } catch (AzureAvatarException e) {
            boolean expired = e.getHttpResponseCode() == 403 || e.getHttpResponseCode() == 404;
            if (!fromBody || !expired || inContainer(url.apply(job))) {
                throw e;
            }
            AvatarSynthesisJob fresh = requireJob(job.getId(), operation);
            return new Fetched<>(fresh, fromBlob(exchange, fresh, url.apply(fresh), what, fetch));
        }
    }

    private AvatarSynthesisJob requireJob(String jobId, AzureAvatarOperation operation) {
        return client().getJob(jobId).orElseThrow(() -> new AzureAvatarException(
                "Cannot " + operation + " avatar job " + jobId + ": Azure does not know it (never created, deleted, or "
                                                                                  + "expired after its time to live)",
                404, "NotFound"));
    }

    /**
     * Fetches a job's file: at its SAS URL, or, when Azure wrote it to the user's destination container, at its path in
     * that container, with the container's SAS (never the key).
     */
    private <T> T fromBlob(Exchange exchange, AvatarSynthesisJob job, String url, String what, Function<String, T> fetch) {
        if (url == null || url.isBlank()) {
            throw new AzureAvatarJobStateException("Avatar job " + job.getId() + " is " + job.getStatus()
                                                   + " but Azure gave no " + what + " URL",
                    job.getId(), job.getStatus(), 0, null, null);
        }
        if (url.startsWith("//") || inContainer(url) && url.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw new AzureAvatarJobStateException("Avatar job " + job.getId() + " gave a " + what + " link that is "
                                                   + "neither an http(s) URL nor a path: " + SecretMasking.maskUrl(url),
                    job.getId(), job.getStatus(), 0, null, null);
        }
        if (!inContainer(url)) {
            return fetch.apply(url);
        }
        String container = exchange.getProperty(DESTINATION_CONTAINER_URL,
                getEndpoint().getConfiguration().getDestinationContainerUrl(), String.class);
        if (container == null || container.isBlank()) {
            throw new AzureAvatarJobStateException("The " + what + " of avatar job " + job.getId() + " was written to your "
                                                   + "destination container at '" + url + "': set the destinationContainerUrl "
                                                   + "option (or the exchange property " + DESTINATION_CONTAINER_URL
                                                   + ") to its SAS URL to download it",
                    job.getId(), job.getStatus(), 0, null, null);
        }
        try {
            URI base = URI.create(container.trim());
            String path = base.getPath().replaceAll("/+$", "") + "/" + url.replaceAll("^/+", "");
            return fetch.apply(new URI(base.getScheme(), base.getAuthority(), path, null, null).toASCIIString()
                               + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // neither the message nor the cause: both would show the SAS signature
            throw new IllegalArgumentException("The exchange property " + DESTINATION_CONTAINER_URL + " is not a URL");
        } catch (AzureAvatarException e) {
            throw e.getHttpResponseCode() != 403 ? e : new AzureAvatarException("The SAS of your destination container cannot "
                    + "read the " + what + " of avatar job " + job.getId() + ": it needs read permission (sp with r) and an "
                    + "expiry (se) still ahead. " + e.getMessage(), 403, e.getAzureErrorCode(), e);
        }
    }

    /** With destinationContainerUrl, Azure names a path in the user's own container instead of a SAS URL. */
    private static boolean inContainer(String url) {
        return url != null && !url.regionMatches(true, 0, "https://", 0, 8) && !url.regionMatches(true, 0, "http://", 0, 7);
    }

    /** The header's value, converted to the option's type (a header overrides its option), else the option's. */
    private <T> T option(Exchange exchange, String header, Class<T> type, Function<AzureAvatarConfiguration, T> get) {
        T value = exchange.getMessage().getHeader(header, type);
        return value != null && !(value instanceof String text && text.isBlank())
                ? value : get.apply(getEndpoint().getConfiguration());
    }

    /** The operation, from header or option, with a message listing the operations when it is missing or unknown. */
    private AzureAvatarOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(AzureAvatarConstants.OPERATION);
        AzureAvatarOperation configured = getEndpoint().getConfiguration().getOperation();
        String known = Arrays.stream(AzureAvatarOperation.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (header == null || header instanceof String text && text.isBlank()) {
            if (configured == null) {
                throw new IllegalArgumentException("No azure-avatar operation: set the operation option or the "
                                                   + AzureAvatarConstants.OPERATION + " header to one of " + known);
            }
            return configured;
        } else if (header instanceof AzureAvatarOperation operation) {
            return operation;
        }
        String name = header.toString().trim();
        for (AzureAvatarOperation operation : AzureAvatarOperation.values()) {
            if (operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown azure-avatar operation '" + name + "' in header "
                                           + AzureAvatarConstants.OPERATION + "; known: " + known);
    }

    private String requiredJobId(Exchange exchange, AzureAvatarOperation operation) {
        String jobId = option(exchange, AzureAvatarConstants.JOB_ID, String.class,
                AzureAvatarConfiguration::getJobId);
        if (jobId == null) {
            throw new IllegalArgumentException("The " + operation + " operation needs a job id: set the "
                                               + AzureAvatarConstants.JOB_ID + " header or the jobId option");
        }
        return AvatarJobIds.requireValid(jobId, "job id");
    }
}
