package io.github.camelazureavatar.avatar;

import java.util.ArrayList;
import java.util.List;

import io.github.camelazureavatar.avatar.client.ResourceGuard;
import io.github.camelazureavatar.avatar.client.ResourceGuard.Kind;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

/**
 * The request counters of a resource as Micrometer meters, in the MeterRegistry of the Camel registry (the one Spring
 * Boot, Quarkus or camel-micrometer binds): {@code azure.avatar.requests} by kind, {@code azure.avatar.throttled},
 * {@code azure.avatar.retries} and the gauge {@code azure.avatar.waiting}, tagged with the resource. Loaded only when
 * Micrometer is on the classpath.
 */
final class ResourceMeters {

    private static final boolean MICROMETER_PRESENT =
            AzureAvatarComponent.isPresent("io.micrometer.core.instrument.MeterRegistry");

    private ResourceMeters() {
    }

    /** Registers the resource's meters; what to remove when the component stops, empty without Micrometer. */
    static Runnable register(CamelContext context, SpeechResource resource) {
        return MICROMETER_PRESENT ? Binding.register(context, resource) : () -> {
        };
    }

    /** The only code that touches Micrometer's types, loaded once it is known to be there. */
    private static final class Binding {
        static Runnable register(CamelContext context, SpeechResource resource) {
            MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
            if (registry == null) {
                return () -> {
                };
            }
            ResourceGuard guard = resource.guard();
            List<Meter> meters = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                meters.add(FunctionCounter.builder("azure.avatar.requests", guard, g -> g.requests(kind))
                        .description("Requests sent to the Azure Speech resource").tag("resource", resource.name())
                        .tag("kind", kind.name()).register(registry));
            }
            meters.add(FunctionCounter.builder("azure.avatar.throttled", guard, ResourceGuard::throttled)
                    .description("Answers 429 from the Azure Speech resource").tag("resource", resource.name())
                    .register(registry));
            meters.add(FunctionCounter.builder("azure.avatar.retries", guard, ResourceGuard::retries)
                    .description("Requests sent again").tag("resource", resource.name()).register(registry));
            meters.add(Gauge.builder("azure.avatar.waiting", resource.waits(), JobWaits::waiting)
                    .description("createAndWait exchanges waiting").tag("resource", resource.name()).register(registry));
            return () -> meters.forEach(registry::remove);
        }
    }
}
