package io.github.camelazureavatar.avatar.client;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * How long Azure asked the client to wait: {@code Retry-After} in seconds or as an HTTP date, or, on the 3.1 platform,
 * {@code X-RateLimit-Reset} as an instant (ISO, or epoch seconds). A wait beyond the cap, one that cannot be read and
 * one out of range all count as the cap: a long backoff, never a block until an absurd instant.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait Azure asked for, from zero to {@code cap}, or null when it asked for none. */
    static Duration of(Function<String, String> header, Duration cap) {
        String retryAfter = header.apply("Retry-After");
        if (retryAfter != null && !retryAfter.isBlank()) {
            return capped(retryAfter.trim(), false, cap);
        }
        String reset = header.apply("X-RateLimit-Reset");
        return reset == null || reset.isBlank() ? null : capped(reset.trim(), true, cap);
    }

    private static Duration capped(String value, boolean instant, Duration cap) {
        try {
            Duration wait;
            if (value.chars().allMatch(Character::isDigit)) {
                long number = Long.parseLong(value);
                wait = instant ? Duration.between(Instant.now(), Instant.ofEpochSecond(number)) : Duration.ofSeconds(number);
            } else {
                Instant until = Character.isDigit(value.charAt(0)) ? Instant.parse(value)
                        : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(Instant.now(), until);
            }
            return wait.isNegative() ? Duration.ZERO : wait.compareTo(cap) > 0 ? cap : wait;
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return cap;
        }
    }
}
