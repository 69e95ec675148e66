package io.github.camelazureavatar.avatar.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

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
        Instant fast = parseIsoFast(text);
        if (fast != null) {
            return fast;
        }
        try {
            // decided up front: a parse that fails first costs an exception per finished job of a list page
            return hasOffset(text) ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Unreadable date-time '" + text + "'", e);
        }
    }

    /** A zone designator after the time: Z, or a sign after the T (the date's own dashes come before it). */
    private static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        if (time < 0) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last == 'Z' || last == 'z' || text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0;
    }

    /**
     * The shapes Azure sends, {@code 2024-03-06T07:52:23.9054709Z}, {@code 2024-03-15T10:28:46.363789} (UTC) or
     * {@code ...+01:00}, read without java.time's formatter, which costs more than the rest of a job's reading; null for
     * anything else, which the formatter then reads or refuses.
     */
    private static Instant parseIsoFast(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char zone = s.charAt(i);
            if (zone == 'Z') {
                i++;
            } else if ((zone == '+' || zone == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
                int hours = digits(s, i + 1, 2);
                int minutes = digits(s, i + 4, 2);
                if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                    return null;
                }
                offsetSeconds = (zone == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
                i += 6;
            } else {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
