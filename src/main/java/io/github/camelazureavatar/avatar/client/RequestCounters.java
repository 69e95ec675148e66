package io.github.camelazureavatar.avatar.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What one Azure resource was sent, for operators: requests by kind (every attempt, answered or not), answers 429 and
 * retries, in total and over the last minute and hour. Azure's quota is counted in requests per minute, so these are
 * the numbers that say how close a resource runs to it.
 */
public final class RequestCounters {

    /** What a request was for; downloads go to blob storage and do not count against the Speech quota. */
    public enum Kind {
        list, get, create, delete, download
    }

    /** Events counted besides requests. */
    public enum Event {
        /** An answer 429 (throttled). */
        throttled,
        /** A request sent again after a throttled or failed attempt. */
        retried
    }

    private static final long HOUR_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LongSupplier nanoTime;
    private final Map<Kind, Window> requests = new EnumMap<>(Kind.class);
    private final Map<Event, Window> events = new EnumMap<>(Event.class);

    public RequestCounters() {
        this(System::nanoTime);
    }

    RequestCounters(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        for (Kind kind : Kind.values()) {
            requests.put(kind, new Window());
        }
        for (Event event : Event.values()) {
            events.put(event, new Window());
        }
    }

    void count(Kind kind) {
        requests.get(kind).add(nanoTime.getAsLong());
    }

    void count(Event event) {
        events.get(event).add(nanoTime.getAsLong());
    }

    /** Requests of this kind since the resource was first used. */
    public long total(Kind kind) {
        return requests.get(kind).total();
    }

    public long total(Event event) {
        return events.get(event).total();
    }

    public long lastMinute(Kind kind) {
        return requests.get(kind).since(nanoTime.getAsLong() - MINUTE_NANOS);
    }

    public long lastHour(Kind kind) {
        return requests.get(kind).since(nanoTime.getAsLong() - HOUR_NANOS);
    }

    public long lastMinute(Event event) {
        return events.get(event).since(nanoTime.getAsLong() - MINUTE_NANOS);
    }

    public long lastHour(Event event) {
        return events.get(event).since(nanoTime.getAsLong() - HOUR_NANOS);
    }

    /** The instants of the last hour's events, oldest first, and a total that never forgets. */
    private final class Window {
        private final Deque<Long> lastHour = new ArrayDeque<>();
        private long total;

        synchronized void add(long now) {
            total++;
            lastHour.addLast(now);
            forgetBefore(now - HOUR_NANOS);
        }

        synchronized long total() {
            return total;
        }

        synchronized long since(long instant) {
            forgetBefore(nanoTime.getAsLong() - HOUR_NANOS);
            return lastHour.stream().filter(t -> t - instant > 0).count();
        }

        private void forgetBefore(long instant) {
            while (!lastHour.isEmpty() && lastHour.peekFirst() - instant <= 0) {
                lastHour.pollFirst();
            }
        }
    }
}
