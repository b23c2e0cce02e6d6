package io.newsflow.frontpage.render;

import java.util.Locale;
import java.util.Map;

/** How a trending region or a country code is shown: "Global", or the country's English name. */
public final class RegionLabels {
    public static final String GLOBAL = "global";

    /** Where the CLDR name is longer than a news page would write it. */
    private static final Map<String, String> SHORTER = Map.of(
            "HK", "Hong Kong",
            "MO", "Macao",
            "MM", "Myanmar",
            "PS", "Palestine",
            "CI", "Ivory Coast",
            "VA", "Vatican City");

    private RegionLabels() {}

    public static String label(String region) {
        if (region == null || region.isBlank()) {
            return "";
        }
        if (region.equalsIgnoreCase(GLOBAL)) {
            return "Global";
        }
        return countryName(region);
    }

    /** English name of an ISO 3166-1 alpha-2 code; an unknown code is shown as written. */
    public static String countryName(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        String shorter = SHORTER.get(upper);
        if (shorter != null) {
            return shorter;
        }
        if (upper.length() == 2) {
            String name = new Locale("", upper).getDisplayCountry(Locale.ENGLISH);
            if (!name.isEmpty() && !name.equalsIgnoreCase(upper)) {
                return name;
            }
        }
        return code;
    }
}
