package io.github.camelazureavatar.avatar.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A user's application: the starter and application.properties configure the component, the routes name no setting. */
@SpringBootApplication
public class StarterApplication {

    @Bean
    RouteBuilder avatarRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:speak").to("azure-avatar:jobs?operation=create");
                from("azure-avatar:jobs?status=Succeeded&delay=500").routeId("job-events")
                        .setBody(simple("${header.CamelAzureAvatarJobId}:${header.CamelAzureAvatarStatus}"))
                        .to("seda:done");
            }
        };
    }
}
