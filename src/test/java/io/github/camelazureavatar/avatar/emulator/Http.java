package io.github.camelazureavatar.avatar.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Small HTTP chores shared by both servers. */
final class Http {

    /** Query parameters whose values are secrets and must never reach a log. */
    private static final Set<String> SECRET_PARAMS =
            Set.of("sig", "subscription-key", "key", "code", "token", "access_token", "ocp-apim-subscription-key");

    private Http() {
    }

    /** Parameter names lower-cased (Azure treats them case-insensitively); first value wins. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    static String maskQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SECRET_PARAMS.contains(decode(name).toLowerCase(Locale.ROOT))) {
                out.append(name).append("=xxxxxx");
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    static String encodePathSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String encodeParam(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Reads at most {@code limit + 1} bytes, enough to tell "too big" without buffering a huge upload. */
    static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() <= limit) {
                    out.write(buf, 0, Math.min(n, limit + 1 - out.size()));
                }
            }
        }
        return out.toByteArray();
    }

    static void send(HttpExchange exchange, EmulatorResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        long length = response.length();
        if (length == 0 || head) {
            if (head && length > 0) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            }
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(response.status(), length);
        try (OutputStream out = exchange.getResponseBody()) {
            response.writeBody(out);
        }
    }
}
