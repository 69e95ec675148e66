package onedependency;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelazureavatar.avatar.emulator.AvatarEmulator;
import io.github.camelazureavatar.avatar.emulator.SeedState;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * One Succeeded job in the emulator, a consumer route in Camel Main: the route must see exactly that job, once. Camel
 * Main stops after the first exchange (or after 60 s with none); an exception fails exec:java and so the build.
 */
public final class ConsumerRouteMain {

    public static void main(String[] args) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (AvatarEmulator emulator = AvatarEmulator.builder().start()) {
            String jobId = emulator.seedJobs(1, SeedState.SUCCEEDED).get(0);
            String uri = "azure-avatar:jobs?endpoint=" + emulator.baseUrl()
                         + "&subscriptionKey=RAW(" + emulator.subscriptionKey() + ")&delay=500";
            Main main = new Main();
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("jobs").process(exchange -> events.add(
                            exchange.getMessage().getHeader("CamelAzureAvatarJobId") + " "
                            + exchange.getMessage().getHeader("CamelAzureAvatarStatus")));
                }
            });
            main.configure().withDurationMaxMessages(1).withDurationMaxSeconds(60);
            main.run();
            String camel = main.getCamelContext() == null ? "?" : main.getCamelContext().getVersion();
            if (!events.equals(List.of(jobId + " Succeeded"))) {
                throw new AssertionError("expected one event, " + jobId + " Succeeded, on Camel " + camel + ": " + events);
            }
            System.out.println("one-dependency: Camel " + camel + ", consumer route saw " + events.get(0));
        }
    }
}
