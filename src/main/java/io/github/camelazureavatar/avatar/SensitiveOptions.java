package io.github.camelazureavatar.avatar;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Makes Camel mask the secret options of this component, whose names are on none of Camel's lists of sensitive
 * keywords. Camel 4.18 and newer: the names are appended to the additional sensitive keywords (the setting behind
 * {@code camel.main.additionalSensitiveKeywords}, the user's own kept), which mask endpoint URIs, Camel Main's startup
 * summary and its configuration console. Camel 4.14 has no such setting, and Camel 4.22 masks only the first of them
 * in a URI: the component masks its endpoint URIs itself.
 */
final class SensitiveOptions {

    static final List<String> NAMES = List.of("subscriptionKey", "destinationContainerUrl");
    private static final Pattern IN_URI = Pattern.compile(
            "(?i)([?&](?:subscriptionKey|destinationContainerUrl)=)(RAW\\([^)]*\\)|RAW\\{[^}]*}|[^&]*)");
    // 4.18+ API, called by reflection so that the component runs on 4.14
    private static final Method GET = method("getAdditionalSensitiveKeywords");
    private static final Method SET = method("setAdditionalSensitiveKeywords", String.class);

    private SensitiveOptions() {
    }

    /** Does nothing on Camel 4.14. */
    static void register(CamelContext camelContext) {
        if (GET == null || SET == null) {
            return;
        }
        try {
            ExtendedCamelContext extension = camelContext.getCamelContextExtension();
            String words = (String) GET.invoke(extension);
            StringBuilder all = new StringBuilder(words == null ? "" : words);
            for (String name : NAMES) {
                if (!all.toString().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                    all.append(all.length() == 0 ? "" : ",").append(name);
                }
            }
            SET.invoke(extension, all.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the component masks its own URIs: only Camel Main's summary would show a literal key then
        }
    }

    /** The URI with the value of each secret option (plain, RAW(...) or RAW{...}) shown as xxxxxx. */
    static String maskUri(String uri) {
        return uri == null ? null : IN_URI.matcher(uri).replaceAll("$1xxxxxx");
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return ExtendedCamelContext.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
