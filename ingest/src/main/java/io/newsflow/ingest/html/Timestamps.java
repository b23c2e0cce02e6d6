package io.newsflow.ingest.html;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date forms pages put in metadata: ISO-8601 with or without offset (also "+0000",
 * "+05", a space instead of T, fractional seconds, "UTC"/"GMT"), RFC 1123, and plain dates.
 * A time without any zone is read as UTC and a plain date as its UTC midnight: schema.org and
 * OpenGraph define no other default. Anything else is null.
 */
final class Timestamps {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{1,2}:\\d{2})(:\\d{2}(?:[.,]\\d{1,9})?)?\\s*"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT|UT)?)?");

    private Timestamps() {}

    static Instant parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            return fromIso(m);
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notRfc) {
            return null;
        }
    }

    private static Instant fromIso(Matcher m) {
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            if (m.group(2) == null) {
                return date.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String hm = m.group(2).length() == 4 ? "0" + m.group(2) : m.group(2);
            String sec = m.group(3) == null ? ":00" : m.group(3).replace(',', '.');
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + hm + sec);
            ZoneOffset offset = offset(m.group(4));
            return OffsetDateTime.of(local, offset).toInstant();
        } catch (java.time.DateTimeException invalid) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT") || zone.equals("UT")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
