package io.github.camelazureavatar.avatar.emulator;

/** A create Azure would refuse with 400; carries what each dialect's error body needs. */
final class ValidationException extends RuntimeException {

    private final String innerCode;
    private final String problemField;

    ValidationException(String innerCode, String message) {
        this(innerCode, message, null);
    }

    private ValidationException(String innerCode, String message, String problemField) {
        super(message, null, false, false);
        this.innerCode = innerCode;
        this.problemField = problemField;
    }

    /** A refusal 3.1-preview1 words as an ASP.NET validation problem on {@code field} (B: a plain BadRequest). */
    static ValidationException problem(String innerCode, String field, String message) {
        return new ValidationException(innerCode, message, field);
    }

    String innerCode() {
        return innerCode;
    }

    String problemField() {
        return problemField;
    }
}
