package io.newsflow.frontpage.zone;

import com.ibm.icu.util.TimeZone;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The time zone of the place a dateline names, so that times read as they would on the spot
 * ("Moscow | Updated: 18-02-2026 14:25 MSK"). Tried in order: a US state or a country written after the
 * city ("Paris, Texas"), the city itself (tz database cities plus common dateline cities the database
 * files under another name), then the dateline's country. Unknown places get no zone; callers show UTC.
 */
public final class DatelineZones {

    private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");

    /** Dateline cities the tz database does not name (it names one city per zone). */
    private static final String[][] CITY_ALIASES = {
            {"washington", "America/New_York"}, {"washington dc", "America/New_York"}, {"boston", "America/New_York"},
            {"miami", "America/New_York"}, {"atlanta", "America/New_York"}, {"philadelphia", "America/New_York"},
            {"pittsburgh", "America/New_York"}, {"cleveland", "America/New_York"}, {"baltimore", "America/New_York"},
            {"houston", "America/Chicago"}, {"dallas", "America/Chicago"}, {"austin", "America/Chicago"},
            {"new orleans", "America/Chicago"}, {"minneapolis", "America/Chicago"}, {"st. louis", "America/Chicago"},
            {"san francisco", "America/Los_Angeles"}, {"seattle", "America/Los_Angeles"},
            {"san diego", "America/Los_Angeles"}, {"las vegas", "America/Los_Angeles"},
            {"portland", "America/Los_Angeles"}, {"sacramento", "America/Los_Angeles"},
            {"ottawa", "America/Toronto"}, {"montreal", "America/Toronto"}, {"quebec", "America/Toronto"},
            {"calgary", "America/Edmonton"}, {"brasilia", "America/Sao_Paulo"}, {"rio de janeiro", "America/Sao_Paulo"},
            {"new delhi", "Asia/Kolkata"}, {"delhi", "Asia/Kolkata"}, {"mumbai", "Asia/Kolkata"},
            {"bengaluru", "Asia/Kolkata"}, {"bangalore", "Asia/Kolkata"}, {"chennai", "Asia/Kolkata"},
            {"hyderabad", "Asia/Kolkata"}, {"ahmedabad", "Asia/Kolkata"}, {"pune", "Asia/Kolkata"},
            {"lucknow", "Asia/Kolkata"}, {"jaipur", "Asia/Kolkata"}, {"srinagar", "Asia/Kolkata"},
            {"beijing", "Asia/Shanghai"}, {"guangzhou", "Asia/Shanghai"}, {"shenzhen", "Asia/Shanghai"},
            {"wuhan", "Asia/Shanghai"}, {"osaka", "Asia/Tokyo"}, {"busan", "Asia/Seoul"},
            {"islamabad", "Asia/Karachi"}, {"lahore", "Asia/Karachi"}, {"peshawar", "Asia/Karachi"},
            {"abu dhabi", "Asia/Dubai"}, {"doha", "Asia/Qatar"}, {"kuwait city", "Asia/Kuwait"},
            {"manama", "Asia/Bahrain"}, {"sanaa", "Asia/Aden"}, {"tel aviv", "Asia/Jerusalem"},
            {"ankara", "Europe/Istanbul"}, {"hanoi", "Asia/Ho_Chi_Minh"}, {"ho chi minh city", "Asia/Ho_Chi_Minh"},
            {"naypyitaw", "Asia/Yangon"}, {"naypyidaw", "Asia/Yangon"}, {"kiev", "Europe/Kiev"}, {"kyiv", "Europe/Kiev"},
            {"kharkiv", "Europe/Kiev"}, {"odesa", "Europe/Kiev"}, {"odessa", "Europe/Kiev"}, {"lviv", "Europe/Kiev"},
            {"st. petersburg", "Europe/Moscow"}, {"saint petersburg", "Europe/Moscow"},
            {"geneva", "Europe/Zurich"}, {"davos", "Europe/Zurich"}, {"bern", "Europe/Zurich"},
            {"frankfurt", "Europe/Berlin"}, {"munich", "Europe/Berlin"}, {"hamburg", "Europe/Berlin"},
            {"milan", "Europe/Rome"}, {"vatican city", "Europe/Rome"}, {"naples", "Europe/Rome"},
            {"barcelona", "Europe/Madrid"}, {"strasbourg", "Europe/Paris"}, {"marseille", "Europe/Paris"},
            {"lyon", "Europe/Paris"}, {"the hague", "Europe/Amsterdam"}, {"rotterdam", "Europe/Amsterdam"},
            {"edinburgh", "Europe/London"}, {"manchester", "Europe/London"}, {"glasgow", "Europe/London"},
            {"cardiff", "Europe/London"}, {"geneve", "Europe/Zurich"}, {"gdansk", "Europe/Warsaw"},
            {"krakow", "Europe/Warsaw"}, {"abuja", "Africa/Lagos"}, {"pretoria", "Africa/Johannesburg"},
            {"cape town", "Africa/Johannesburg"}, {"durban", "Africa/Johannesburg"}, {"canberra", "Australia/Sydney"},
            {"wellington", "Pacific/Auckland"}, {"quito", "America/Guayaquil"}, {"gaza", "Asia/Gaza"},
            {"ramallah", "Asia/Hebron"}, {"kuwait", "Asia/Kuwait"}, {"singapore", "Asia/Singapore"},
            {"hong kong", "Asia/Hong_Kong"}, {"taipei", "Asia/Taipei"}, {"mecca", "Asia/Riyadh"},
            {"jeddah", "Asia/Riyadh"}, {"alexandria", "Africa/Cairo"}, {"benghazi", "Africa/Tripoli"},
            {"goma", "Africa/Lubumbashi"}, {"mogadishu", "Africa/Mogadishu"}, {"juba", "Africa/Juba"},
            {"yaounde", "Africa/Douala"}, {"dakar", "Africa/Dakar"}, {"accra", "Africa/Accra"}};

