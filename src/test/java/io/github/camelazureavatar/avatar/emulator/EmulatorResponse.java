package io.github.camelazureavatar.avatar.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer computed before anything is written, so faults can alter it (truncate it, swap
 * the body) and the log can record its status.
 */
final class EmulatorResponse {

    /** A body too large to hold in memory (the 1 GiB streaming test), written on demand. */
    interface BodyWriter {
        void write(OutputStream out, long length) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private BodyWriter writer;
    private long length;
    /** Runs after the body is built but before it is sent (see Faults#betweenListPages). */
    private Runnable beforeSend;

    private EmulatorResponse(int status) {
        this.status = status;
    }

    static EmulatorResponse empty(int status) {
        EmulatorResponse r = new EmulatorResponse(status);
        r.body = new byte[0];
        return r;
    }

    static EmulatorResponse json(int status, String json) {
        return bytes(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    static EmulatorResponse bytes(int status, String contentType, byte[] body) {
        EmulatorResponse r = new EmulatorResponse(status);
        r.body = body;
        r.length = body.length;
        r.header("Content-Type", contentType);
        return r;
    }

    static EmulatorResponse stream(int status, String contentType, long length, BodyWriter writer) {
        EmulatorResponse r = new EmulatorResponse(status);
        r.writer = writer;
        r.length = length;
        r.header("Content-Type", contentType);
        return r;
    }

    EmulatorResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    long length() {
        return length;
    }

    String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    EmulatorResponse beforeSend(Runnable action) {
        this.beforeSend = action;
        return this;
    }

    Runnable beforeSend() {
        return beforeSend;
    }

    /** Keeps only the first half of the body; Content-Length follows the cut. */
    void truncateToHalf() {
        long half = length / 2;
        if (body != null) {
            body = Arrays.copyOf(body, (int) half);
        }
        length = half;
    }

    void replaceBody(byte[] newBody) {
        body = newBody;
        writer = null;
        length = newBody.length;
    }

    void writeBody(OutputStream out) throws IOException {
        if (writer != null) {
            writer.write(out, length);
        } else if (body != null) {
            out.write(body, 0, (int) length);
        }
    }
}
