/**
 * A local stand-in for Azure AI Speech text-to-speech avatar batch synthesis, for testing
 * Camel routes offline. Start one with {@link io.github.camelazureavatar.avatar.emulator.AvatarEmulator#builder()},
 * point the component's {@code endpoint} at {@code baseUrl()}, and drive job lifecycles with
 * the {@link io.github.camelazureavatar.avatar.emulator.ManualClock}. The package depends only on
 * the JDK and Jackson, never on the component, so it tests the component the way Azure would.
 * Run it alone with {@code AvatarEmulator.main} ({@code --help} lists the options) or, from the project root,
 * {@code mvn -q -Pemulator test-compile exec:java -Demulator.args="--token T --quota 2/1m"} (docs/emulator.md).
 */
package io.github.camelazureavatar.avatar.emulator;
