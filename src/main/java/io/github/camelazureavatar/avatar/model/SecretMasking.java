package io.github.camelazureavatar.avatar.model;

import java.util.regex.Pattern;

/**
 * Masks what must never reach a log or an exception message: SAS signatures in blob URLs and any key or token that
 * may stand in a query string.
 */
public final class SecretMasking {

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&](?:sig|subscription-key|subscriptionKey|access_token|token|key)=)[^&#]*");

    private SecretMasking() {
    }

    /** The URL with the value of every secret query parameter (its name in any case) shown as {@code xxxxxx}. */
    public static String maskUrl(String url) {
        return url == null ? null : SECRET_PARAMETER.matcher(url).replaceAll("$1xxxxxx");
    }
}
