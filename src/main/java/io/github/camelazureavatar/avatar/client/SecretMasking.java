package io.github.camelazureavatar.avatar.client;

import java.util.List;

/**
 * Masks what must never reach a log or an exception message: SAS signatures in blob URLs and any key or token that
 * may stand in a query string.
 */
public final class SecretMasking {

    private static final String MASK = "xxxxxx";
    private static final List<String> SECRET_PARAMS = List.of("sig", "subscription-key", "subscriptionKey",
            "access_token", "token", "key");

    private SecretMasking() {
    }

    /**
     * The URL with the value of every secret query parameter (after a {@code ?} or {@code &}, its name in any case)
     * shown as {@code xxxxxx}. Hand-written rather than a regular expression: the consumer masks two URLs per event,
     * and a regex replace was a fifth of a delivery poll.
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        StringBuilder masked = null;
        int copied = 0;
        int at = 0;
        while (at < url.length()) {
            char c = url.charAt(at);
            if (c != '?' && c != '&') {
                at++;
                continue;
            }
            int nameEnd = at + 1;
            while (nameEnd < url.length() && "=?&#".indexOf(url.charAt(nameEnd)) < 0) {
                nameEnd++;
            }
            if (nameEnd == url.length() || url.charAt(nameEnd) != '=' || !isSecretName(url, at + 1, nameEnd)) {
                at = nameEnd;
                continue;
            }
            int valueEnd = nameEnd + 1;
            while (valueEnd < url.length() && url.charAt(valueEnd) != '&' && url.charAt(valueEnd) != '#') {
                valueEnd++;
            }
            if (masked == null) {
                masked = new StringBuilder(url.length());
            }
            masked.append(url, copied, nameEnd + 1).append(MASK);
            copied = valueEnd;
            at = valueEnd;
        }
        return masked == null ? url : masked.append(url, copied, url.length()).toString();
    }

    private static boolean isSecretName(String url, int start, int end) {
        for (String name : SECRET_PARAMS) {
            if (name.length() == end - start && url.regionMatches(true, start, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }
}
