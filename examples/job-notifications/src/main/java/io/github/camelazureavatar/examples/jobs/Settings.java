package io.github.camelazureavatar.examples.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The demo's settings, looked up before Camel starts (they decide what to embed): given overrides (tests), then JVM
 * system properties, then environment variables ({@code smtp.host} is {@code SMTP_HOST}), then
 * application.properties.
 */
final class Settings {

    private final Map<String, String> overrides;
    private final Properties file = new Properties();

    Settings(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value, or "" when the key is set nowhere. */
    String get(String key) {
        String value = overrides.get(key);
        if (value == null) {
            value = System.getProperty(key);
        }
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return value == null ? "" : value.trim();
    }

    boolean isSet(String key) {
        return !get(key).isEmpty();
    }

    int getInt(String key) {
        return Integer.parseInt(get(key));
    }
}
