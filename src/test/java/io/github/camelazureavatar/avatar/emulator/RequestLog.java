package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every request both servers answered (or dropped), in arrival-completion order, and the time
 * the emulator spent serving them. Appends are O(1) (a benchmark lists 100 000 jobs a thousand
 * pages at a time, so a copy-on-write list would make the log the bottleneck).
 */
public final class RequestLog {

    private final List<RecordedRequest> entries = new ArrayList<>();
    private final LongAdder servedNanos = new LongAdder();
    private final LongAdder served = new LongAdder();

    synchronized void add(RecordedRequest request) {
        entries.add(request);
    }

    /** Counts one answered request and the wall time from reading it to its last byte written. */
    void served(long nanos) {
        servedNanos.add(nanos);
        served.increment();
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    /** Requests with this method (null or "*" = any) whose path starts with the prefix. */
    public synchronized long count(String method, String pathPrefix) {
        return entries.stream()
                .filter(r -> method == null || "*".equals(method) || r.method().equalsIgnoreCase(method))
                .filter(r -> pathPrefix == null || r.path().startsWith(pathPrefix))
                .count();
    }

    /** Answers with this HTTP status, on both hosts: {@code count(429)} is how often the quota refused. */
    public synchronized long count(int status) {
        return entries.stream().filter(r -> r.status() == status).count();
    }

    public synchronized List<RecordedRequest> byHost(String host) {
        return entries.stream().filter(r -> r.host().equals(host)).toList();
    }

    /**
     * The wall time the servers spent on requests since the last {@link #clear}: building the
     * answer and writing it to the socket. Benchmarks compare it with their own time to show
     * the emulator is not what they measure.
     */
    public Duration servingTime() {
        return Duration.ofNanos(servedNanos.sum());
    }

    /** Requests counted in {@link #servingTime} since the last {@link #clear}. */
    public long servedRequests() {
        return served.sum();
    }

    /** Forgets the requests and resets the serving time. */
    public synchronized void clear() {
        entries.clear();
        servedNanos.reset();
        served.reset();
    }

    synchronized void clearHost(String host) {
        entries.removeIf(r -> r.host().equals(host));
    }
}
