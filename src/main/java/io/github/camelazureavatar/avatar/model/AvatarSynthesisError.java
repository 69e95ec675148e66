package io.github.camelazureavatar.avatar.model;

/**
 * Azure's reason for a failed job, or for a refused request: a machine-readable code and a message for people.
 *
 * @param code    Azure's error code, for example {@code InvalidRequest}
 * @param message Azure's explanation
 */
public record AvatarSynthesisError(String code, String message) {

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
