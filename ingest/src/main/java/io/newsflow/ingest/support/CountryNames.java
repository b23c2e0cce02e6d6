package io.newsflow.ingest.support;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names and codes as pages write them ("Russia", "United States", "RU", "RUS") to ISO 3166-1 alpha-2 codes:
 * the one table ingest reads a stated country with (text pages' country tags, HTML pages' metadata and JSON-LD).
 * Only names that denote one country map; "Global", regions and unknown names give null.
 */
public final class CountryNames {
    private CountryNames() {}

    private static final Map<String, String> BY_NAME = build();

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale l = new Locale("", code);
            m.put(key(l.getDisplayCountry(Locale.ENGLISH)), code);
            m.put(key(code), code);
            m.put(key(l.getISO3Country()), code);
        }
        // names in common use that differ from the JDK's English display names
        String[][] aliases = {
                {"United States of America", "US"}, {"USA", "US"}, {"U.S.", "US"}, {"U.S.A.", "US"}, {"America", "US"},
                {"United Kingdom", "GB"}, {"UK", "GB"}, {"U.K.", "GB"}, {"Britain", "GB"}, {"Great Britain", "GB"},
                {"England", "GB"}, {"Scotland", "GB"}, {"Wales", "GB"}, {"Northern Ireland", "GB"},
                {"Russian Federation", "RU"}, {"South Korea", "KR"}, {"Republic of Korea", "KR"}, {"Korea", "KR"},
                {"North Korea", "KP"}, {"Iran", "IR"}, {"Syria", "SY"}, {"Vietnam", "VN"}, {"Viet Nam", "VN"},
                {"Laos", "LA"}, {"Czech Republic", "CZ"}, {"Czechia", "CZ"}, {"Turkey", "TR"}, {"Türkiye", "TR"},
                {"Turkiye", "TR"}, {"Ivory Coast", "CI"}, {"Cote d'Ivoire", "CI"}, {"Côte d’Ivoire", "CI"},
                {"Côte d'Ivoire", "CI"}, {"Democratic Republic of the Congo", "CD"}, {"DR Congo", "CD"}, {"DRC", "CD"},
                {"Congo-Kinshasa", "CD"}, {"Republic of the Congo", "CG"}, {"Congo-Brazzaville", "CG"},
                {"UAE", "AE"}, {"Burma", "MM"}, {"Myanmar", "MM"}, {"Palestine", "PS"}, {"Palestinian Territories", "PS"},
                {"Taiwan", "TW"}, {"Hong Kong", "HK"}, {"Macau", "MO"}, {"Macao", "MO"}, {"Vatican", "VA"},
                {"Vatican City", "VA"}, {"Bolivia", "BO"}, {"Venezuela", "VE"}, {"Tanzania", "TZ"}, {"Moldova", "MD"},
                {"Eswatini", "SZ"}, {"Swaziland", "SZ"}, {"North Macedonia", "MK"}, {"Macedonia", "MK"},
                {"Cape Verde", "CV"}, {"Micronesia", "FM"}, {"East Timor", "TL"}, {"Timor-Leste", "TL"},
                {"Brunei", "BN"}, {"The Gambia", "GM"}, {"Gambia", "GM"}, {"The Bahamas", "BS"}, {"Bahamas", "BS"},
                {"Sao Tome and Principe", "ST"}, {"São Tomé and Príncipe", "ST"}, {"Saint Kitts and Nevis", "KN"},
                {"Saint Lucia", "LC"}, {"Saint Vincent and the Grenadines", "VC"}, {"Bosnia", "BA"},
                {"Bosnia and Herzegovina", "BA"}, {"Kyrgyzstan", "KG"}, {"Holland", "NL"}, {"The Netherlands", "NL"},
        };
        for (String[] a : aliases) m.put(key(a[0]), a[1]);
        return Map.copyOf(m);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}' ]", " ")
                .replaceAll("\\s+", " ").trim();
    }

    /** ISO alpha-2 for a country name (case and punctuation ignored) or code, else null. */
    public static String toCode(String name) {
        String c = Texts.clean(name);
        if (c == null) return null;
        return BY_NAME.get(key(c));
    }
}
