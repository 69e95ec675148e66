package io.github.camelazureavatar.examples.jobs;

import java.io.File;

import io.github.camelazureavatar.avatar.model.AvatarSynthesisRequest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/** The routes of the README's "Routes for common uses", verbatim: compiled with the tests so they stay true. */
class ReadmeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("azure-avatar:jobs?status=Succeeded,Failed")
            .log("Job ${header.CamelAzureAvatarJobId} is ${header.CamelAzureAvatarStatus}")
            .convertBodyTo(String.class)                 // the job's JSON, every field Azure sent
            .to("jms:queue:avatar-job-events");

        from("azure-avatar:jobs?status=Succeeded")
            .to("azure-avatar:jobs?operation=downloadResult")
            .to("file:videos");

        from("file:scripts?include=.*\\.txt")
            .process(e -> e.getMessage().setBody(AvatarSynthesisRequest.builder()
                    .text(e.getMessage().getBody(String.class))
                    .voice("en-US-AvaMultilingualNeural")
                    .avatar("lisa", "casual-sitting")
                    .build()))
            .to("azure-avatar:jobs?operation=create")
            .log("Created job ${header.CamelAzureAvatarJobId} from ${header.CamelFileName}");

        getContext().getRegistry().bind("delivered",
                FileIdempotentRepository.fileIdempotentRepository(new File("data/avatar-delivered.dat"), 100_000));

        from("azure-avatar:jobs?status=Succeeded,Failed&idempotentRepository=#delivered")
            .to("jms:queue:avatar-job-events");
    }
}
