package io.github.camelazureavatar.avatar.model;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads Azure's timestamps leniently: the 2024 generation writes {@code lastActionDateTime} of finished jobs without
 * an offset ({@code 2024-03-15T10:28:46.363789}), which Azure means as UTC.
 */
final class AzureDates extends StdScalarDeserializer<Instant> {

    AzureDates() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.hasToken(JsonToken.VALUE_STRING) ? parse(p.getText()) : (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // one parse, offset optional: trying with an offset first would cost an exception per finished job
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(parsed).toInstant()
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unreadable date-time '" + text + "'", e);
        }
    }
}
