package io.newsflow.countries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Finds gazetteer names in one field: a single Aho–Corasick pass over the normalised text, then the
 * leftmost-longest whole-word matches, each checked against the case and context of the original text
 * (capitals, person names, sentence starts).
 */
final class TextScanner {

    /** Words before a name that make it a person's name (Mr Paris, President Lincoln). */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "sen", "senator", "gov",
            "governor", "rep", "representative", "president", "minister", "judge", "justice", "gen", "general",
            "col", "colonel", "capt", "captain", "lt", "sgt", "prof", "professor", "king", "queen", "prince",
            "princess", "lord", "lady", "sir", "coach", "chairman", "sheikh", "mayor", "secretary", "spokesman",
            "spokeswoman", "bishop", "father", "rev", "pastor", "officer", "detective", "deputy", "commissioner",
            "chancellor", "ambassador", "director", "chief", "player", "singer", "actor", "actress", "star", "jr",
            "sr", "dear", "uncle", "aunt", "brother", "sister", "son", "daughter",
            "wife", "husband", "mother", "mom", "dad", "teammate", "guard", "forward", "quarterback", "striker");
    /** Capitalised words before a name that do not make it part of a person's name. */
    private static final Set<String> NOT_GIVEN_NAMES = Set.of("the", "in", "at", "from", "to", "for", "of", "and",
            "on", "by", "with", "into", "across", "near", "outside", "inside", "but", "or", "as", "while", "when",
            "after", "before", "since", "both", "between", "new", "north", "south", "east", "west", "northern",
            "southern", "eastern", "western", "central", "upper", "lower", "greater", "downtown", "suburban",
            "metropolitan", "a", "an", "if", "that", "this", "where", "said", "says", "via", "than", "like",
            "including", "against", "over", "under", "visit", "visits", "visited", "leave", "leaves", "left",
            "reach", "reached", "also", "only", "even", "all", "u.s.", "us", "uk", "british", "american",
            "european", "african", "asian", "arab");
    /** Capitalised words after a person-like name that show it is the place (Jordan Valley, Paris Bourse). */
    /** Words after a place name that make it the name of a street or a school: Jordan Elementary, Lebanon Road. */
    private static final List<String> NAMED_AFTER = List.of("street", "st", "road", "rd", "avenue", "ave", "boulevard",
            "blvd", "lane", "drive", "pike", "elementary", "middle", "township");

    private static final Set<String> PLACE_FOLLOWERS = Set.of("city", "province", "state", "region", "valley",
            "river", "island", "islands", "basin", "bay", "government", "radio", "television", "tv", "times",
            "post", "daily", "news", "bank", "airlines", "airways", "club", "bourse", "stock", "stocks", "exchange",
            "inc", "corp", "co", "ltd", "plc", "power", "tech", "university", "army", "navy", "air", "police",
            "foreign", "prime", "president", "minister", "ministry", "king", "queen", "parliament", "embassy",
            "senate", "assembly", "court", "port", "airport", "harbor", "harbour", "county", "district", "area",
            "border", "coast", "sea", "gulf", "republic", "national", "central", "federal", "international",
            "telecom", "energy", "oil", "petroleum", "gas", "electric", "railway", "railways", "general", "street",
            "avenue", "road", "metro", "opera", "zoo", "marathon", "open", "motor", "motors", "steel", "mining",
            "trust", "securities", "capital", "fund", "insurance", "life", "savings", "federation", "board",
            "council", "cabinet", "authorities", "officials", "officers", "troops", "forces", "says", "said",
            "on", "and", "is", "was", "has", "will", "would", "to", "for", "in", "of", "at", "the");

    static final int MAX_FIELD_CHARS = 4 << 20;

    private final Gazetteer gazetteer;

    TextScanner(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Matches in one field, after the case and context checks. */
    List<Mention> scan(String source, Mention.Field field, int leadChars) {
        List<Mention> out = new ArrayList<>();
        if (source == null || source.isEmpty()) {
            return out;
        }
        if (source.length() > MAX_FIELD_CHARS) {
            source = source.substring(0, MAX_FIELD_CHARS); // offsets are packed into 23 bits; no article is this long
        }
        Hits hits = new Hits();
        char[] folded = new char[source.length()];
        boolean caps = Normalizer.foldInto(source, folded);
        gazetteer.automaton().scanWordStarts(folded, folded.length, (key, start, end) -> {
            if (end >= folded.length || !isWordChar(folded[end])) {
                hits.add(start, end, key);
            }
        });
        if (hits.size == 0) {
            return out;
        }
        // leftmost, then longest: sort packed (start, -length, key)
        long[] packed = Arrays.copyOf(hits.packed, hits.size);
        Arrays.sort(packed);
        int covered = -1;
        for (long p : packed) {
            int start = (int) (p >>> 40);
            int end = start + (Hits.MAX_LEN - (int) ((p >>> 24) & 0xFFFF));
            int key = (int) (p & 0xFFFFFF);
            if (start < covered) {
                continue;
            }
            int from = start;
            int to = end;
            String span = source.substring(from, to);
            Mention m = accept(source, from, to, span, gazetteer.name(key), field, caps, leadChars);
            if (m != null) {
                covered = end;
                out.add(m);
            }
        }
        return out;
    }

    private Mention accept(String source, int from, int to, String span, Gazetteer.Name name, Mention.Field field,
                           boolean caps, int leadChars) {
        List<Gazetteer.Entry> candidates = new ArrayList<>(name.entries().size());
        for (Gazetteer.Entry e : name.entries()) {
            if (e.caseSensitive() && !(caps ? span.equalsIgnoreCase(e.name()) : span.equals(e.name()))) {
                continue;
            }
            if (e.afterComma() && !afterComma(source, from)) {
                continue;
            }
            candidates.add(e);
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (!caps && !Character.isUpperCase(span.charAt(0)) && !Character.isDigit(span.charAt(0))) {
            return null; // place names are proper nouns: turkey, china (the porcelain), chad (paper)
        }
        boolean sentenceStart = sentenceStart(source, from);
        String previous = previousWord(source, from);
        String previousKey = previous == null ? null : Normalizer.key(previous);
        if (previousKey != null && TITLES.contains(previousKey)) {
            if (candidates.get(0).kind() != Kind.PHRASE && !anyKind(candidates, Kind.ABBREV, Kind.DEMONYM, Kind.METONYM)) {
                return null; // Mr Lima, President Washington, Sen. Jackson
            }
        }
        boolean personLike = name.personName() || allPlaces(candidates);
        if (!caps && personLike && previous != null && !sentenceStart && isCapitalised(previous)
                && !NOT_GIVEN_NAMES.contains(previousKey) && gazetteer.name(previousKey) == null
                && !anyKind(candidates, Kind.PHRASE, Kind.PHRASE, Kind.PHRASE)) {
            return null; // Michael Jordan, Carlos Lima: a surname, not a place
        }
        if (!caps && followedByNamedAfterWord(source, to)) {
            return null; // a street or a school named after the place, not the place
        }
        if (!caps && name.personName()) {
            String next = nextWord(source, to);
            String nextKey = next == null ? null : Normalizer.key(next);
            if (next != null && isCapitalised(next) && !PLACE_FOLLOWERS.contains(nextKey)
                    && gazetteer.name(nextKey) == null) {
                return null; // Jordan Peterson, Paris Hilton, Chad Smith: a given name
            }
        }
        boolean needsCorroboration = name.weak() || name.ordinaryWord() && caps
                || name.commonWord() && (caps || sentenceStart);
        return new Mention(field, from, to, span, name, candidates, from < leadChars, needsCorroboration);
    }

    /** Matches packed into longs so that one primitive sort orders them leftmost-longest. */
    private static final class Hits {
        static final int MAX_LEN = 0xFFFF;
        long[] packed = new long[16];
        int size;

        void add(int start, int end, int key) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = ((long) start << 40) | ((long) (MAX_LEN - (end - start)) << 24) | key;
        }
    }

    private static boolean isWordChar(char c) {
        return NameAutomaton.isWordChar(c);
    }

    static boolean isAllCaps(String s) {
        return Normalizer.isAllCaps(s);
    }

    private static boolean anyKind(List<Gazetteer.Entry> entries, Kind a, Kind b, Kind c) {
        for (Gazetteer.Entry e : entries) {
            if (e.kind() == a || e.kind() == b || e.kind() == c) {
                return true;
            }
        }
        return false;
    }

    static boolean allPlaces(List<Gazetteer.Entry> entries) {
        for (Gazetteer.Entry e : entries) {
            if (!e.kind().isPlace()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }

    private static boolean sentenceStart(String s, int from) {
        int i = from - 1;
        while (i >= 0 && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = s.charAt(i);
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == '"' || c == '\u201c'
                || c == ':' || c == '-' || c == '(' || c == '\'' || c == '\u2018';
    }

    private static boolean afterComma(String s, int from) {
        int i = from - 1;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && s.charAt(i) == ',';
    }

    /** The word right before, separated by spaces only; null after punctuation or at the start. */
    private static String previousWord(String s, int from) {
        int i = from - 1;
        if (i < 0 || s.charAt(i) != ' ') {
            return null;
        }
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        int end = i + 1;
        if (i >= 0 && s.charAt(i) == '.') {
            i--; // Mr. / Sen. / Gen.
        }
        while (i >= 0 && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '\'')) {
            i--;
        }
        String w = s.substring(i + 1, end);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        return w.isEmpty() ? null : w;
    }

    /** The word right after, separated by one or more spaces only; null after punctuation or at the end. */
    /** "Jordan Elementary", "Lebanon Road": checked without allocating, it runs for every match. */
    private static boolean followedByNamedAfterWord(String s, int to) {
        int j = to + 1;
        if (j >= s.length() || s.charAt(to) != ' ' || !Character.isUpperCase(s.charAt(j))) {
            return false;
        }
        int k = j;
        while (k < s.length() && Character.isLetter(s.charAt(k))) {
            k++;
        }
        int length = k - j;
        for (String word : NAMED_AFTER) {
            if (word.length() == length && s.regionMatches(true, j, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static String nextWord(String s, int to) {
        int i = to;
        if (i >= s.length() || s.charAt(i) != ' ') {
            return null;
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '\'')) {
            i++;
        }
        return i > start ? s.substring(start, i) : null;
    }
}
