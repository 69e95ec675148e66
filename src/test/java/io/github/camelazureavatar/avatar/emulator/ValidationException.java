package io.github.camelazureavatar.avatar.emulator;

/** A create request Azure would refuse with 400; carries what each dialect's error body needs. */
final class ValidationException extends RuntimeException {

    private final String innerCode;

    ValidationException(String innerCode, String message) {
        super(message, null, false, false);
        this.innerCode = innerCode;
    }

    String innerCode() {
        return innerCode;
    }
}
