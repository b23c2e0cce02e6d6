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

    /** One indexed article of a story: when it was added, its signature, its LSH bands and its places. */
    record Member(long addedMs, byte[] signature, long[] bands, StoryPlaces places) {}

    /**
     * First byte of a store value of this layout (members with places; signatures of words and of names and figures).
     * Values of the layout before start with the first member's time, whose first byte is 0 for any date of this
     * era: their signatures were computed another way and cannot be compared, so they are skipped. The articles they
     * indexed keep their stories ({@link ArticleStories}); later articles of those events start new ones.
     */
    private static final byte LAYOUT = 2;

    private final TimeBuckets<byte[]> buckets;
    private final long windowMs;
    private final int signatureBytes;
    private final int bandCount;
    private final int entryBytes;
    /** bucket -> band -> stories having it in that bucket (newest last) */
    private final NavigableMap<Long, BandTable> bands = new TreeMap<>();
    /** bucket -> story -> members added in that bucket */
    private final NavigableMap<Long, Map<String, List<Member>>> members = new TreeMap<>();
    /** story -> time of its latest article (any, not only the core) */
    private final Map<String, Long> lastSeen = new HashMap<>();
    /** story -> the latest time written to the store for it */
    private final Map<String, Long> lastPersisted = new HashMap<>();
    private long seenExpiredBelow = Long.MIN_VALUE;
    /** Key suffix of a story's last-activity entry; story ids never contain it. */
    static final String SEEN_SUFFIX = "#seen";
    static final long SEEN_PERSIST_MS = 3_600_000L;

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
                String key = StandardCharsets.UTF_8.decode(id).toString();
                if (key.endsWith(SEEN_SUFFIX)) {
                    if (kv.value.length == Long.BYTES) {
                        seen(key.substring(0, key.length() - SEEN_SUFFIX.length()), ByteBuffer.wrap(kv.value).getLong());
                    }
                    continue;
                }
                for (Member m : decode(kv.value)) loaded.add(new Loaded(bucket, key, m));
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
        return members(storyId, now).stream().map(Member::signature).toList();
    }

    /** The story's members added within the window at {@code now}, oldest first: the core it is compared by. */
    List<Member> members(String storyId, long now) {
        List<Member> out = new ArrayList<>(4);
        for (Map<String, List<Member>> bucket : members.subMap(buckets.oldest(now), true, buckets.newest(now), true).values()) {
            for (Member m : bucket.getOrDefault(storyId, List.of())) {
                if (m.addedMs() >= now - windowMs) out.add(m);
            }
        }
        return out;
    }

    void add(String storyId, byte[] signature, long[] bandKeys, long now) {
        add(storyId, signature, bandKeys, StoryPlaces.NONE, now);
    }

    void add(String storyId, byte[] signature, long[] bandKeys, StoryPlaces places, long now) {
        if (signature.length != signatureBytes || bandKeys.length != bandCount) {
            throw new IllegalArgumentException("member of " + signature.length + " signature bytes and " + bandKeys.length
                    + " bands, expected " + signatureBytes + " and " + bandCount);
        }
        expire(now);
        long bucket = buckets.newest(now);
        index(bucket, storyId, new Member(now, signature.clone(), bandKeys.clone(), places));
        buckets.put(bucket, storyId.getBytes(StandardCharsets.UTF_8), encode(members.get(bucket).get(storyId)));
    }

    private void expire(long now) {
        buckets.expire(now);
        long oldest = buckets.oldest(now);
        bands.headMap(oldest, false).clear();
        members.headMap(oldest, false).clear();
        if (oldest > seenExpiredBelow) {
            lastSeen.values().removeIf(t -> t < now - windowMs);
            lastPersisted.values().removeIf(t -> t < now - windowMs);
            seenExpiredBelow = oldest;
        }
    }

    /**
     * Notes that the story got an article at {@code now}. Kept on the heap exactly; in the store only when what the
     * store already says (its core members' times, its last entry of this kind) is {@link #SEEN_PERSIST_MS} or more
     * behind: a tiny entry beside its members. So a story's last activity survives a restart within that margin, a
     * new story costs no extra write, and a busy story one small write an hour.
     */
    void touch(String storyId, long now) {
        if (now <= lastSeen.getOrDefault(storyId, Long.MIN_VALUE)) return;
        lastSeen.put(storyId, now);
        long durable = lastPersisted.getOrDefault(storyId, Long.MIN_VALUE);
        for (Member m : members(storyId, now)) durable = Math.max(durable, m.addedMs());
        if (durable == Long.MIN_VALUE || now - durable >= SEEN_PERSIST_MS) {
            expire(now);
            buckets.put(buckets.newest(now), (storyId + SEEN_SUFFIX).getBytes(StandardCharsets.UTF_8),
                    ByteBuffer.allocate(Long.BYTES).putLong(now).array());
            lastPersisted.put(storyId, now);
        }
    }

    /** When the story last got an article (within the window), or its newest core member's time, or MIN_VALUE. */
    long lastSeen(String storyId, long now) {
        return lastSeen(storyId, members(storyId, now));
    }

    /** The same, from the story's core as the caller has just read it (no second read of the members). */
    long lastSeen(String storyId, List<Member> core) {
        long last = lastSeen.getOrDefault(storyId, Long.MIN_VALUE);
        for (Member m : core) last = Math.max(last, m.addedMs());
        return last;
    }

    private void seen(String storyId, long at) {
        lastSeen.merge(storyId, at, Math::max);
        lastPersisted.merge(storyId, at, Math::max);
    }

    private void index(long bucket, String storyId, Member m) {
        members.computeIfAbsent(bucket, b -> new HashMap<>()).computeIfAbsent(storyId, s -> new ArrayList<>(2)).add(m);
        // a crowded band (boilerplate) keeps its newest stories only
        BandTable index = bands.computeIfAbsent(bucket, b -> new BandTable(MAX_STORIES_PER_BAND));
        for (long band : m.bands()) index.add(band, storyId);
    }

    private byte[] encode(List<Member> list) {
        int size = 1;
        for (Member m : list) size += entryBytes + placesBytes(m.places());
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(LAYOUT);
        for (Member m : list) {
            out.putLong(m.addedMs()).put(m.signature());
            for (long band : m.bands()) out.putLong(band);
            putCodes(out, m.places().focus());
            putCodes(out, m.places().all());
        }
        return out.array();
    }

    private static int placesBytes(StoryPlaces p) {
        int n = 2;
        for (String c : p.focus()) n += 1 + c.getBytes(StandardCharsets.UTF_8).length;
        for (String c : p.all()) n += 1 + c.getBytes(StandardCharsets.UTF_8).length;
        return n;
    }

    private static void putCodes(ByteBuffer out, java.util.Set<String> codes) {
        out.put((byte) codes.size());
        for (String c : codes) {
            byte[] b = c.getBytes(StandardCharsets.UTF_8);
            out.put((byte) b.length).put(b);
        }
    }

    private static java.util.Set<String> getCodes(ByteBuffer in) {
        int n = in.get() & 0xFF;
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[in.get() & 0xFF];
            in.get(b);
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }

    private List<Member> decode(byte[] value) {
        List<Member> out = new ArrayList<>();
        if (value.length == 0 || value[0] != LAYOUT) return out;
        ByteBuffer in = ByteBuffer.wrap(value);
        in.get();
        while (in.remaining() >= entryBytes) {
            long added = in.getLong();
            byte[] signature = new byte[signatureBytes];
            in.get(signature);
            long[] bandKeys = new long[bandCount];
            for (int i = 0; i < bandCount; i++) bandKeys[i] = in.getLong();
            out.add(new Member(added, signature, bandKeys, new StoryPlaces(getCodes(in), getCodes(in))));
        }
        return out;
    }
}
