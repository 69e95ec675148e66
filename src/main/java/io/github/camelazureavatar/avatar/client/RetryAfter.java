package io.github.camelazureavatar.avatar.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * How long Azure asked the client to wait: {@code Retry-After} in seconds or as an HTTP date, or, on the 3.1 platform,
 * {@code X-RateLimit-Reset} as an instant. Unreadable values count as not given.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait Azure asked for, never negative, or null when it asked for none. */
    static Duration of(Function<String, String> header) {
        Duration retryAfter = parse(header.apply("Retry-After"));
        return retryAfter != null ? retryAfter : parse(header.apply("X-RateLimit-Reset"));
    }

    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                long number = Long.parseLong(text);
                // epoch seconds (a reset instant) are large; delays in seconds are small
                return number > 1_000_000_000L ? until(Instant.ofEpochSecond(number)) : Duration.ofSeconds(number);
            }
            if (Character.isDigit(text.charAt(0))) {
                return until(Instant.parse(text));
            }
            return until(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static Duration until(Instant instant) {
        Duration wait = Duration.between(Instant.now(), instant);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
