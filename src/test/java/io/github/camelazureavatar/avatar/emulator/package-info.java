/**
 * A local stand-in for Azure AI Speech text-to-speech avatar batch synthesis, for testing
 * Camel routes offline. Start one with {@link io.github.camelazureavatar.avatar.emulator.AvatarEmulator#builder()},
 * point the component's {@code endpoint} at {@code baseUrl()}, and drive job lifecycles with
 * the {@link io.github.camelazureavatar.avatar.emulator.ManualClock}. The package depends only on
 * the JDK and Jackson, never on the component, so it tests the component the way Azure would.
 * Run it alone with {@code AvatarEmulator.main} ({@code --port N --key K --bind ADDR}).
 */
package io.github.camelazureavatar.avatar.emulator;
