package io.github.camelazureavatar.avatar.api;

import java.net.URI;
import java.util.stream.Stream;

/**
 * The API generations this component speaks. 3.1-preview1 lives on the customvoice host; the 2024 generation on the
 * Cognitive Services endpoint, with the version as a query parameter.
 */
public enum AvatarApiVersion {

    V2024_08_01("2024-08-01"),
    V2024_04_15_PREVIEW("2024-04-15-preview"),
    V3_1_PREVIEW1("3.1-preview1");

    private final String value;

    AvatarApiVersion(String value) {
        this.value = value;
    }

    /** The version as Azure writes it, e.g. {@code 2024-08-01}. */
    public String value() {
        return value;
    }

    public static AvatarApiVersion fromValue(String value) {
        return Stream.of(values()).filter(version -> version.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown apiVersion '" + value
                                                                + "'; supported: 2024-08-01, 2024-04-15-preview, 3.1-preview1"));
    }

    /** The public Azure endpoint of a region for this generation. */
    public URI regionalEndpoint(String region) {
        return this == V3_1_PREVIEW1
                ? URI.create("https://" + region + ".customvoice.api.speech.microsoft.com")
                : URI.create("https://" + region + ".api.cognitive.microsoft.com");
    }
}
