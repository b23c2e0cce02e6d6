package io.newsflow.ingest.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** ISO-8601 times as wire formats write them; a time without a zone is refused rather than guessed. */
public final class Times {
    private Times() {}

    /**
     * @return the instant, or null for null/blank input
     * @throws ItemException naming the field when the text is not an ISO-8601 time with a zone
     */
    public static Instant iso(String text, String field) {
        String v = Texts.clean(text);
        if (v == null) return null;
        try {
            return offsetDateTime(v);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e2) {
                try {
                    // a bare date is a day, written as its UTC midnight
                    return LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new ItemException(field, "not an ISO-8601 time with zone: '" + v + "'");
                }
            }
        }
    }

    /**
     * {@code OffsetDateTime.parse(text).toInstant()}, with the form wire items nearly always use
     * ({@code 2026-02-18T09:00:00Z}, {@code 2026-02-18T09:00:00.123+05:30}) read by hand: the formatter costs
     * microseconds per call on a path that runs for every item. Anything else, and anything the hand reader
     * doubts, goes to the formatter, so the answers (and the exceptions) are the formatter's.
     *
     * @throws DateTimeParseException as {@link OffsetDateTime#parse(CharSequence)} does
     */
    public static Instant offsetDateTime(String text) {
        Instant fast = common(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+hh:mm|-hh:mm), else null. */
    private static Instant common(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) return null;
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            int len = i - start;
            if (len == 0 || len > 9) return null;
            nanos = digits(s, start, i);
            for (int k = len; k < 9; k++) nanos *= 10;
        }
        if (i >= n) return null;
        ZoneOffset offset;
        char z = s.charAt(i);
        if (z == 'Z' && i + 1 == n) {
            offset = ZoneOffset.UTC;
        } else if ((z == '+' || z == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, i + 3), om = digits(s, i + 4, i + 6);
            if ((oh | om) < 0) return null;
            try {
                offset = z == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset).toInstant();
        } catch (DateTimeException e) {
            return null; // out of range (Feb 30, 24:00): the formatter gives the reason
        }
    }

    /** The ASCII digits in [from, to) as a number, or -1. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
