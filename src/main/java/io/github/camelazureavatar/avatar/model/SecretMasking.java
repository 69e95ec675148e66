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
     * shown as {@code xxxxxx}. Hand-written rather than a regular expression: every job read masks two URLs, and a
     * regex replace was a fifth of a delivery poll.
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        StringBuilder masked = null;
        int copied = 0;
        int question = url.indexOf('?');
        int at = nextDelimiter(url, 0, question);
        while (at >= 0) {
            int value = secretValueStart(url, at + 1);
            int next = at + 1;
            if (value >= 0) {
                int end = endOfValue(url, value);
                if (masked == null) {
                    masked = new StringBuilder(url.length());
                }
                // substring, not append(CharSequence, int, int): JDK 17 copies the latter a char at a time
                masked.append(url.substring(copied, value)).append(MASK);
                copied = end;
                next = end;
            }
            if (question >= 0 && question < next) {
                question = url.indexOf('?', next);
            }
            at = nextDelimiter(url, next, question);
        }
        return masked == null ? url : masked.append(url.substring(copied)).toString();
    }

    private static int endOfValue(String url, int value) {
        int ampersand = url.indexOf('&', value);
        int hash = url.indexOf('#', value);
        int end = ampersand < 0 ? hash : hash < 0 ? ampersand : Math.min(ampersand, hash);
        return end < 0 ? url.length() : end;
    }

    /** The first {@code ?} or {@code &} from {@code from} on; {@code question} is the first {@code ?} there. */
    private static int nextDelimiter(String url, int from, int question) {
        int ampersand = url.indexOf('&', from);
        return question < 0 ? ampersand : ampersand < 0 ? question : Math.min(question, ampersand);
    }

    /** Where the value starts when a secret parameter's name and {@code =} stand at {@code name}, else -1. */
    private static int secretValueStart(String url, int name) {
        int equals = name;
        while (equals < url.length()) {
            char c = url.charAt(equals);
            if (c == '=') {
                break;
            }
            if (c == '?' || c == '&' || c == '#') {
                return -1;
            }
            equals++;
        }
        if (equals == url.length()) {
            return -1;
        }
        for (String param : SECRET_PARAMS) {
            if (param.length() == equals - name && url.regionMatches(true, name, param, 0, param.length())) {
                return equals + 1;
            }
        }
        return -1;
    }
}
