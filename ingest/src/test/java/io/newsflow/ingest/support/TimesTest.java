package io.newsflow.ingest.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand reader of the common ISO form answers exactly as {@code OffsetDateTime.parse} does. */
class TimesTest {

    @Test
    void commonFormsReadAsTheFormatterReadsThem() {
        assertThat(Times.offsetDateTime("2026-02-18T09:00:00Z")).isEqualTo(Instant.parse("2026-02-18T09:00:00Z"));
        assertThat(Times.offsetDateTime("2026-02-18T14:30:00+05:30")).isEqualTo(Instant.parse("2026-02-18T09:00:00Z"));
        assertThat(Times.offsetDateTime("2026-02-18T04:00:00.5-05:00")).isEqualTo(Instant.parse("2026-02-18T09:00:00.500Z"));
        assertThat(Times.offsetDateTime("2024-02-29T23:59:59.123456789Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.123456789Z"));
    }

    @Test
    void everythingElseGetsTheFormattersAnswerOrItsException() {
        List<String> samples = List.of(
                "2026-02-18T09:00Z",            // no seconds: the formatter's own form
                "2026-02-18t09:00:00z",         // lower case letters: the formatter is case-insensitive
                "2026-02-18T09:00:00+01:00:30", // offset with seconds
                "2026-02-18T09:00:00.Z",        // empty fraction
                "2026-02-30T09:00:00Z",         // no such day
                "2025-02-29T09:00:00Z",         // not a leap year
                "2026-02-18T24:00:00Z",         // hour 24
                "2026-02-18T09:60:00Z",
                "2026-02-18T09:00:60Z",         // leap second
                "2026-02-18T09:00:00+18:30",    // offset out of range
                "2026-02-18T09:00:00+05:60",
                "2026-02-18T09:00:00.1234567891Z",
                "2026-02-18T09:00:00",          // no zone
                "2026-02-18 09:00:00Z",
                "+12026-02-18T09:00:00Z",
                "2026-02-18T09:00:00Zjunk",
                "2026-02-18T09:00:00+0530",
                "2026-02-18T09:00:00-00:00",
                "0000-01-01T00:00:00Z",
                "2026-02-18T09:00:00\u0661Z");
        for (String s : samples) assertSameAsFormatter(s);
    }

    @Test
    void randomVariationsOfTheCommonFormAgreeWithTheFormatter() {
        Random random = new Random(20260218);
        String base = "2026-02-18T09:07:05.123+05:30";
        String alphabet = "0123456789-:T.Z+ zt9";
        for (int i = 0; i < 20_000; i++) {
            char[] c = base.toCharArray();
            for (int k = random.nextInt(3) + 1; k > 0; k--) c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            String s = new String(c);
            int cut = random.nextInt(4) == 0 ? random.nextInt(s.length()) + 1 : s.length();
            assertSameAsFormatter(s.substring(0, cut));
        }
    }

    private static void assertSameAsFormatter(String s) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Times.offsetDateTime(s)).as(s).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Times.offsetDateTime(s)).as(s).isEqualTo(expected);
    }
}
