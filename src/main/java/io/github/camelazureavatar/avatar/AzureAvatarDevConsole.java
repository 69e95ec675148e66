package io.github.camelazureavatar.avatar;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelazureavatar.avatar.client.ResourceGuard;
import io.github.camelazureavatar.avatar.client.ResourceGuard.Kind;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The azure-avatar dev console: per Azure resource, what it was sent (requests by kind, answers 429, retries: the
 * counts Micrometer's meters carry too), its rate budget and any block Azure asked for, the createAndWait exchanges
 * waiting on it, and each consumer's unsettled jobs and polls.
 */
@DevConsole(name = "azure-avatar", displayName = "Azure Avatar", description = "Azure AI Speech avatar batch synthesis")
public class AzureAvatarDevConsole extends AbstractDevConsole {

    public AzureAvatarDevConsole() {
        super("camel", "azure-avatar", "Azure Avatar", "Azure AI Speech avatar batch synthesis");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (JsonObject resource : resources()) {
            Map<?, ?> requests = (Map<?, ?>) resource.get("requests");
            text.append("Azure resource: ").append(resource.get("resource"))
                    .append("\n    Requests: ").append(requests.values().stream().mapToLong(n -> (Long) n).sum())
                    .append(requests.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ", " (", ")")))
                    .append("; answers 429: ").append(resource.get("throttled"))
                    .append("; retries: ").append(resource.get("retries"))
                    .append("\n    Rate budget: ").append(resource.get("requestsPerMinute"))
                    .append(" requests a minute (0: no client-side limit); blocked until: ")
                    .append(resource.getOrDefault("blockedUntil", "-"))
                    .append("\n    Exchanges waiting (createAndWait): ").append(resource.get("waitingExchanges"))
                    .append(", last walk of their own: ").append(resource.getOrDefault("waitsLastWalk", "-"))
                    .append(", next: ").append(resource.getOrDefault("waitsNextWalk", "-")).append('\n');
            for (Object each : (List<?>) resource.get("consumers")) {
                JsonObject consumer = (JsonObject) each;
                text.append("    Consumer of route ").append(consumer.get("routeId")).append(": ")
                        .append(consumer.get("unsettledJobs")).append(" jobs unsettled, ")
                        .append(Boolean.TRUE.equals(consumer.get("idle")) ? "idle" : "active")
                        .append(", last poll ").append(consumer.getOrDefault("lastPoll", "-"))
                        .append(", next poll ").append(consumer.getOrDefault("nextPoll", "-")).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        return new JsonObject(Map.of("resources", new JsonArray(resources())));
    }

    /** Each resource as JSON: the text form is read from it. */
    private List<JsonObject> resources() {
        if (!(getCamelContext().hasComponent("azure-avatar") instanceof AzureAvatarComponent avatar)) {
            return List.of();
        }
        return avatar.resources().stream().map(resource -> {
            ResourceGuard guard = resource.guard();
            JsonObject json = new JsonObject();
            json.put("resource", resource.name());
            JsonObject requests = new JsonObject();
            Stream.of(Kind.values()).forEach(kind -> requests.put(kind.name(), guard.requests(kind)));
            json.put("requests", requests);
            json.put("throttled", guard.throttled());
            json.put("retries", guard.retries());
            json.put("requestsPerMinute", guard.requestsPerMinute());
            putIfNotNull(json, "blockedUntil", guard.blockedUntil());
            json.put("waitingExchanges", resource.waits().waiting());
            putIfNotNull(json, "waitsLastWalk", resource.waits().lastWalk());
            putIfNotNull(json, "waitsNextWalk", resource.waits().nextWalk().orElse(null));
            JsonArray consumers = new JsonArray();
            for (AzureAvatarConsumer consumer : consumersOf(resource)) {
                JsonObject entry = new JsonObject();
                entry.put("routeId", consumer.getRouteId());
                entry.put("endpoint", consumer.getEndpoint().getEndpointUri());
                entry.put("unsettledJobs", consumer.unsettledJobs());
                entry.put("idle", consumer.isIdle());
                putIfNotNull(entry, "lastPoll", consumer.lastWalk());
                // a delay after the last walk, or idleDelay while idle
                putIfNotNull(entry, "nextPoll", consumer.lastWalk() == null ? null : consumer.lastWalk().plusMillis(
                        consumer.isIdle() ? consumer.getEndpoint().getConfiguration().getIdleDelay()
                                : consumer.getEndpoint().getDelay()));
                consumers.add(entry);
            }
            json.put("consumers", consumers);
            return json;
        }).toList();
    }

    /** The started consumers on this resource, as Camel's routes hold them. */
    private List<AzureAvatarConsumer> consumersOf(SpeechResource resource) {
        return getCamelContext().getRoutes().stream().map(Route::getConsumer)
                .filter(consumer -> consumer instanceof AzureAvatarConsumer avatar && avatar.isStarted()
                                    && avatar.getEndpoint().getResource() == resource)
                .map(AzureAvatarConsumer.class::cast).toList();
    }

    private static void putIfNotNull(JsonObject json, String key, Object instant) {
        if (instant != null) {
            json.put(key, instant.toString());
        }
    }
}
