package io.github.camelazureavatar.examples.jobs;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The figures of one run, printed as the summary. */
public record DemoResult(String azure, String routes, boolean complete, Duration elapsed, String pending,
                         int inputs, Map<String, String> created, Map<String, String> createFailures,
                         long succeeded, long failed, List<JobTracker.Video> videos, List<JobTracker.Mail> mails,
                         int smtpReceived, String queue, int published, List<JobTracker.QueueMessage> queueMessages,
                         String requestsConsole) {

    /** 0 when every input became a job and every job finished in time, 1 otherwise. */
    public int exitCode() {
        return complete && createFailures.isEmpty() ? 0 : 1;
    }

    public void print(PrintStream out) {
        out.println();
        out.println("== Avatar job notifications: summary");
        out.printf("Azure:            %s, %s routes%n", azure, routes);
        out.printf("Input files:      %d%n", inputs);
        out.printf("Jobs created:     %d%n", created.size());
        createFailures.forEach((file, error) -> out.printf("  not created:    %s (%s)%n", file, error));
        out.printf("  succeeded:      %d%n", succeeded);
        out.printf("  failed:         %d%n", failed);
        out.printf("Videos written:   %d%n", videos.size());
        for (JobTracker.Video v : videos) {
            out.printf("  %s (%d bytes, from %s)%n", v.video(), JobTracker.size(v.video()), v.inputFile());
            out.printf("  %s%n", v.json());
        }
        out.printf("Mails sent:       %d%s%n", mails.size(),
                smtpReceived < 0 ? "" : " (the embedded SMTP server received " + smtpReceived + ")");
        for (JobTracker.Mail m : mails) {
            out.printf("  to %s: \"%s\" (%s)%n", m.to(), m.subject(), m.error());
        }
        out.printf("Queue messages:   %d sent to %s, %d received%n", published, queue, queueMessages.size());
        out.printf("Took:             %.1f s%n", elapsed.toMillis() / 1000.0);
        out.println("What the Azure resource was sent (the azure-avatar dev console, just before the stop):");
        requestsConsole.lines().forEach(line -> out.println("  " + line));
        if (!complete) {
            out.printf("TIMED OUT, still waiting for: %s%n", pending);
        }
        out.flush();
    }
}
