package io.github.camelazureavatar.avatar.model;

import java.util.regex.Pattern;

/**
 * Masks what must never reach a log or an exception message: SAS signatures in blob URLs and any key or token that
 * may stand in a query string.
 */
public final class SecretMasking {

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
        return query < 0 ? url : url.substring(0, query) + maskText(url.substring(query));
    }
}
