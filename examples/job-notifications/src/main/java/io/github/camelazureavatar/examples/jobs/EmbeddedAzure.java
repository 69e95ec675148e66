package io.github.camelazureavatar.examples.jobs;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.UUID;

/**
 * Starts the Azure emulator of camel-azure-avatar's tests jar in this JVM, on a real-time clock: jobs go NotStarted,
 * Running, then Succeeded on their own, and a job whose text holds {@code [fail]} ends Failed.
 * <p>
 * The tests jar is a runtime dependency of this example, not a compile one, so that nothing here builds on it by
 * mistake: hence reflection. In your own tests depend on it with test scope and call
 * {@code AvatarEmulator.builder()...start()} directly.
 */
final class EmbeddedAzure implements AutoCloseable {

    private static final String PACKAGE = "io.github.camelazureavatar.avatar.emulator.";

    private final AutoCloseable emulator;
    private final String baseUrl;
    private final String subscriptionKey;

    EmbeddedAzure(Duration notStartedFor, Duration runningFor) {
        // a fresh key each run: nothing secret, and nothing to copy anywhere
        this.subscriptionKey = "demo-" + UUID.randomUUID();
        try {
            Class<?> emulatorClass = Class.forName(PACKAGE + "AvatarEmulator");
            Object builder = emulatorClass.getMethod("builder").invoke(null);
            Class<?> builderClass = builder.getClass();
            Object clock = Class.forName(PACKAGE + "SystemClock").getConstructor().newInstance();
            builderClass.getMethod("subscriptionKey", String.class).invoke(builder, subscriptionKey);
            builderClass.getMethod("clock", Class.forName(PACKAGE + "EmulatorClock")).invoke(builder, clock);
            builderClass.getMethod("notStartedFor", Duration.class).invoke(builder, notStartedFor);
            builderClass.getMethod("runningFor", Duration.class).invoke(builder, runningFor);
            this.emulator = (AutoCloseable) builderClass.getMethod("start").invoke(builder);
            Method baseUrlMethod = emulatorClass.getMethod("baseUrl");
            this.baseUrl = (String) baseUrlMethod.invoke(emulator);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The Azure emulator is not on the classpath: add io.github.camelazureavatar:"
                                            + "camel-azure-avatar with classifier tests, or set AZURE_SPEECH_KEY and "
                                            + "AZURE_SPEECH_REGION to use Azure", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start the Azure emulator: " + e, e);
        }
    }

    /** The component's {@code endpoint}: {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return baseUrl;
    }

    String subscriptionKey() {
        return subscriptionKey;
    }

    @Override
    public void close() throws Exception {
        emulator.close();
    }
}
