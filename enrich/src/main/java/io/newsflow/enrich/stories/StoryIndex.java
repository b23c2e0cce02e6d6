package io.newsflow.enrich.stories;

import io.newsflow.enrich.TimeBuckets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The open stories' member signatures and the LSH index over their bands.
 *
 * <p>Durable in one changelogged key-value store, one entry per story and time bucket ({@link TimeBuckets}) holding
 * that story's members added in the bucket: so adding a member costs one store write and one changelog record,
 * not one per band. Read from the heap: the index (band -> stories) and the members are rebuilt from the store
 * when the task starts, and every probe of an article's bands is a hash lookup. The heap holds what the store
 * holds: one to two story windows of members, about 1.3 KB per member with its index entries.
 */
final class StoryIndex {
    static final int MAX_STORIES_PER_BAND = 16;

    record Member(long addedMs, byte[] signature, long[] bands) {}

    private final TimeBuckets<byte[]> buckets;
    private final long windowMs;
    private final int signatureBytes;
    private final int bandCount;
    private final int entryBytes;
    /** bucket -> band -> stories having it in that bucket (newest last) */
    private final NavigableMap<Long, BandTable> bands = new TreeMap<>();
    /** bucket -> story -> members added in that bucket */
    private final NavigableMap<Long, Map<String, List<Member>>> members = new TreeMap<>();

    StoryIndex(KeyValueStore<Bytes, byte[]> store, long windowMs, int signatureBytes, int bandCount) {
        this.buckets = new TimeBuckets<>(store, windowMs);
        this.windowMs = windowMs;
        this.signatureBytes = signatureBytes;
        this.bandCount = bandCount;
        this.entryBytes = Long.BYTES + signatureBytes + bandCount * Long.BYTES;
        rebuild(store);
    }

    private void rebuild(KeyValueStore<Bytes, byte[]> store) {
        record Loaded(long bucket, String storyId, Member member) {}
        List<Loaded> loaded = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                long bucket = ByteBuffer.wrap(kv.key.get()).getLong();
                ByteBuffer id = TimeBuckets.keyOf(kv.key);
                String storyId = StandardCharsets.UTF_8.decode(id).toString();
                for (Member m : decode(kv.value)) loaded.add(new Loaded(bucket, storyId, m));
            }
        }
        // replayed in the order they were added, so a crowded band keeps the same newest stories as before
        loaded.sort(Comparator.comparingLong((Loaded l) -> l.member().addedMs()).thenComparing(Loaded::storyId));
        for (Loaded l : loaded) index(l.bucket(), l.storyId(), l.member());
    }

    /**
     * Counts, for every story sharing at least one band with the signature within the window, how many of the
     * signature's bands it shares: the more bands, the more similar (a band matches with probability
     * similarity^rows), so callers verify the best-placed candidates first.
     */
    void candidates(long[] bandKeys, long now, Map<String, Integer> hits) {
        var live = bands.subMap(buckets.oldest(now), true, buckets.newest(now), true).values();
        Set<String> inBand = new HashSet<>();
        for (long band : bandKeys) {
            inBand.clear();
            boolean crowded = false;
            for (BandTable bucket : live) {
                List<String> stories = bucket.get(band);
                if (stories.isEmpty()) continue;
                crowded |= stories.size() >= MAX_STORIES_PER_BAND;
                inBand.addAll(stories);
            }
            // a band shared by that many stories is boilerplate: it says nothing about this one (the other bands do)
            if (crowded) continue;
            for (String id : inBand) hits.merge(id, 1, Integer::sum);
        }
    }

    /** The story's member signatures added within the window at {@code now}. */
    List<byte[]> signatures(String storyId, long now) {
        List<byte[]> out = new ArrayList<>(4);
        for (Map<String, List<Member>> bucket : members.subMap(buckets.oldest(now), true, buckets.newest(now), true).values()) {
            for (Member m : bucket.getOrDefault(storyId, List.of())) {
                if (m.addedMs() >= now - windowMs) out.add(m.signature());
            }
        }
        return out;
    }

    void add(String storyId, byte[] signature, long[] bandKeys, long now) {
        if (signature.length != signatureBytes || bandKeys.length != bandCount) {
            throw new IllegalArgumentException("member of " + signature.length + " signature bytes and " + bandKeys.length
                    + " bands, expected " + signatureBytes + " and " + bandCount);
        }
        expire(now);
        long bucket = buckets.newest(now);
        index(bucket, storyId, new Member(now, signature.clone(), bandKeys.clone()));
        buckets.put(bucket, storyId.getBytes(StandardCharsets.UTF_8), encode(members.get(bucket).get(storyId)));
    }

    private void expire(long now) {
        buckets.expire(now);
        long oldest = buckets.oldest(now);
        bands.headMap(oldest, false).clear();
        members.headMap(oldest, false).clear();
    }

    private void index(long bucket, String storyId, Member m) {
        members.computeIfAbsent(bucket, b -> new HashMap<>()).computeIfAbsent(storyId, s -> new ArrayList<>(2)).add(m);
        // a crowded band (boilerplate) keeps its newest stories only
        BandTable index = bands.computeIfAbsent(bucket, b -> new BandTable(MAX_STORIES_PER_BAND));
        for (long band : m.bands()) index.add(band, storyId);
    }

    private byte[] encode(List<Member> list) {
        ByteBuffer out = ByteBuffer.allocate(list.size() * entryBytes);
        for (Member m : list) {
            out.putLong(m.addedMs()).put(m.signature());
            for (long band : m.bands()) out.putLong(band);
        }
        return out.array();
    }

    private List<Member> decode(byte[] value) {
        List<Member> out = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(value);
        while (in.remaining() >= entryBytes) {
            long added = in.getLong();
            byte[] signature = new byte[signatureBytes];
            in.get(signature);
            long[] bandKeys = new long[bandCount];
            for (int i = 0; i < bandCount; i++) bandKeys[i] = in.getLong();
            out.add(new Member(added, signature, bandKeys));
        }
        return out;
    }
}
