package io.newsflow.enrich;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store whose keys are prefixed by a time bucket (one window long), so entries are found
 * with point reads (one RocksDB get per live bucket, cheap when the key is absent thanks to its Bloom
 * filters) instead of window-store range scans, which open an iterator per segment. When the clock enters
 * a new bucket, the buckets older than the window are no longer read and are deleted a slice at a time
 * (tombstones keep the compacted changelog bounded too; slices keep a big bucket from stalling one record), so
 * a lookup reads two buckets and the store holds between one and two windows of entries.
 */
public final class TimeBuckets<V> {
    private final KeyValueStore<Bytes, V> store;
    private final long windowMs;
    private final long bucketMs;
    /** deletes per call: a week of article ids is too many to delete while one record waits */
    static final int DELETES_PER_CALL = 1_000;
    private long expiredBelow = Long.MIN_VALUE;

    public TimeBuckets(KeyValueStore<Bytes, V> store, long windowMs) {
        this.store = store;
        this.windowMs = windowMs;
        this.bucketMs = Math.max(1, windowMs);
    }

    public long newest(long now) {
        return bucketOf(now);
    }

    public long oldest(long now) {
        return bucketOf(now - windowMs);
    }

    public V get(long bucket, byte[] key) {
        return store.get(key(bucket, key));
    }

    public void put(long bucket, byte[] key, V value) {
        store.put(key(bucket, key), value);
    }

    /** A value and the bucket it is in. */
    public record Found<V>(long bucket, V value) {}

    /** The key's value in the newest live bucket holding it, or null when no live bucket does. */
    public V latest(byte[] key, long now) {
        Found<V> found = find(key, now);
        return found == null ? null : found.value();
    }

    /** The same, with its bucket (to rewrite the value where it is, keeping its age). */
    public Found<V> find(byte[] key, long now) {
        for (long b = newest(now); b >= oldest(now); b--) {
            V value = get(b, key);
            if (value != null) return new Found<>(b, value);
        }
        return null;
    }

    /** Writes the key into the current bucket, after deleting a slice of the expired ones. */
    public void putCurrent(byte[] key, V value, long now) {
        expire(now);
        put(newest(now), key, value);
    }

    /**
     * Deletes up to {@value #DELETES_PER_CALL} entries of the buckets older than the window at {@code now};
     * returns how many went. Callers call it on every write: it costs nothing once the old buckets are gone.
     */
    public int expire(long now) {
        long oldestLive = oldest(now);
        if (oldestLive <= expiredBelow) return 0;
        List<Bytes> dead = new ArrayList<>();
        try (KeyValueIterator<Bytes, V> it = store.range(Bytes.wrap(new byte[8]), upperBoundOf(oldestLive - 1))) {
            while (it.hasNext() && dead.size() < DELETES_PER_CALL) dead.add(it.next().key);
        }
        dead.forEach(store::delete);
        if (dead.size() < DELETES_PER_CALL) expiredBelow = oldestLive;
        return dead.size();
    }

    private long bucketOf(long ms) {
        return bucketOf(ms, bucketMs);
    }

    /** The bucket of a time, for buckets {@code bucketMs} long: the one rule for whatever is kept by bucket. */
    public static long bucketOf(long ms, long bucketMs) {
        return Math.floorDiv(Math.max(ms, 0), Math.max(1, bucketMs));
    }

    static Bytes key(long bucket, byte[] key) {
        return Bytes.wrap(ByteBuffer.allocate(8 + key.length).putLong(bucket).put(key).array());
    }

    /** The key part after the bucket prefix. */
    public static ByteBuffer keyOf(Bytes stored) {
        return ByteBuffer.wrap(stored.get(), 8, stored.get().length - 8).slice();
    }

    /** Greater than any key of the bucket (keys are at most a few hundred bytes). */
    private static Bytes upperBoundOf(long bucket) {
        byte[] b = new byte[8 + 512];
        ByteBuffer.wrap(b).putLong(Math.max(bucket, 0));
        java.util.Arrays.fill(b, 8, b.length, (byte) 0xFF);
        return Bytes.wrap(b);
    }
}
