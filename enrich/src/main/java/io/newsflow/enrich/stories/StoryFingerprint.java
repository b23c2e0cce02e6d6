package io.newsflow.enrich.stories;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import io.newsflow.schemas.avro.Article;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;

/**
 * MinHash signature of an article's headline, lead and the start of its body, over its set of
 * content words. Agencies rewrite headlines but keep the facts (names, places, numbers), so the word
 * sets of one story overlap far more than those of two stories that only share a country or a topic.
 * LSH: {@value #BANDS} bands of {@value #ROWS} components; articles sharing any band are candidates,
 * then the estimated Jaccard similarity decides.
 */
public final class StoryFingerprint {
    public static final int COMPONENTS = 64;
    public static final int ROWS = 2;
    public static final int BANDS = COMPONENTS / ROWS;
    private static final int BITS = 16;

    private static final SimilarityHashPolicy POLICY = SimilarityHashing.superMinHash(COMPONENTS, BITS);
    private static final Hasher64 HASH = Hashing.xxh3_64();
    /** Every signature has this length. */
    public static final int SIGNATURE_BYTES = POLICY.createHasher().compute(ElementHashProvider.ofValues(1, 2, 3, 4)).length;
    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "his", "her", "its",
            "from", "this", "they", "their", "said", "says", "will", "would", "been", "but", "not", "who", "which",
            "after", "over", "into", "about", "than", "also", "more", "most", "other", "some", "such", "there",
            "when", "where", "while", "what", "them", "then", "these", "those", "on", "in", "of", "to", "a", "an",
            "at", "by", "is", "it", "as", "be", "or", "he", "she", "we", "you", "i", "our", "out", "up", "new",
            "all", "one", "two", "year", "years", "told", "can", "could", "may", "just", "did", "does",
            "under", "before", "since", "last", "first", "during", "against", "between", "through", "per", "cent",
            "percent", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "reuters", "afp");

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
        long[] words = wordHashes(a);
        if (words.length < 4) return null;
        return POLICY.createHasher().compute(ElementHashProvider.ofValues(words));
    }

    public static double similarity(byte[] a, byte[] b) {
        return POLICY.getFractionOfEqualComponents(a, b);
    }

    /** LSH band keys: equal keys for equal rows of a band (the band index is mixed in). */
    public static long[] bandKeys(byte[] signature) {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long k = band;
            for (int r = 0; r < ROWS; r++) {
                k = k * 0x9E3779B97F4A7C15L + POLICY.getComponent(signature, band * ROWS + r);
            }
            keys[band] = HASH.hashLongToLong(k);
        }
        return keys;
    }

    long[] wordHashes(Article a) {
        StringBuilder text = new StringBuilder();
        append(text, a.getHeadline());
        append(text, a.getSummary());
        String body = a.getBody();
        if (body != null) append(text, body.length() > bodyChars ? body.substring(0, bodyChars) : body);
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean wordChar = i < normal.length() && (Character.isLetterOrDigit(normal.charAt(i)));
            if (wordChar && start < 0) start = i;
            if (!wordChar && start >= 0) {
                addWord(normal.substring(start, i), seen);
                start = -1;
            }
        }
        long[] out = new long[seen.size()];
        int i = 0;
        for (Long h : seen) out[i++] = h;
        return out;
    }

    private static void addWord(String w, java.util.Set<Long> seen) {
        boolean numeric = Character.isDigit(w.charAt(0));
        if ((!numeric && w.length() < 3) || STOPWORDS.contains(w)) return;
        // cheap plural folding so "quake"/"quakes" and "rescuer"/"rescuers" meet
        if (!numeric && w.length() > 4 && w.endsWith("s") && !w.endsWith("ss")) w = w.substring(0, w.length() - 1);
        seen.add(HASH.hashCharsToLong(w));
    }

    private static void append(StringBuilder sb, String s) {
        if (s != null && !s.isBlank()) sb.append(s).append('\n');
    }
}
