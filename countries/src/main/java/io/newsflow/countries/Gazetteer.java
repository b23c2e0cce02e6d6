package io.newsflow.countries;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The names the tagger knows, compiled into one Aho–Corasick automaton ({@link NameAutomaton}) over
 * normalised text, plus the
 * dateline place list. Built once from the bundled resources (see countries/gazetteer/build.py) and
 * from ICU4J (country names in other languages, time-zone exemplar cities); immutable and thread-safe.
 */
final class Gazetteer {

    /** One gazetteer row: a name as written, the country it points to, its kind and flags. */
    record Entry(String name, String code, Kind kind, boolean caseSensitive, boolean afterComma,
                 boolean ordinaryWord, boolean commonWord, boolean personName, boolean weak) {
    }

    /** All rows sharing one normalised key; the automaton's payload. Flags are folded once, at load. */
    static final class Name {
        private final String key;
        private final List<Entry> entries = new ArrayList<>(2);
        private boolean caseSensitive;
        private boolean ordinaryWord;
        private boolean commonWord;
        private boolean personName;
        private boolean weak;
        private boolean afterComma;

        Name(String key) {
            this.key = key;
        }

        void seal() {
            caseSensitive = entries.stream().allMatch(Entry::caseSensitive);
            ordinaryWord = entries.stream().anyMatch(Entry::ordinaryWord);
            commonWord = entries.stream().anyMatch(Entry::commonWord);
            personName = entries.stream().anyMatch(Entry::personName);
            weak = entries.stream().allMatch(Entry::weak);
            afterComma = entries.stream().allMatch(Entry::afterComma);
        }

        String key() {
            return key;
        }

        List<Entry> entries() {
            return entries;
        }

        boolean caseSensitive() {
            return caseSensitive;
        }

        boolean ordinaryWord() {
            return ordinaryWord;
        }

        boolean commonWord() {
            return commonWord;
        }

        boolean personName() {
            return personName;
        }

        /** Every reading is too weak to count alone (Douglas, capital of the Isle of Man). */
        boolean weak() {
            return weak;
        }

        boolean afterComma() {
            return afterComma;
        }
    }

    /** Languages whose country names are added from ICU: the big news languages written in Latin script. */
    static final List<String> OTHER_LANGUAGES = List.of("de", "fr", "es", "it", "pt", "nl");

    private final NameAutomaton automaton;
    private final Name[] byKeyIndex;
    private final Map<String, Name> names;
    private final Map<String, String[]> places;

    private Gazetteer(Map<String, Name> names, Map<String, String[]> places) {
        this.names = names;
        this.places = places;
        this.byKeyIndex = names.values().toArray(Name[]::new);
        List<String> keys = new ArrayList<>(byKeyIndex.length);
        for (Name n : byKeyIndex) {
            n.seal();
            keys.add(n.key());
        }
        this.automaton = new NameAutomaton(keys);
    }

    static Gazetteer load() {
        Map<String, Name> names = new LinkedHashMap<>();
        try (BufferedReader r = resource("gazetteer.tsv", false)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Set<String> flags = Set.of(f.length > 3 && !f[3].isEmpty() ? f[3].split(",") : new String[0]);
                add(names, new Entry(f[0], f[1], Kind.parse(f[2]), flags.contains("cs"), flags.contains("aftercomma"),
                        flags.contains("word"), flags.contains("common"), flags.contains("person"), flags.contains("weak")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled gazetteer", e);
        }
        Map<String, String[]> places = new HashMap<>(200_000);
        try (BufferedReader r = resource("places.tsv.gz", true)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                places.put(line.substring(0, tab), line.substring(tab + 1).split(" "));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled place list", e);
        }
        addIcuNames(names, places);
        return new Gazetteer(names, places);
    }

    private static void add(Map<String, Name> names, Entry e) {
        String key = Normalizer.key(e.name());
        if (key.isEmpty()) {
            return;
        }
        names.computeIfAbsent(key, Name::new).entries().add(e);
    }

    /**
     * Country names in other languages and the exemplar city of each time zone (the city a zone is named
     * after is, by the zone database's rule, the most populous of its area). Only names the curated and
     * open-data lists do not already know are added, so English readings keep precedence.
     */
    private static void addIcuNames(Map<String, Name> names, Map<String, String[]> places) {
        Set<String> codes = new java.util.HashSet<>();
        for (Name n : names.values()) {
            for (Entry e : n.entries()) {
                codes.add(e.code());
            }
        }
        Map<String, Name> added = new HashMap<>();
        for (String lang : OTHER_LANGUAGES) {
            LocaleDisplayNames display = LocaleDisplayNames.getInstance(new ULocale(lang));
            for (String code : ULocale.getISOCountries()) {
                if (!codes.contains(code)) {
                    continue;
                }
                String name = display.regionDisplayName(code);
                String key = Normalizer.key(name);
                if (name.length() < 4 || !latin(name) || names.containsKey(key)) {
                    continue;
                }
                String[] towns = places.get(key);
                if (towns != null && !java.util.Arrays.asList(towns).contains(code)) {
                    continue; // "Norfolk" (Norfolk Island in some languages) is first a town elsewhere
                }
                add(added, new Entry(name, code, Kind.FOREIGN, false, false, false, false, true, false));
            }
        }
        TimeZoneNames zoneNames = TimeZoneNames.getInstance(ULocale.ENGLISH);
        for (String zone : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
            String region = TimeZone.getRegion(zone);
            String city = zoneNames.getExemplarLocationName(zone);
            if (city == null || region == null || !codes.contains(region) || city.contains(",")
                    || city.length() < 4 || !latin(city) || "AQ".equals(region) || "UM".equals(region)) {
                continue;
            }
            String key = Normalizer.key(city);
            if (names.containsKey(key)) {
                continue;
            }
            add(added, new Entry(city, region, Kind.CITY, false, false, false, false, true, false));
        }
        // a foreign name claimed by two countries is no evidence for either
        added.values().removeIf(n -> n.entries().stream().map(Entry::code).distinct().count() > 1);
        added.values().removeIf(n -> names.containsKey(n.key()));
        names.putAll(added);
    }

    private static boolean latin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x250 && Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedReader resource(String name, boolean gzip) throws IOException {
        InputStream in = Gazetteer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource io/newsflow/countries/" + name
                    + " missing from the classpath; rebuild the countries module");
        }
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in, 1 << 16) : in,
                StandardCharsets.UTF_8), 1 << 16);
    }

    NameAutomaton automaton() {
        return automaton;
    }

    /** The name an automaton key index stands for. */
    Name name(int keyIndex) {
        return byKeyIndex[keyIndex];
    }

    Name name(String key) {
        return names.get(key);
    }

    /** Countries a place name (normalised) may be in, most likely first; null when unknown. */
    String[] place(String key) {
        return places.get(key);
    }

    int size() {
        return names.size();
    }
}
