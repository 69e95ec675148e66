package io.github.camelazureavatar.avatar.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads Azure's timestamps leniently: the 2024 generation writes {@code lastActionDateTime} of finished jobs without
 * an offset ({@code 2024-03-15T10:28:46.363789}), which Azure means as UTC.
 */
final class AzureDates {

    private AzureDates() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("Unreadable date-time '" + text + "'", e);
            }
        }
    }
}