    /** The zone of the capital, for countries spanning several zones. */
    private static final Map<String, String> CAPITAL_ZONE = Map.ofEntries(
            Map.entry("US", "America/New_York"), Map.entry("CA", "America/Toronto"), Map.entry("RU", "Europe/Moscow"),
            Map.entry("AU", "Australia/Sydney"), Map.entry("BR", "America/Sao_Paulo"),
            Map.entry("MX", "America/Mexico_City"), Map.entry("ID", "Asia/Jakarta"), Map.entry("KZ", "Asia/Almaty"),
            Map.entry("CN", "Asia/Shanghai"), Map.entry("ES", "Europe/Madrid"), Map.entry("PT", "Europe/Lisbon"),
            Map.entry("AR", "America/Argentina/Buenos_Aires"), Map.entry("CL", "America/Santiago"),
            Map.entry("EC", "America/Guayaquil"), Map.entry("DE", "Europe/Berlin"), Map.entry("UA", "Europe/Kiev"),
            Map.entry("MN", "Asia/Ulaanbaatar"), Map.entry("CD", "Africa/Kinshasa"), Map.entry("NZ", "Pacific/Auckland"),
            Map.entry("UZ", "Asia/Tashkent"), Map.entry("MY", "Asia/Kuala_Lumpur"), Map.entry("PS", "Asia/Hebron"),
            Map.entry("GL", "America/Godthab"), Map.entry("CY", "Asia/Nicosia"), Map.entry("FR", "Europe/Paris"),
            Map.entry("GB", "Europe/London"), Map.entry("IN", "Asia/Kolkata"), Map.entry("PG", "Pacific/Port_Moresby"));

    private static final String US_STATES = "alabama:Chicago,alaska:Anchorage,arizona:Phoenix,arkansas:Chicago,"
            + "california:Los_Angeles,colorado:Denver,connecticut:New_York,delaware:New_York,florida:New_York,"
            + "georgia:New_York,hawaii:Pacific/Honolulu,idaho:Boise,illinois:Chicago,indiana:Indiana/Indianapolis,"
            + "iowa:Chicago,kansas:Chicago,kentucky:New_York,louisiana:Chicago,maine:New_York,maryland:New_York,"
            + "massachusetts:New_York,michigan:Detroit,minnesota:Chicago,mississippi:Chicago,missouri:Chicago,"
            + "montana:Denver,nebraska:Chicago,nevada:Los_Angeles,new hampshire:New_York,new jersey:New_York,"
            + "new mexico:Denver,new york:New_York,north carolina:New_York,north dakota:Chicago,ohio:New_York,"
            + "oklahoma:Chicago,oregon:Los_Angeles,pennsylvania:New_York,rhode island:New_York,"
            + "south carolina:New_York,south dakota:Chicago,tennessee:Chicago,texas:Chicago,utah:Denver,"
            + "vermont:New_York,virginia:New_York,washington:Los_Angeles,washington state:Los_Angeles,west virginia:New_York,"
            + "wisconsin:Chicago,wyoming:Denver,d.c.:New_York,dc:New_York,calif.:Los_Angeles,fla.:New_York,"
            + "tex.:Chicago,ill.:Chicago,mass.:New_York,n.y.:New_York,n.j.:New_York,pa.:New_York,ga.:New_York,"
            + "va.:New_York,wash.:Los_Angeles,mich.:Detroit,ariz.:Phoenix,colo.:Denver,ohio.:New_York";

    private static final Map<String, String> COUNTRY_ALIASES = Map.ofEntries(
            Map.entry("us", "US"), Map.entry("u.s.", "US"), Map.entry("usa", "US"), Map.entry("u.s.a.", "US"),
            Map.entry("america", "US"), Map.entry("uk", "GB"), Map.entry("u.k.", "GB"), Map.entry("britain", "GB"),
            Map.entry("great britain", "GB"), Map.entry("england", "GB"), Map.entry("scotland", "GB"),
            Map.entry("wales", "GB"), Map.entry("northern ireland", "GB"), Map.entry("uae", "AE"),
            Map.entry("czech republic", "CZ"), Map.entry("ivory coast", "CI"), Map.entry("burma", "MM"),
            Map.entry("palestine", "PS"), Map.entry("hong kong", "HK"), Map.entry("macau", "MO"),
            Map.entry("south korea", "KR"), Map.entry("north korea", "KP"), Map.entry("vatican", "VA"),
            Map.entry("turkey", "TR"), Map.entry("drc", "CD"), Map.entry("congo", "CG"));

