package io.github.camelazureavatar.avatar.emulator;

/**
 * One request as either server saw it. {@code query} has secrets masked ({@code sig=xxxxxx});
 * {@code status} is 0 when the connection was dropped without an answer; {@code host} is
 * {@code "api"} or {@code "blob"}; {@code arrivedNanos} is {@link System#nanoTime()} when the request arrived.
 */
public record RecordedRequest(String method, String path, String query, int status, String host, long arrivedNanos) {

    @Override
    public String toString() {
        return host + " " + method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " -> " + status;
    }
}
