package io.github.camelazureavatar.avatar;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelazureavatar.avatar.client.RequestCounters;
import io.github.camelazureavatar.avatar.client.RequestCounters.Event;
import io.github.camelazureavatar.avatar.client.RequestCounters.Kind;
import io.github.camelazureavatar.avatar.client.ResourceGuard;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The azure-avatar dev console: per Azure resource, what it was sent (requests by kind in the last minute and hour,
 * answers 429, retries), its rate budget and any block Azure asked for, the createAndWait exchanges waiting on it, and
 * each consumer's jobs in progress and polls.
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
            text.append("Azure resource: ").append(resource.get("resource")).append('\n');
            text.append("    Requests in the last minute: ").append(kinds(resource, "requestsLastMinute")).append('\n');
            text.append("    Requests in the last hour:   ").append(kinds(resource, "requestsLastHour")).append('\n');
            text.append("    Answers 429: ").append(resource.get("throttledLastHour")).append(" in the last hour, ")
                    .append(resource.get("throttledTotal")).append(" in all; retries: ")
                    .append(resource.get("retriesLastHour")).append(" in the last hour, ")
                    .append(resource.get("retriesTotal")).append(" in all\n");
            Object budget = resource.get("requestsPerMinute");
            text.append("    Rate budget: ").append("0".equals(String.valueOf(budget))
                    ? "no client-side limit" : budget + " requests a minute").append('\n');
            text.append("    Blocked until: ").append(resource.getOrDefault("blockedUntil", "-")).append('\n');
            text.append("    Exchanges waiting (createAndWait): ").append(resource.get("waitingExchanges"))
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

    private static String kinds(Map<String, Object> resource, String field) {
        Map<?, ?> byKind = (Map<?, ?>) resource.get(field);
        long total = byKind.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
        return total + " (" + byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray list = new JsonArray();
        resources().forEach(resource -> list.add(new JsonObject(resource)));
        root.put("resources", list);
        return root;
    }

    private List<Map<String, Object>> resources() {
        Component component = getCamelContext().hasComponent("azure-avatar");
        if (!(component instanceof AzureAvatarComponent avatar)) {
            return List.of();
        }
        return avatar.resources().stream().map(AzureAvatarDevConsole::describe).toList();
    }

    /** A resource as plain maps, lists and values: the text and JSON forms both come from it. */
    static Map<String, Object> describe(SpeechResource resource) {
        ResourceGuard guard = resource.guard();
        RequestCounters counters = guard.counters();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("resource", resource.name());
        JsonObject lastMinute = new JsonObject();
        JsonObject lastHour = new JsonObject();
        JsonObject total = new JsonObject();
        for (Kind kind : Kind.values()) {
            lastMinute.put(kind.name(), counters.lastMinute(kind));
            lastHour.put(kind.name(), counters.lastHour(kind));
            total.put(kind.name(), counters.total(kind));
        }
        map.put("requestsLastMinute", lastMinute);
        map.put("requestsLastHour", lastHour);
        map.put("requestsTotal", total);
        map.put("throttledLastHour", counters.lastHour(Event.throttled));
        map.put("throttledTotal", counters.total(Event.throttled));
        map.put("retriesLastHour", counters.lastHour(Event.retried));
        map.put("retriesTotal", counters.total(Event.retried));
        map.put("requestsPerMinute", guard.requestsPerMinute());
        Instant blockedUntil = guard.blockedUntil();
        if (blockedUntil != null) {
            map.put("blockedUntil", blockedUntil.toString());
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
