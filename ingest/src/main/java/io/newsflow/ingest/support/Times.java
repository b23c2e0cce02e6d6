package io.newsflow.ingest.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
            return OffsetDateTime.parse(v).toInstant();
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
}
