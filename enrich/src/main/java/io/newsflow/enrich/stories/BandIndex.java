package io.newsflow.enrich.stories;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The LSH index: (time bucket, band key) -> ids of stories with that band. Point lookups (a RocksDB get
 * each) rather than window-store range scans, since every article probes all bands. Buckets are half a
 * story window long; when the clock enters a new bucket, buckets older than the window are deleted, so the
 * index holds between one and one and a half windows of stories.
 *
 * <p>Most articles start a story of their own, so most probes miss. A fixed 8 MB Bloom filter over the band
 * keys in the store (rebuilt from the store on start and after each expiry) skips the RocksDB lookups
 * for bands that are certainly absent; the store stays the only source of truth.
 */
final class BandIndex {
    static final int MAX_STORIES_PER_BAND = 16;

    private final KeyValueStore<Bytes, String> store;
    private final long windowMs;
    private final long bucketMs;
    private static final int BLOOM_WORDS = 1 << 20; // 2^26 bits
    private final long[] bloom = new long[BLOOM_WORDS];
    private long expiredBelow = Long.MIN_VALUE;

    BandIndex(KeyValueStore<Bytes, String> store, long windowMs) {
        this.store = store;
        this.windowMs = windowMs;
        this.bucketMs = Math.max(1, windowMs / 2);
        rebuildBloom();
    }

    private void rebuildBloom() {
        java.util.Arrays.fill(bloom, 0);
        try (KeyValueIterator<Bytes, String> it = store.all()) {
            while (it.hasNext()) mark(ByteBuffer.wrap(it.next().key.get()).getLong(8));
        }
    }

    private void mark(long band) {
        long h1 = band * 0x9E3779B97F4A7C15L;
        long h2 = Long.rotateLeft(band, 31) * 0xC2B2AE3D27D4EB4FL;
        int a = (int) (h1 >>> 38);
        int b = (int) (h2 >>> 38);
        bloom[a >>> 6] |= 1L << a;
        bloom[b >>> 6] |= 1L << b;
    }

    private boolean mightContain(long band) {
        long h1 = band * 0x9E3779B97F4A7C15L;
        long h2 = Long.rotateLeft(band, 31) * 0xC2B2AE3D27D4EB4FL;
        int a = (int) (h1 >>> 38);
        int b = (int) (h2 >>> 38);
        return (bloom[a >>> 6] & (1L << a)) != 0 && (bloom[b >>> 6] & (1L << b)) != 0;
    }

    void candidates(long[] bandKeys, long now, int limit, Collection<String> out) {
        long first = bucketOf(now - windowMs);
        long last = bucketOf(now);
        for (long bucket = last; bucket >= first; bucket--) {
            for (long band : bandKeys) {
                if (!mightContain(band)) continue;
                String ids = store.get(key(bucket, band));
                if (ids == null) continue;
                for (String id : ids.split(",")) {
                    out.add(id);
                    if (out.size() >= limit) return;
                }
            }
        }
    }

    void add(long[] bandKeys, String storyId, long now) {
        expireBefore(now);
        long bucket = bucketOf(now);
        for (long band : bandKeys) {
            Bytes key = key(bucket, band);
            String ids = mightContain(band) ? store.get(key) : null;
            mark(band);
            if (ids == null) {
                store.put(key, storyId);
                continue;
            }
            List<String> list = new ArrayList<>(Arrays.asList(ids.split(",")));
            if (list.contains(storyId)) continue;
            list.add(storyId);
            // a crowded band (boilerplate) keeps its newest stories only
            while (list.size() > MAX_STORIES_PER_BAND) list.remove(0);
            store.put(key, String.join(",", list));
        }
    }

    private void expireBefore(long now) {
        long oldestLive = bucketOf(now - windowMs);
        if (oldestLive <= expiredBelow) return;
        List<Bytes> dead = new ArrayList<>();
        try (KeyValueIterator<Bytes, String> it = store.range(lowest(), highestOf(oldestLive - 1))) {
            while (it.hasNext()) dead.add(it.next().key);
        }
        dead.forEach(store::delete);
        if (!dead.isEmpty()) rebuildBloom();
        expiredBelow = oldestLive;
    }

    private long bucketOf(long ms) {
        return Math.floorDiv(Math.max(ms, 0), bucketMs);
    }

    static Bytes key(long bucket, long band) {
        return Bytes.wrap(ByteBuffer.allocate(16).putLong(bucket).putLong(band).array());
    }

    private static Bytes lowest() {
        return Bytes.wrap(new byte[16]);
    }

    private static Bytes highestOf(long bucket) {
        byte[] b = ByteBuffer.allocate(16).putLong(Math.max(bucket, 0)).putLong(-1L).array();
        return Bytes.wrap(b);
    }
}
