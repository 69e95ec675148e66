package io.github.camelazureavatar.avatar.client;

import java.util.regex.Pattern;

/**
 * Masks what must never reach a log or an exception message: SAS signatures in blob URLs and any key or token that
 * may stand in a query string.
 */
public final class SecretMasking {

    private static final Pattern SECRET_QUERY_PARAM = Pattern.compile(
            "(?i)([?&](?:sig|subscription-key|subscriptionKey|access_token|token|key)=)[^&#]*");

    private SecretMasking() {
    }

    /** The URL with every secret query value shown as {@code xxxxxx}. */
    public static String maskUrl(String url) {
        return url == null ? null : SECRET_QUERY_PARAM.matcher(url).replaceAll("$1xxxxxx");
    }
}
