package io.github.camelazureavatar.avatar.model;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written reading of Azure's timestamps agrees with java.time's on every shape. */
class AzureDatesTest {

    @ParameterizedTest
    @ValueSource(strings = { "2024-03-06T07:52:23.9054709Z", "2024-03-06T07:52:23Z", "2024-03-06T07:52:23.1Z",
                             "2024-02-29T23:59:59.999999999Z", "2024-03-06T07:52:23.905+01:00", "2024-03-06T07:52:23-05:30",
                             "1999-12-31T00:00:00.000000000+14:00" })
    void withAnOffsetAsJavaTime(String text) {
        assertThat(AzureDates.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-03-15T10:28:46.363789", "2024-03-15T10:28:46", "2024-03-15T10:28" })
    void withoutAnOffsetAsUtc(String text) {
        assertThat(AzureDates.parse(text)).isEqualTo(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "2024-02-30T10:00:00Z", "2024-13-01T10:00:00Z", "2024-03-15T24:00:00Z",
                             "2024-03-15T10:28:46.1234567890Z", "2024-03-15T10:28:46+1:00",
                             "2024-03-15 10:28:46Z" })
    void refusesWhatJavaTimeRefuses(String text) {
        assertThatThrownBy(() -> AzureDates.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingIsNull() {
        assertThat(AzureDates.parse(null)).isNull();
        assertThat(AzureDates.parse(" ")).isNull();
    }
}
