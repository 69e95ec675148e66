package io.github.camelazureavatar.avatar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelazureavatar.avatar.client.ResourceGuard;
import io.github.camelazureavatar.avatar.client.ResourceGuard.Kind;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The azure-avatar dev console: per Azure resource, what it was sent (requests by kind, answers 429, retries), its rate
 * budget and any block Azure asked for, the createAndWait exchanges waiting on it, and each consumer's jobs in progress
 * and polls. Micrometer's meters carry the same counts, for rates over time.
 */
@DevConsole(name = "azure-avatar", displayName = "Azure Avatar", description = "Azure AI Speech avatar batch synthesis")
public class AzureAvatarDevConsole extends AbstractDevConsole {

    public AzureAvatarDevConsole() {
        super("camel", "azure-avatar", "Azure Avatar", "Azure AI Speech avatar batch synthesis");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> resource : resources()) {
            Map<?, ?> requests = (Map<?, ?>) resource.get("requests");
            text.append("Azure resource: ").append(resource.get("resource")).append('\n')
                    .append("    Requests: ").append(requests.values().stream().mapToLong(v -> (Long) v).sum())
                    .append(requests.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ", " (", ")")))
                    .append("; answers 429: ").append(resource.get("throttled"))
                    .append("; retries: ").append(resource.get("retries")).append('\n')
                    .append("    Rate budget: ").append(Integer.valueOf(0).equals(resource.get("requestsPerMinute"))
                            ? "no client-side limit" : resource.get("requestsPerMinute") + " requests a minute")
                    .append("; blocked until: ").append(resource.getOrDefault("blockedUntil", "-")).append('\n')
                    .append("    Exchanges waiting (createAndWait): ").append(resource.get("waitingExchanges"))
                    .append(", last walk of their own: ").append(resource.getOrDefault("waitsLastWalk", "-"))
                    .append(", next: ").append(resource.getOrDefault("waitsNextWalk", "-")).append('\n');
            for (Object each : (List<?>) resource.get("consumers")) {
                Map<?, ?> consumer = (Map<?, ?>) each;
                text.append("    Consumer of route ").append(consumer.get("routeId")).append(": ")
                        .append(consumer.get("unsettledJobs")).append(" jobs unsettled, ")
                        .append(Boolean.TRUE.equals(consumer.get("idle")) ? "idle" : "active")
                        .append(", last poll ").append(consumer.get("lastPoll") == null ? "-" : consumer.get("lastPoll"))
                        .append(", next poll ").append(consumer.get("nextPoll") == null ? "-" : consumer.get("nextPoll"))
                        .append('\n');
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray list = new JsonArray();
        resources().forEach(resource -> list.add(new JsonObject(resource)));
        JsonObject root = new JsonObject();
        root.put("resources", list);
        return root;
    }

    /** Each resource as plain maps, lists and values: the text and JSON forms both come from it. */
    private List<Map<String, Object>> resources() {
        Component component = getCamelContext().hasComponent("azure-avatar");
        if (!(component instanceof AzureAvatarComponent avatar)) {
            return List.of();
        }
        return avatar.resources().stream().map(AzureAvatarDevConsole::describe).toList();
    }

    private static Map<String, Object> describe(SpeechResource resource) {
        ResourceGuard guard = resource.guard();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("resource", resource.name());
        JsonObject requests = new JsonObject();
        for (Kind kind : Kind.values()) {
            requests.put(kind.name(), guard.requests(kind));
        }
        map.put("requests", requests);
        map.put("throttled", guard.throttled());
        map.put("retries", guard.retries());
        map.put("requestsPerMinute", guard.requestsPerMinute());
        if (guard.blockedUntil() != null) {
            map.put("blockedUntil", guard.blockedUntil().toString());
        }
        JobWaits waits = resource.waits();
        map.put("waitingExchanges", waits.waiting());
        if (waits.lastWalk() != null) {
            map.put("waitsLastWalk", waits.lastWalk().toString());
        }
        waits.nextWalk().ifPresent(next -> map.put("waitsNextWalk", next.toString()));
        JsonArray consumers = new JsonArray();
        for (AzureAvatarConsumer consumer : resource.consumers()) {
            JsonObject entry = new JsonObject();
            entry.put("routeId", consumer.getRouteId());
            entry.put("endpoint", consumer.getEndpoint().getEndpointUri());
            entry.put("unsettledJobs", consumer.unsettledJobs());
            entry.put("idle", consumer.isIdle());
            if (consumer.lastWalk() != null) {
                entry.put("lastPoll", consumer.lastWalk().toString());
                entry.put("nextPoll", consumer.nextWalk().toString());
            }
            consumers.add(entry);
        }
        map.put("consumers", consumers);
        return map;
    }
}
