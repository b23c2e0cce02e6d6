package io.newsflow.ingest.support;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO 3166 codes in wire-format identifiers: qcodes ({@code iso3166-1a2:DE}, {@code iso3166-1a3:USA}) and CV URIs. */
public final class CountryCodes {
    private CountryCodes() {}

    private static final Pattern ALPHA2 = Pattern.compile("(?i)(?:iso3166-1a2|iso3166_1a2|iso3166)[:/]([a-z]{2})(?:-[a-z0-9]{1,3})?/?$");
    private static final Pattern ALPHA3 = Pattern.compile("(?i)(?:iso3166-1a3|iso3166_1a3)[:/]([a-z]{3})/?$");
    private static final Map<String, String> A3_TO_A2 = new HashMap<>();

    static {
        for (String a2 : Locale.getISOCountries()) {
            try {
                A3_TO_A2.put(new Locale("", a2).getISO3Country(), a2);
            } catch (MissingResourceException e) {
                // a code without an alpha-3 form: nothing to map
            }
        }
    }

    /** Alpha-2 code (uppercase) from a qcode or URI in an ISO 3166 scheme, else null. Subdivisions give their country. */
    public static String fromIdentifier(String id) {
        if (id == null) return null;
        String s = id.trim();
        Matcher m = ALPHA2.matcher(s);
        if (m.find()) {
            String c = m.group(1).toUpperCase(Locale.ROOT);
            return isCountry(c) ? c : null;
        }
        Matcher m3 = ALPHA3.matcher(s);
        if (m3.find()) return A3_TO_A2.get(m3.group(1).toUpperCase(Locale.ROOT));
        return null;
    }

    public static boolean isCountry(String alpha2) {
        return alpha2 != null && java.util.Arrays.asList(Locale.getISOCountries()).contains(alpha2);
    }
}
