package io.github.camelazureavatar.avatar.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * An event sink as a broker's HTTP ingress (Knative, Event Grid) is one: takes CloudEvents in HTTP binary mode on
 * 127.0.0.1 (port chosen by the system) and keeps each request's headers (names in lower case) and body.
 */
public final class CloudEventReceiver implements AutoCloseable {

    /** One POST as received: headers by lower-case name (first value), the body as text. */
    public record Received(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    public CloudEventReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new Received(headers, new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where to POST events. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** The next event received, waiting for it at most {@code timeout}; fails if none came. */
    public Received next(Duration timeout) throws InterruptedException {
        Received event = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no CloudEvent received within " + timeout);
        }
        return event;
    }

    /** Events received and not taken yet. */
    public int pending() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
