package io.newsflow.enrich.stories;

import io.newsflow.enrich.TimeBuckets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The newsroom's one durable record per article of the last story window: its story, when it joined, for the
 * members of a story's core what the story index compares (signature, bands, places), and trending's part (what the
 * article adds to its story's stats, encoded by trending). New versions and engagement events find their story here,
 * and both the story index ({@link StoryIndex}) and trending's story stats are rebuilt from these records when the
 * task starts, so neither has a store of its own: an article costs one changelog record in the newsroom (the store
 * is cached, so clustering's write and trending's fold into one per commit).
 * Time-bucketed (see {@link TimeBuckets}): up to two point reads per lookup.
 */
public final class ArticleStories {
    /**
     * First byte of a record of this layout. Layout 1 had no trending part; values of the layout before it are the
     * story id alone in UTF-8 (story ids start with a letter): they still give the article's story, nothing else.
     */
    private static final byte LAYOUT = 2;
    private static final byte LAYOUT_WITHOUT_TRENDING = 1;

    /**
     * What a record says: the article's story, when it joined it (MIN_VALUE if unknown), its core entry or null, and
     * trending's part or null.
     */
    public record Entry(String storyId, long joinedMs, StoryIndex.Member core, byte[] trending) {}

    /** Receives the records of the store, in no particular order. */
    @FunctionalInterface
    public interface Visitor {
        void visit(long bucket, String articleId, Entry entry);
    }

    private final KeyValueStore<Bytes, byte[]> store;
    private final TimeBuckets<byte[]> buckets;

    public ArticleStories(KeyValueStore<Bytes, byte[]> store, long windowMs) {
        this.store = store;
        this.buckets = new TimeBuckets<>(store, windowMs);
    }

    /** The story of the article, or null when it was not seen within the window. */
    public String storyOf(String articleId, long now) {
        byte[] value = buckets.latest(articleId.getBytes(StandardCharsets.UTF_8), now);
        return value == null ? null : decode(value).storyId();
    }

    /** Records that the article joined the story at {@code now}; {@code core} when it is one of the story's core. */
    public void assign(String articleId, String storyId, long now, StoryIndex.Member core) {
        buckets.putCurrent(articleId.getBytes(StandardCharsets.UTF_8), encode(storyId, now, core, null), now);
    }

    /**
     * Sets trending's part of the article's record (null: none), in the bucket the record is in, so a new version
     * does not make the record younger. Returns that bucket, or {@code Long.MIN_VALUE} when the article has no
     * record within the window (nothing is written then).
     */
    public long putTrending(String articleId, byte[] trending, long now) {
        byte[] key = articleId.getBytes(StandardCharsets.UTF_8);
        TimeBuckets.Found<byte[]> found = buckets.find(key, now);
        if (found == null) return Long.MIN_VALUE;
        Entry e = decode(found.value());
        buckets.put(found.bucket(), key, encode(e.storyId(), e.joinedMs(), e.core(), trending));
        return found.bucket();
    }

    /** The oldest bucket read at {@code now}: a record in an older one is gone or about to go. */
    public long oldestBucket(long now) {
        return buckets.oldest(now);
    }

    public void assign(String articleId, String storyId, long now) {
        assign(articleId, storyId, now, null);
    }

    /** Every record in the store (expired buckets not yet deleted included: callers filter by time). */
    public void forEach(Visitor visitor) {
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                String articleId = StandardCharsets.UTF_8.decode(TimeBuckets.keyOf(kv.key)).toString();
                visitor.visit(ByteBuffer.wrap(kv.key.get()).getLong(), articleId, decode(kv.value));
            }
        }
    }

    static byte[] encode(String storyId, long joinedMs, StoryIndex.Member core, byte[] trending) {
        byte[] id = storyId.getBytes(StandardCharsets.UTF_8);
        int trendingBytes = trending == null ? 0 : trending.length;
        int size = 1 + 2 + id.length + Long.BYTES + 1 + 4 + trendingBytes;
        if (core != null) {
            size += 2 + core.signature().length + 2 + core.bands().length * Long.BYTES
                    + codesBytes(core.places().focus()) + codesBytes(core.places().all());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(LAYOUT).putShort((short) id.length).put(id).putLong(joinedMs).put((byte) (core == null ? 0 : 1));
        if (core != null) {
            out.putShort((short) core.signature().length).put(core.signature());
            out.putShort((short) core.bands().length);
            for (long band : core.bands()) out.putLong(band);
            putCodes(out, core.places().focus());
            putCodes(out, core.places().all());
        }
        out.putInt(trendingBytes);
        if (trending != null) out.put(trending);
        return out.array();
    }

    static Entry decode(byte[] value) {
        if (value.length == 0 || (value[0] != LAYOUT && value[0] != LAYOUT_WITHOUT_TRENDING)) {
            return new Entry(new String(value, StandardCharsets.UTF_8), Long.MIN_VALUE, null, null);
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        byte layout = in.get();
        byte[] id = new byte[in.getShort() & 0xFFFF];
        in.get(id);
        long joined = in.getLong();
        StoryIndex.Member core = null;
        if (in.get() == 1) {
            byte[] signature = new byte[in.getShort() & 0xFFFF];
            in.get(signature);
            long[] bands = new long[in.getShort() & 0xFFFF];
            for (int i = 0; i < bands.length; i++) bands[i] = in.getLong();
            core = new StoryIndex.Member(joined, signature, bands, new StoryPlaces(getCodes(in), getCodes(in)));
        }
        byte[] trending = null;
        if (layout == LAYOUT) {
            int n = in.getInt();
            if (n > 0) {
                trending = new byte[n];
                in.get(trending);
            }
        }
        return new Entry(new String(id, StandardCharsets.UTF_8), joined, core, trending);
    }

    private static int codesBytes(Set<String> codes) {
        int n = 1;
        for (String c : codes) n += 1 + c.getBytes(StandardCharsets.UTF_8).length;
        return n;
    }

    private static void putCodes(ByteBuffer out, Set<String> codes) {
        out.put((byte) codes.size());
        for (String c : codes) {
            byte[] b = c.getBytes(StandardCharsets.UTF_8);
            out.put((byte) b.length).put(b);
        }
    }

    private static Set<String> getCodes(ByteBuffer in) {
        int n = in.get() & 0xFF;
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[in.get() & 0xFF];
            in.get(b);
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }
}
