package io.github.camelazureavatar.avatar.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** The date formats Azure actually sends, quirks included. */
final class AzureDates {

    /** A: {@code 2023-10-19T12:23:03.348Z}. */
    static final DateTimeFormatter PREVIEW =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** B: {@code 2024-03-06T07:34:08.9487009Z}. */
    static final DateTimeFormatter BATCH =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /**
     * B, lastActionDateTime of finished jobs: no offset, and the fraction of seconds with its trailing
     * zeros dropped, as .NET's System.Text.Json writes an unzoned DateTime: both of Azure's examples
     * ({@code 2024-03-15T10:31:48.1575987}, {@code 2024-03-15T10:28:46.363789}) have this shape.
     */
    static final DateTimeFormatter BATCH_FINISHED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 7, true)
            .toFormatter().withZone(ZoneOffset.UTC);
    /** SAS {@code st}/{@code se}: seconds, Z. */
    static final DateTimeFormatter SAS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AzureDates() {
    }

    static String preview(Instant instant) {
        return PREVIEW.format(instant);
    }

    static String batch(Instant instant) {
        return BATCH.format(instant);
    }

    static String batchFinished(Instant instant) {
        return BATCH_FINISHED.format(instant);
    }
}
