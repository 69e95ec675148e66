package io.github.camelazureavatar.avatar.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log or an exception message: SAS signatures in blob URLs and any key or token that
 * may stand in a query string.
 */
public final class SecretMasking {

    private static final Set<String> SECRET_PARAMETERS = Set.of("sig", "subscription-key", "subscriptionkey",
            "access_token", "token", "key");

    /** A secret parameter anywhere in text, also where XML escapes its ampersand ({@code &amp;sig=}). */
    private static final Pattern SECRET_IN_TEXT = Pattern.compile(
            "(?i)((?:^|[?&;\\s])(?:sig|subscription-key|subscriptionkey|access_token|token|key)=)[^&#;\\s\"'<>]*");

    private SecretMasking() {
    }

    /**
     * The text, an error body or an exception message, with the value of every secret parameter in it masked, in URLs
     * and out of them. Rare (errors only), so a regex over the whole text does.
     */
    public static String maskText(String text) {
        return text == null ? null : SECRET_IN_TEXT.matcher(text).replaceAll("$1xxxxxx");
    }

    /** The URL with the value of every secret query parameter (its name in any case) shown as {@code xxxxxx}. */
    public static String maskUrl(String url) {
        int query = url == null ? -1 : url.indexOf('?');
        if (query < 0) {
            return url;
        }
        int fragment = url.indexOf('#', query);
        int end = fragment < 0 ? url.length() : fragment;
        String[] parameters = url.substring(query + 1, end).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            int equals = parameters[i].indexOf('=');
            if (equals > 0 && SECRET_PARAMETERS.contains(parameters[i].substring(0, equals).toLowerCase(Locale.ROOT))) {
                parameters[i] = parameters[i].substring(0, equals + 1) + "xxxxxx";
            }
        }
        return url.substring(0, query + 1) + String.join("&", parameters) + url.substring(end);
    }
}
