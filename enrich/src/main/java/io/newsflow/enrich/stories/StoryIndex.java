package io.newsflow.enrich.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The open stories' core members and the LSH index over their bands, on the heap.
 *
 * <p>Nothing of it is stored apart: a core member is part of its article's one durable record ({@link ArticleStories}),
 * and the index, the members and each story's last activity are rebuilt from those records when the task starts.
 * Every probe of an article's bands is a hash lookup. The heap holds one to two story windows of core members, about
 * 1.3 KB per member with its index entries.
 */
final class StoryIndex {
    static final int MAX_STORIES_PER_BAND = 16;

    /** One core member of a story: when it was added, its signature, its LSH bands and its places. */
    record Member(long addedMs, byte[] signature, long[] bands, StoryPlaces places) {}

    private final long windowMs;
    private final int signatureBytes;
    private final int bandCount;
    /** bucket -> band -> stories having it in that bucket (newest last) */
    private final NavigableMap<Long, BandTable> bands = new TreeMap<>();
    /** bucket -> story -> members added in that bucket */
    private final NavigableMap<Long, Map<String, List<Member>>> members = new TreeMap<>();
    /** story -> time of its latest article (any, not only the core) */
    private final Map<String, Long> lastSeen = new HashMap<>();
    private long expiredBelow = Long.MIN_VALUE;

    /** An index rebuilt from the articles' records; an empty store gives an empty index. */
    StoryIndex(ArticleStories articles, long windowMs, int signatureBytes, int bandCount) {
        this.windowMs = Math.max(1, windowMs);
        this.signatureBytes = signatureBytes;
        this.bandCount = bandCount;
        rebuild(articles);
    }

    private void rebuild(ArticleStories articles) {
        record Loaded(long bucket, String storyId, Member member) {}
        List<Loaded> loaded = new ArrayList<>();
        articles.forEach((bucket, articleId, entry) -> {
            if (entry.joinedMs() != Long.MIN_VALUE) lastSeen.merge(entry.storyId(), entry.joinedMs(), Math::max);
            Member m = entry.core();
            // a member of another shape (signatures computed another way) cannot be compared: its story is not indexed
            if (m != null && m.signature().length == signatureBytes && m.bands().length == bandCount) {
                loaded.add(new Loaded(bucket, entry.storyId(), m));
            }
        });
        // replayed in the order they were added, so a crowded band keeps the same newest stories as before
        loaded.sort(Comparator.comparingLong((Loaded l) -> l.member().addedMs()).thenComparing(Loaded::storyId));
        for (Loaded l : loaded) index(l.bucket(), l.storyId(), l.member());
    }

    private long bucketOf(long ms) {
        // the buckets of the article records it is rebuilt from
        return io.newsflow.enrich.TimeBuckets.bucketOf(ms, windowMs);
    }

    private long oldest(long now) {
        return bucketOf(now - windowMs);
    }

    /**
     * Counts, for every story sharing at least one band with the signature within the window, how many of the
     * signature's bands it shares: the more bands, the more similar (a band matches with probability
     * similarity^rows), so callers verify the best-placed candidates first.
     */
    void candidates(long[] bandKeys, long now, Map<String, Integer> hits) {
        var live = bands.subMap(oldest(now), true, bucketOf(now), true).values();
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
        for (Map<String, List<Member>> bucket : members.subMap(oldest(now), true, bucketOf(now), true).values()) {
            for (Member m : bucket.getOrDefault(storyId, List.of())) {
                if (m.addedMs() >= now - windowMs) out.add(m);
            }
        }
        return out;
    }

    Member add(String storyId, byte[] signature, long[] bandKeys, long now) {
        return add(storyId, signature, bandKeys, StoryPlaces.NONE, now);
    }

    /**
     * Adds a core member to the story; the caller keeps it durable in the article's record
     * ({@link ArticleStories#assign(String, String, long, Member)}).
     */
    Member add(String storyId, byte[] signature, long[] bandKeys, StoryPlaces places, long now) {
        if (signature.length != signatureBytes || bandKeys.length != bandCount) {
            throw new IllegalArgumentException("member of " + signature.length + " signature bytes and " + bandKeys.length
                    + " bands, expected " + signatureBytes + " and " + bandCount);
        }
        expire(now);
        Member m = new Member(now, signature.clone(), bandKeys.clone(), places);
        index(bucketOf(now), storyId, m);
        return m;
    }

    private void expire(long now) {
        long oldest = oldest(now);
        if (oldest <= expiredBelow) return;
        bands.headMap(oldest, false).clear();
        members.headMap(oldest, false).clear();
        lastSeen.values().removeIf(t -> t < now - windowMs);
        expiredBelow = oldest;
    }

    /** Notes that the story got an article at {@code now} (durable as that article's own record). */
    void touch(String storyId, long now) {
        lastSeen.merge(storyId, now, Math::max);
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

    private void index(long bucket, String storyId, Member m) {
        members.computeIfAbsent(bucket, b -> new HashMap<>()).computeIfAbsent(storyId, s -> new ArrayList<>(2)).add(m);
        // a crowded band (boilerplate) keeps its newest stories only
        BandTable index = bands.computeIfAbsent(bucket, b -> new BandTable(MAX_STORIES_PER_BAND));
        for (long band : m.bands()) index.add(band, storyId);
    }
}
