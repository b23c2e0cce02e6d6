package io.newsflow.ingest.html;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Maps what a page states as a country (an ISO code or an English name) to ISO 3166-1 alpha-2. */
final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : CODES) {
            BY_NAME.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
            BY_NAME.put(new Locale("", code).getISO3Country().toLowerCase(Locale.ROOT), code);
        }
        // common English forms that differ from the JDK's display names
        BY_NAME.put("usa", "US");
        BY_NAME.put("united states of america", "US");
        BY_NAME.put("u.s.", "US");
        BY_NAME.put("uk", "GB");
        BY_NAME.put("great britain", "GB");
        BY_NAME.put("britain", "GB");
        BY_NAME.put("russia", "RU");
        BY_NAME.put("south korea", "KR");
        BY_NAME.put("north korea", "KP");
        BY_NAME.put("czech republic", "CZ");
        BY_NAME.put("ivory coast", "CI");
        BY_NAME.put("vietnam", "VN");
        BY_NAME.put("iran", "IR");
        BY_NAME.put("syria", "SY");
    }

    private Countries() {}

    /** The alpha-2 code, or null when the value is not recognisably a country. */
    static String toCode(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.length() == 2 && CODES.contains(v.toUpperCase(Locale.ROOT))) {
            return v.toUpperCase(Locale.ROOT);
        }
        if (v.equalsIgnoreCase("UK")) {
            return "GB";
        }
        return BY_NAME.get(v.toLowerCase(Locale.ROOT));
    }
}
