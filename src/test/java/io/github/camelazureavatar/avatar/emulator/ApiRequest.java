package io.github.camelazureavatar.avatar.emulator;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/** A request read off the wire, body included, handed to the dialect handlers. */
record ApiRequest(String method, String path, String rawQuery, Map<String, String> query, Headers headers, byte[] body,
        String origin) {

    String header(String name) {
        return headers.getFirst(name);
    }

    String param(String name) {
        return query.get(name);
    }
}
