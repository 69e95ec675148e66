package io.github.camelazureavatar.examples.jobs;

import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of src/main/resources/routes/job-notifications.camel.yaml, step for step, in the Java DSL
 * (run with -Ddemo.routes=java).
 */
public class JobNotificationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // 1. one avatar job per text or SSML file
        from("file:{{demo.input-dir}}?noop=true&include={{demo.include}}&sortBy=file:name")
                .routeId("create-jobs")
                .doTry()
                    .bean("jobRequests", "fromFile")
                    .to("azure-avatar:jobs?operation=create")
                    .bean("demo", "created")
                    .log("Created avatar job ${header.CamelAzureAvatarJobId} from ${header.CamelFileName}")
                .doCatch(Exception.class)
                    .bean("demo", "createFailed")
                    .log("Could not create a job from ${header.CamelFileName}: ${exception.message}")
                .end();

        // 2. every job that finishes: download the video or mail the error, then tell the queue
        from("azure-avatar:jobs?status=Succeeded,Failed&delay={{avatar.poll-delay}}&skipExisting={{avatar.skip-existing}}")
                .routeId("job-events")
                .setProperty("job", body())
                .choice()
                    .when(header("CamelAzureAvatarStatus").isEqualTo("Succeeded"))
                        .to("azure-avatar:jobs?operation=downloadResult")
                        .to("file:{{demo.output-dir}}/videos")
                        .setBody(exchangeProperty("job"))
                        .convertBodyTo(String.class)
                        .setHeader("CamelFileName", simple("${header.CamelAzureAvatarJobId}.json"))
                        .to("file:{{demo.output-dir}}/videos")
                        .bean("demo", "videoWritten")
                        .log("Job ${header.CamelAzureAvatarJobId} succeeded: video written to {{demo.output-dir}}/videos")
                    .otherwise()
                        .setHeader("avatarError", simple("${exchangeProperty.job.error}"))
                        .setHeader("Subject", simple("Avatar job ${header.CamelAzureAvatarJobId} failed"))
                        .setBody(simple("Azure AI Speech could not render avatar job ${header.CamelAzureAvatarJobId}"
                                        + " (${exchangeProperty.job.description}).\n\nAzure's error: ${header.avatarError}\n"))
                        // Camel's mail component takes recipients and sender from the URI only, and the Subject header
                        // only when told to: a message header cannot redirect mail
                        .to("smtp://{{smtp.host}}:{{smtp.port}}?useHeaderSubject=true&to={{mail.to}}&from={{mail.from}}"
                            + "&username={{?smtp.username}}&password={{?smtp.password}}")
                        .bean("demo", "mailSent")
                        .log("Job ${header.CamelAzureAvatarJobId} failed (${header.avatarError}): mail sent to {{mail.to}}")
                .end()
                // JMS drops headers starting with Camel: pass the id and status under names it keeps
                .setHeader("avatarJobId", header("CamelAzureAvatarJobId"))
                .setHeader("avatarStatus", header("CamelAzureAvatarStatus"))
                .setBody(exchangeProperty("job"))
                .convertBodyTo(String.class)
                .to("jms:queue:{{jms.queue}}")
                .bean("demo", "published");

        // 3. the queue's side
        from("jms:queue:{{jms.queue}}")
                .routeId("job-event-log")
                .log("Queue {{jms.queue}}: job ${header.avatarJobId} is ${header.avatarStatus}")
                .bean("demo", "queueMessage");
    }
}