    private final Map<String, ZoneId> cities = new HashMap<>();
    private final Map<String, ZoneId> usStates = new HashMap<>();
    private final Map<String, String> countries = new HashMap<>();
    private final Map<String, Optional<ZoneId>> countryZones = new HashMap<>();

    private static final DatelineZones STANDARD = new DatelineZones();

    public static DatelineZones standard() {
        return STANDARD;
    }

    private DatelineZones() {
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.lastIndexOf('/');
            if (slash < 0 || id.startsWith("Etc/") || id.startsWith("SystemV/") || id.startsWith("US/")
                    || id.startsWith("Canada/") || id.startsWith("Brazil/") || id.startsWith("Mexico/")
                    || id.startsWith("Chile/")) {
                continue;
            }
            String city = key(id.substring(slash + 1).replace('_', ' '));
            cities.merge(city, ZoneId.of(id), (a, b) -> a.getId().compareTo(b.getId()) <= 0 ? a : b);
        }
        for (String[] alias : CITY_ALIASES) {
            zone(alias[1]).ifPresent(z -> cities.put(key(alias[0]), z));
        }
        for (String pair : US_STATES.split(",")) {
            String[] kv = pair.split(":");
            String id = kv[1].contains("/") ? kv[1] : "America/" + kv[1];
            zone(id).ifPresent(z -> usStates.put(key(kv[0]), z));
        }
        for (String code : Locale.getISOCountries()) {
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            int paren = name.indexOf(" (");
            countries.put(key(paren > 0 ? name.substring(0, paren) : name), code);
        }
        countries.putAll(COUNTRY_ALIASES);
    }

    /**
     * The zone of a dateline.
     *
     * @param dateline        the place as written ("MOSCOW", "Paris, Texas", "KYIV, Ukraine, March 3 (Reuters) -")
     * @param datelineCountry the country the tagger found in the dateline (ISO code), or null
     */
    public Optional<ZoneId> zoneOf(String dateline, String datelineCountry) {
        List<String> parts = placeParts(dateline);
        if (parts.isEmpty()) {
            return datelineCountry == null ? Optional.empty() : zoneOfCountry(datelineCountry.toUpperCase(Locale.ROOT));
        }
        ZoneId city = cities.get(parts.get(0));
        String laterCountry = null;
        ZoneId state = null;
        for (int i = 1; i < parts.size(); i++) {
            if (laterCountry == null) {
                laterCountry = countries.get(parts.get(i));
            }
            if (state == null) {
                state = usStates.get(parts.get(i));
            }
        }
        // "Tbilisi, Georgia" is the country; "Atlanta, Georgia" and "Paris, Texas" are US states
        if (city != null && laterCountry != null && laterCountry.equals(regionOf(city))) {
            return Optional.of(city);
        }
        if (state != null) {
            return Optional.of(state);
        }
        String country = laterCountry != null ? laterCountry
                : datelineCountry == null ? null : datelineCountry.toUpperCase(Locale.ROOT);
        if (city != null && (country == null || country.equals(regionOf(city)))) {
            return Optional.of(city);
        }
        if (country == null) {
            country = countries.get(parts.get(0));
        }
        return country == null ? Optional.empty() : zoneOfCountry(country);
    }

    /** The zone of a country: its only zone, or its capital's when it spans several. */
    public synchronized Optional<ZoneId> zoneOfCountry(String code) {
        return countryZones.computeIfAbsent(code, c -> {
            String capital = CAPITAL_ZONE.get(c);
            if (capital != null) {
                return zone(capital);
            }
            Set<String> ids = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, c, null);
            return ids.size() == 1 ? zone(ids.iterator().next()) : Optional.empty();
        });
    }

    private static String regionOf(ZoneId zone) {
        String region = TimeZone.getRegion(TimeZone.getCanonicalID(zone.getId()));
        return region == null ? "" : region;
    }

    /** The place parts of a dateline, normalised: up to the credit, the dash or the date. */
    static List<String> placeParts(String dateline) {
        List<String> parts = new ArrayList<>();
        if (dateline == null) {
            return parts;
        }
        String place = dateline;
        for (String stop : new String[] {"(", " -", "\u2014", "\u2013", ":"}) {
            int at = place.indexOf(stop);
            if (at >= 0) {
                place = place.substring(0, at);
            }
        }
        for (String part : place.split(",")) {
            String k = key(part);
            if (k.isEmpty() || Character.isDigit(k.charAt(0)) || MONTHS.contains(k.split("[ .]")[0])) {
                break;
            }
            parts.add(k);
        }
        return parts;
    }

    static String key(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String k = decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return k.startsWith("st ") ? "st. " + k.substring(3) : k;
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException unknownInThisJdk) {
            return Optional.empty();
        }
    }
}
