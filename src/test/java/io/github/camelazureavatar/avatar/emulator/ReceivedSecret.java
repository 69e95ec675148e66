package io.github.camelazureavatar.avatar.emulator;

/**
 * A credential header that reached the blob host. Kept verbatim (this is a test double) so a
 * test can prove which secret leaked and through which header.
 */
public record ReceivedSecret(String header, String value, String path) {
}
