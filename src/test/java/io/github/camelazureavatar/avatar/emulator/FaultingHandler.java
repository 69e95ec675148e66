package io.github.camelazureavatar.avatar.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.UUID;

/**
 * The request pipeline both servers share: read, consult the fault queue, answer, spoil the
 * answer if asked, log, send. Logging happens before the body is written so a test that has
 * its response in hand always finds the request in the log.
 */
abstract class FaultingHandler implements HttpHandler {

    private final String host;
    private final Faults faults;
    private final RequestLog log;
    private final String defaultOrigin;

    /** {@code defaultOrigin} builds absolute links when a request has no Host header (HTTP/1.0). */
    FaultingHandler(String host, Faults faults, RequestLog log, String defaultOrigin) {
        this.host = host;
        this.faults = faults;
        this.log = log;
        this.defaultOrigin = defaultOrigin;
    }

    /** The answer when no fault replaces it. */
    abstract EmulatorResponse respond(ApiRequest request);

    /** Which error dialect an injected status fault uses on this path (null: blob XML). */
    abstract Dialect dialectOf(String path);

    /** Called for every request before faults, e.g. to record credentials. */
    void observe(HttpExchange exchange) {
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String masked = Http.maskQuery(rawQuery);
        try {
            observe(exchange);
            byte[] body = Http.readBody(exchange, CreateRequestParser.MAX_BODY_BYTES);
            Fault fault = faults.take(host, method, path);
            if (fault != null && fault.kind() == Fault.Kind.CONNECTION_RESET) {
                log.add(new RecordedRequest(method, path, masked, 0, host, start));
                return; // closing without headers drops the connection: the client gets no HTTP answer
            }
            EmulatorResponse response;
            if (fault != null && fault.answersInstead()) {
                response = fault.response(dialectOf(path), rawQuery);
            } else {
                if (fault != null && fault.kind() == Fault.Kind.DELAY) {
                    sleep(fault);
                }
                String hostHeader = exchange.getRequestHeaders().getFirst("Host");
                String origin = hostHeader != null ? "http://" + hostHeader : defaultOrigin;
                ApiRequest request = new ApiRequest(method, path, rawQuery, Http.query(rawQuery),
                        exchange.getRequestHeaders(), body, origin);
                response = respond(request);
                if (fault != null) {
                    fault.spoil(response);
                }
            }
            if (host.equals("api")) {
                response.header("apim-request-id", UUID.randomUUID().toString());
            }
            Runnable beforeSend = response.beforeSend();
            if (beforeSend != null) {
                beforeSend.run();
            }
            log.add(new RecordedRequest(method, path, masked, response.status(), host, start));
            Http.send(exchange, response);
        } catch (RuntimeException e) {
            log.add(new RecordedRequest(method, path, masked, 500, host, start));
            try {
                Http.send(exchange, AzureErrors.forStatus(dialectOf(path) == null ? Dialect.BATCH : dialectOf(path), 500));
            } catch (IOException | RuntimeException ignored) {
                // headers may already be out; the close below ends the exchange either way
            }
        } finally {
            exchange.close();
            log.served(System.nanoTime() - start);
        }
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
