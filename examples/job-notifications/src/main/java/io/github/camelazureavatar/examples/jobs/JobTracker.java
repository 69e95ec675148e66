package io.github.camelazureavatar.examples.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * What the routes did, for the summary and for knowing when to stop: the routes call it (bean {@code demo}) after each
 * step, and the demo ends once every job it created has been handled and every event has come back from the queue.
 */
public class JobTracker {

    /** A video written with its job JSON. */
    public record Video(String jobId, String inputFile, Path video, Path json) {
    }

    /** A mail sent about a failed job. */
    public record Mail(String jobId, String to, String subject, String error) {
    }

    /** An event that came back from the JMS queue. */
    public record QueueMessage(String jobId, String status) {
    }

    private final int expectedInputs;
    private final String mailTo;
    private final Map<String, String> created = new ConcurrentHashMap<>();
    private final Map<String, String> createFailures = new ConcurrentHashMap<>();
    private final Map<String, String> finished = new ConcurrentHashMap<>();
    private final List<Video> videos = new CopyOnWriteArrayList<>();
    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final AtomicInteger published = new AtomicInteger();
    private final List<QueueMessage> queueMessages = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);

    public JobTracker(int expectedInputs, String mailTo) {
        this.expectedInputs = expectedInputs;
        this.mailTo = mailTo;
        check();
    }

    // ---- called by the routes -----------------------------------------------------------------------------------

    /** create-jobs: a job was created from an input file. */
    public void created(@Header("CamelAzureAvatarJobId") String jobId, @Header(Exchange.FILE_NAME) String fileName) {
        created.put(jobId, fileName);
        check();
    }

    /** create-jobs: an input file could not become a job. */
    public void createFailed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        createFailures.put(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                e == null ? "unknown error" : e.getMessage());
        check();
    }

    /** job-events: the video and the job JSON of a succeeded job are on disk. */
    public void videoWritten(@Header("CamelAzureAvatarJobId") String jobId, @Header(Exchange.FILE_NAME_PRODUCED) String json) {
        Path jsonFile = Paths.get(json);
        videos.add(new Video(jobId, created.get(jobId), jsonFile.resolveSibling(jobId + ".mp4"), jsonFile));
    }

    /** job-events: the mail about a failed job went out. */
    public void mailSent(@Header("CamelAzureAvatarJobId") String jobId, @Header("Subject") String subject,
                         @Header("avatarError") String error) {
        mails.add(new Mail(jobId, mailTo, subject, error));
    }

    /** job-events: the event is on the queue; the job is handled. */
    public void published(@Header("avatarJobId") String jobId, @Header("avatarStatus") String status) {
        published.incrementAndGet();
        finished.put(jobId, status);
        check();
    }

    /** job-event-log: an event came back from the queue. */
    public void queueMessage(@Header("avatarJobId") String jobId, @Header("avatarStatus") String status) {
        queueMessages.add(new QueueMessage(jobId, status));
        check();
    }

    // ---- read by the application --------------------------------------------------------------------------------

    private synchronized void check() {
        if (isComplete()) {
            done.countDown();
        }
    }

    /** Every input became a job or failed to, every job finished and was handled, every event came off the queue. */
    public boolean isComplete() {
        return created.size() + createFailures.size() >= expectedInputs
               && finished.keySet().containsAll(created.keySet())
               && queueMessages.size() >= published.get();
    }

    public boolean awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    /** What is still awaited, for the timeout message. */
    public String pending() {
        List<String> pending = new ArrayList<>();
        int inputs = expectedInputs - created.size() - createFailures.size();
        if (inputs > 0) {
            pending.add(inputs + " input file(s) not yet sent");
        }
        Set<String> unfinished = ConcurrentHashMap.newKeySet();
        unfinished.addAll(created.keySet());
        unfinished.removeAll(finished.keySet());
        if (!unfinished.isEmpty()) {
            pending.add("jobs not finished: " + unfinished);
        }
        int queue = published.get() - queueMessages.size();
        if (queue > 0) {
            pending.add(queue + " queue message(s) not yet received");
        }
        return String.join("; ", pending);
    }

    public int expectedInputs() {
        return expectedInputs;
    }

    /** Job id to input file name, for the jobs this run created. */
    public Map<String, String> created() {
        return Map.copyOf(created);
    }

    public Map<String, String> createFailures() {
        return Map.copyOf(createFailures);
    }

    /** Job id to final status, for every job whose event was handled (also jobs this run did not create). */
    public Map<String, String> finished() {
        return Map.copyOf(finished);
    }

    public long count(String status) {
        return created.keySet().stream().filter(id -> status.equals(finished.get(id))).count();
    }

    public List<Video> videos() {
        return List.copyOf(videos);
    }

    public List<Mail> mails() {
        return List.copyOf(mails);
    }

    public int published() {
        return published.get();
    }

    public List<QueueMessage> queueMessages() {
        return List.copyOf(queueMessages);
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
