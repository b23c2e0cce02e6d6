package io.newsflow.ingest.support;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Time-zone abbreviations as news pages print them. Abbreviations are ambiguous in general
 * (IST is also Irish/Israel time); these are the readings news sites use. Unknown ones give null,
 * so callers refuse the time instead of guessing.
 */
public final class TimeZones {
    private TimeZones() {}

    private static final Map<String, ZoneId> ABBREVIATIONS = Map.ofEntries(
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("PKT", ZoneOffset.ofHours(5)), Map.entry("NPT", ZoneOffset.ofHoursMinutes(5, 45)),
            Map.entry("ICT", ZoneOffset.ofHours(7)), Map.entry("WIB", ZoneOffset.ofHours(7)),
            Map.entry("SGT", ZoneOffset.ofHours(8)), Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("PHT", ZoneOffset.ofHours(8)), Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("KST", ZoneOffset.ofHours(9)), Map.entry("AEST", ZoneOffset.ofHours(10)),
            Map.entry("AEDT", ZoneOffset.ofHours(11)), Map.entry("NZST", ZoneOffset.ofHours(12)),
            Map.entry("NZDT", ZoneOffset.ofHours(13)), Map.entry("EST", ZoneOffset.ofHours(-5)),
            Map.entry("EDT", ZoneOffset.ofHours(-4)), Map.entry("CST", ZoneOffset.ofHours(-6)),
            Map.entry("CDT", ZoneOffset.ofHours(-5)), Map.entry("MST", ZoneOffset.ofHours(-7)),
            Map.entry("MDT", ZoneOffset.ofHours(-6)), Map.entry("PST", ZoneOffset.ofHours(-8)),
            Map.entry("PDT", ZoneOffset.ofHours(-7)), Map.entry("WAT", ZoneOffset.ofHours(1)),
            Map.entry("CAT", ZoneOffset.ofHours(2)), Map.entry("EAT", ZoneOffset.ofHours(3)),
            Map.entry("SAST", ZoneOffset.ofHours(2)), Map.entry("GST", ZoneOffset.ofHours(4)));

    public static ZoneId forAbbreviation(String abbr) {
        if (abbr == null) return null;
        return ABBREVIATIONS.get(abbr.trim().toUpperCase(Locale.ROOT));
    }
}
