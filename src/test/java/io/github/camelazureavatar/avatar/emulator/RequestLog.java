package io.github.camelazureavatar.avatar.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request both servers answered (or dropped), in arrival-completion order. */
public final class RequestLog {

    private final List<RecordedRequest> entries = new CopyOnWriteArrayList<>();

    void add(RecordedRequest request) {
        entries.add(request);
    }

    public List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    /** Requests with this method (null or "*" = any) whose path starts with the prefix. */
    public long count(String method, String pathPrefix) {
        return entries.stream()
                .filter(r -> method == null || "*".equals(method) || r.method().equalsIgnoreCase(method))
                .filter(r -> pathPrefix == null || r.path().startsWith(pathPrefix))
                .count();
    }

    public List<RecordedRequest> byHost(String host) {
        return entries.stream().filter(r -> r.host().equals(host)).toList();
    }

    public void clear() {
        entries.clear();
    }

    void clearHost(String host) {
        entries.removeIf(r -> r.host().equals(host));
    }
}
