package io.github.camelazureavatar.avatar.model;

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
     * shown as {@code xxxxxx}. Hand-written rather than a regular expression: every job emitted masks two URLs, and a
     * regex replace was a fifth of a delivery poll. It jumps from one {@code =} to the next and looks back for a
     * secret name, which is much faster than reading every name forward.
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        StringBuilder masked = null;
        int copied = 0;
        int equals = url.indexOf('=');
        while (equals >= 0) {
            int next = equals + 1;
            if (isSecretName(url, copied, equals)) {
                int end = endOfValue(url, next);
                if (masked == null) {
                    masked = new StringBuilder(url.length());
                }
                // substring, not append(CharSequence, int, int): JDK 17 copies the latter a char at a time
                masked.append(url.substring(copied, next)).append(MASK);
                copied = end;
                next = end;
            }
            equals = url.indexOf('=', next);
        }
        return masked == null ? url : masked.append(url.substring(copied)).toString();
    }

    /** Whether a secret name stands right before {@code equals}, after a {@code ?} or {@code &} at {@code from} or later. */
    private static boolean isSecretName(String url, int from, int equals) {
        for (String param : SECRET_PARAMS) {
            int name = equals - param.length();
            if (name - 1 >= from && isDelimiter(url.charAt(name - 1))
                && url.regionMatches(true, name, param, 0, param.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDelimiter(char c) {
        return c == '?' || c == '&';
    }

    private static int endOfValue(String url, int value) {
        int ampersand = url.indexOf('&', value);
        int hash = url.indexOf('#', value);
        int end = ampersand < 0 ? hash : hash < 0 ? ampersand : Math.min(ampersand, hash);
        return end < 0 ? url.length() : end;
    }
}
