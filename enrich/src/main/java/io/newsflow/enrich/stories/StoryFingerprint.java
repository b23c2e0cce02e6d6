package io.newsflow.enrich.stories;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import io.newsflow.schemas.avro.Article;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;

/**
 * MinHash signature of an article's headline, lead and the start of its body, over its set of
 * content words. Agencies rewrite headlines but keep the facts (names, places, numbers), so the word
 * sets of one story overlap far more than those of two stories that only share a country or a topic.
 * LSH: {@value #BANDS} bands of {@value #ROWS} components; articles sharing any band are candidates,
 * then the estimated Jaccard similarity decides. A second MinHash over the names and figures alone tells apart
 * events written to one skeleton ("Voters in X cast ballots on Sunday..."), which share most of their words.
 */
public final class StoryFingerprint {
    public static final int COMPONENTS = 64;
    public static final int ROWS = 2;
    public static final int BANDS = COMPONENTS / ROWS;
    private static final int BITS = 16;

    private static final SimilarityHashPolicy POLICY = SimilarityHashing.superMinHash(COMPONENTS, BITS);
    private static final Hasher64 HASH = Hashing.xxh3_64();
    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One part (words, or names and figures) of a signature. */
    static final int PART_BYTES = POLICY.createHasher().compute(ElementHashProvider.ofValues(1, 2, 3, 4)).length;
    /** Every signature has this length: the words' MinHash, then the names' and figures' (zeros when too few). */
    public static final int SIGNATURE_BYTES = 2 * PART_BYTES;
    /** Fewer names and figures than this say nothing about the event. */
    static final int MIN_SPECIFICS = 3;
    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "his", "her", "its",
            "from", "this", "they", "their", "said", "says", "will", "would", "been", "but", "not", "who", "which",
            "after", "over", "into", "about", "than", "also", "more", "most", "other", "some", "such", "there",
            "when", "where", "while", "what", "them", "then", "these", "those", "on", "in", "of", "to", "a", "an",
            "at", "by", "is", "it", "as", "be", "or", "he", "she", "we", "you", "i", "our", "out", "up", "new",
            "all", "one", "two", "year", "years", "told", "can", "could", "may", "just", "did", "does",
            "under", "before", "since", "last", "first", "during", "against", "between", "through", "per", "cent",
            "percent", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "reuters", "reuter", "afp");

    private final int bodyChars;

    /**
     * The signature as it travels from the per-partition stage to the newsroom: a record header, empty when the
     * article has too little text to compare.
     */
    public static final class Header {
        public static final String NAME = "newsflow.story.signature";
        private static final byte[] NONE = new byte[0];

        private Header() {}

        public static void attach(Headers headers, byte[] signature) {
            headers.remove(NAME);
            headers.add(NAME, signature == null ? NONE : signature);
        }

        /**
         * Takes the header off the record (it is not for downstream topics) and returns the signature, whose value
         * is null for too little text; a record without the header (written before it existed) gets
         * {@code computed}, called only if the signature is asked for.
         */
        public static Supplier<byte[]> take(Headers headers, Supplier<byte[]> computed) {
            org.apache.kafka.common.header.Header h = headers.lastHeader(NAME);
            if (h == null) return computed;
            headers.remove(NAME);
            byte[] v = h.value();
            byte[] carried = v != null && v.length == SIGNATURE_BYTES ? v : null;
            return () -> carried;
        }
    }

    public StoryFingerprint(int bodyChars) {
        this.bodyChars = bodyChars;
    }

    /** The signature, or null when the article has too little text to compare. */
    public byte[] signature(Article a) {
        // a headline alone is too little: templated flashes ("XYZ CORP 3RD QTR SHR 52 CTS VS 43 CTS") share most words
        if (blank(a.getSummary()) && blank(a.getBody())) return null;
        Words w = words(a);
        if (w.all().length < 4) return null;
        byte[] out = new byte[SIGNATURE_BYTES];
        System.arraycopy(POLICY.createHasher().compute(ElementHashProvider.ofValues(w.all())), 0, out, 0, PART_BYTES);
        if (w.specifics().length >= MIN_SPECIFICS) {
            System.arraycopy(POLICY.createHasher().compute(ElementHashProvider.ofValues(w.specifics())), 0, out, PART_BYTES,
                    PART_BYTES);
        }
        return out;
    }

    /** Estimated Jaccard similarity of the two articles' words (names and figures weighing more). */
    public static double similarity(byte[] a, byte[] b) {
        return fractionOfEqualComponents(a, b, 0);
    }

    /**
     * Estimated Jaccard similarity of the two articles' names and figures alone, or -1 when either has too few to
     * tell: two events written to one skeleton share most words and few names or figures.
     */
    public static double specificSimilarity(byte[] a, byte[] b) {
        if (isZero(a, PART_BYTES) || isZero(b, PART_BYTES)) return -1;
        return fractionOfEqualComponents(a, b, PART_BYTES);
    }

    private static boolean isZero(byte[] signature, int offset) {
        for (int i = offset; i < offset + PART_BYTES; i++) if (signature[i] != 0) return false;
        return true;
    }

    /**
     * The share of equal {@value #BITS}-bit components of one part of two signatures, read in place: the newsroom
     * compares an article with up to 64 members, and copying each part first would make garbage of every comparison.
     * The same figure as the policy's own ({@code StoryFingerprintTest} checks).
     */
    static double fractionOfEqualComponents(byte[] a, byte[] b, int offset) {
        int equal = 0;
        for (int i = offset; i < offset + PART_BYTES; i += 2) {
            if (a[i] == b[i] && a[i + 1] == b[i + 1]) equal++;
        }
        return (double) equal / COMPONENTS;
    }

    /** The policy's own figure over copies of the parts (for tests). */
    static double policyFraction(byte[] a, byte[] b, int offset) {
        return POLICY.getFractionOfEqualComponents(Arrays.copyOfRange(a, offset, offset + PART_BYTES),
                Arrays.copyOfRange(b, offset, offset + PART_BYTES));
    }

    /** LSH band keys: equal keys for equal rows of a band (the band index is mixed in). */
    public static long[] bandKeys(byte[] signature) {
        byte[] words = Arrays.copyOf(signature, PART_BYTES);
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long k = band;
            for (int r = 0; r < ROWS; r++) {
                k = k * 0x9E3779B97F4A7C15L + POLICY.getComponent(words, band * ROWS + r);
            }
            keys[band] = HASH.hashLongToLong(k);
        }
        return keys;
    }

    /**
     * The hashes of the article's content words. Names and figures (a capitalised word inside a sentence, a word with
     * a digit) are what tells one event from another written to the same skeleton ("Voters in X cast ballots on
     * Sunday..."): each counts {@value #SPECIFIC_WEIGHT} times, so two articles must share them to be similar, and
     * a shared template with other places, names or figures stays apart. The source's own name (a dateline's
     * "(Agency)") is left out: every item of that source has it.
     */
    record Words(long[] all, long[] specifics) {}

    Words words(Article a) {
        Set<String> sourceWords = new HashSet<>();
        collectWords(a.getSource(), sourceWords);
        collectWords(a.getCredit(), sourceWords);
        Map<String, Boolean> words = new HashMap<>();
        String body = a.getBody();
        List<String> fields = new ArrayList<>(3);
        fields.add(a.getHeadline());
        fields.add(a.getSummary());
        if (body != null) fields.add(body.length() > bodyChars ? body.substring(0, bodyChars) : body);
        // fields in sentence case first: an all-caps field (a wire headline) is read against their words
        List<String> shouting = new ArrayList<>(1);
        for (String f : fields) {
            if (f == null || f.isBlank()) continue;
            if (isShouting(f)) shouting.add(f); else addField(f, words, null);
        }
        Set<String> plain = Set.copyOf(words.keySet());
        for (String f : shouting) addField(f, words, plain);
        HashSet<Long> seen = new HashSet<>();
        HashSet<Long> specifics = new HashSet<>();
        for (Map.Entry<String, Boolean> w : words.entrySet()) {
            if (sourceWords.contains(w.getKey())) continue;
            long h = HASH.hashCharsToLong(w.getKey());
            seen.add(h);
            if (w.getValue()) {
                specifics.add(h);
                for (int copy = 1; copy < SPECIFIC_WEIGHT; copy++) seen.add(HASH.hashLongToLong(h + copy));
            }
        }
        return new Words(toArray(seen), toArray(specifics));
    }

    private static long[] toArray(Set<Long> hashes) {
        long[] out = new long[hashes.size()];
        int i = 0;
        for (Long h : hashes) out[i++] = h;
        return out;
    }

    /** How many times a name or a figure counts against a common word. */
    static final int SPECIFIC_WEIGHT = 3;

    /**
     * The field's words, each marked specific or not. Capitals say "name" only inside a sentence and only in a field
     * written in sentence case: in a title-case headline every word is capitalised, and says nothing. An all-caps
     * field ({@code plain} given: the words of the other fields) names what the rest of the article does not say in
     * plain words: "COLGATE-PALMOLIVE CO SETS PAYOUT" over "Qtly div 34 cts vs 34 cts" is about Colgate-Palmolive.
     */
    private static void addField(String field, Map<String, Boolean> words, Set<String> plain) {
        String text = Normalizer.normalize(field, Normalizer.Form.NFKC);
        List<int[]> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || joinsDigits(text, i));
            if (wordChar && start < 0) start = i;
            if (!wordChar && start >= 0) {
                spans.add(new int[] {start, i});
                start = -1;
            }
        }
        int capitalised = 0;
        for (int[] w : spans) if (Character.isUpperCase(text.charAt(w[0]))) capitalised++;
        boolean namesReadable = capitalised * 2 < spans.size();
        int previousEnd = 0;
        for (int[] w : spans) {
            boolean sentenceStart = startsSentence(text, previousEnd, w[0]);
            previousEnd = w[1];
            String raw = text.substring(w[0], w[1]);
            boolean figure = raw.chars().anyMatch(Character::isDigit);
            String word = fold(raw.toLowerCase(Locale.ROOT));
            if (word == null) continue;
            boolean name = plain != null
                    ? !plain.isEmpty() && !plain.contains(word) // with nothing in plain words, capitals say nothing
                    : namesReadable && !sentenceStart && Character.isUpperCase(raw.charAt(0));
            words.merge(word, figure || (name && !MONTHS.contains(word)), Boolean::logicalOr);
        }
    }

    /** A point, comma, slash or hyphen between digits: "4.3", "1,250", "7-3/4" are one figure each. */
    private static boolean joinsDigits(String text, int i) {
        char c = text.charAt(i);
        return (c == '.' || c == ',' || c == '/' || c == '-') && i > 0 && i + 1 < text.length()
                && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
    }

    /** Letters, none of them lowercase. */
    private static boolean isShouting(String field) {
        boolean letters = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isLowerCase(c)) return false;
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /** Capitalised, but calendar words rather than names: they say when, and many events share them. */
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december");

    /** True when only spaces, quotes or brackets follow a sentence end (or the field start) before the word. */
    private static boolean startsSentence(String text, int from, int wordStart) {
        if (from == 0) return true;
        for (int i = wordStart - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '-' || c == '\u2014' || c == '\u2013') {
                return true;
            }
        }
        return false;
    }

    private static void collectWords(String s, Set<String> out) {
        if (s == null) return;
        for (String w : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) out.add(w);
        }
    }

    /** The word as it is compared, or null for a word too common to say anything. */
    private static String fold(String w) {
        boolean numeric = Character.isDigit(w.charAt(0));
        if ((!numeric && w.length() < 3) || STOPWORDS.contains(w)) return null;
        // cheap plural folding so "quake"/"quakes" and "rescuer"/"rescuers" meet
        if (!numeric && w.length() > 4 && w.endsWith("s") && !w.endsWith("ss")) return w.substring(0, w.length() - 1);
        return w;
    }

}
