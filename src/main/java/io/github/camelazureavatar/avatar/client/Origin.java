package io.github.camelazureavatar.avatar.client;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port: the unit to which credentials are pinned. */
public record Origin(String scheme, String host, int port) {

    public static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return new Origin(scheme, host, port);
    }

    public boolean isSameOrigin(URI uri) {
        return equals(of(uri));
    }

    @Override
    public String toString() {
        boolean defaultPort = port == 443 && "https".equals(scheme) || port == 80 && "http".equals(scheme);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
