package io.newsflow.enrich.trending;

import io.newsflow.enrich.serde.BinaryCodecSerde;
import io.newsflow.enrich.stories.ArticleStories;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The open stories' stats, read from the heap, rebuilt when the task starts from what is durable: each member is
 * trending's part of its article's record ({@link ArticleStories}, the newsroom's one record per article), and a
 * story's engagement sums are one entry of this store (key {@code storyId 0x00 'e'}, cached: a story's engagement
 * costs one write per commit). So an article costs trending no record of its own.
 *
 * <p>A member counts while its article's record is kept (one to two story windows from when it joined): the heap
 * drops members whose record has aged out ({@link #prune}), as a rebuilt heap would not have them. A story that
 * expired (no article within the window) is dropped from the heap but its members' records stay until they age out:
 * a heap rebuilt meanwhile has it again, and the next ranking round expires it again.
 */
public final class StoryStatsStore {
    private static final byte SEPARATOR = 0;
    /** the key kind of a member entry in this store, from before members moved into the articles' records */
    private static final byte LEGACY_MEMBER = 'm';
    private static final byte ENGAGEMENT = 'e';

    /** Where a member's record is: its story and the record's bucket. */
    private record Placed(String storyId, long bucket) {}

    private final KeyValueStore<Bytes, byte[]> store;
    private final ArticleStories articles;
    private final Map<String, StoryStats> open = new HashMap<>();
    private final Map<String, Placed> placed = new HashMap<>();

    /**
     * The stats rebuilt from the records and this store; member entries of the layout before (one store entry per
     * member) are moved into their articles' records first, at the newsroom clock {@code now}.
     */
    public StoryStatsStore(KeyValueStore<Bytes, byte[]> store, ArticleStories articles, int maxMembers, long now) {
        this.store = store;
        this.articles = articles;
        moveLegacyMembers(now);
        load(maxMembers);
    }

    private StoryStatsStore(KeyValueStore<Bytes, byte[]> store, ArticleStories articles, int maxMembers) {
        this.store = store;
        this.articles = articles;
        load(maxMembers);
    }

    /** The story's stats, or null when it has none. */
    public StoryStats get(String storyId) {
        return open.get(storyId);
    }

    public Collection<StoryStats> all() {
        return Collections.unmodifiableCollection(open.values());
    }

    /**
     * Adds or updates a member (see {@link StoryStats#withMember}); members past {@code maxMembers} leave. The member
     * is written into its article's record, and a member that left has its part cleared there.
     */
    public StoryStats putMember(String storyId, StoryStats.Member member, int maxMembers, long now) {
        Placed was = placed.get(member.articleId());
        if (was != null && !was.storyId().equals(storyId)) {
            // its record of another story aged out and it joined anew: it leaves the old story (as a rebuild would)
            placed.remove(member.articleId());
            StoryStats old = open.get(was.storyId());
            if (old != null) keepOrDrop(old.without(member.articleId()));
        }
        StoryStats before = open.getOrDefault(storyId, StoryStats.empty(storyId));
        StoryStats after = before.withMember(member, maxMembers);
        StoryStats.Member kept = find(after, member.articleId());
        if (kept != null) {
            long bucket = articles.putTrending(kept.articleId(), encode(kept), now);
            // no record (not expected: clustering writes it first): the member counts until the heap is rebuilt
            placed.put(kept.articleId(), new Placed(storyId, bucket != Long.MIN_VALUE ? bucket : articles.oldestBucket(now)));
        }
        for (StoryStats.Member m : before.members()) {
            if (find(after, m.articleId()) == null) clear(m.articleId(), now);
        }
        open.put(storyId, after);
        return after;
    }

    /** Takes a withdrawn article out of its story; a story left with nothing goes. */
    public StoryStats removeMember(String storyId, String articleId, long now) {
        StoryStats before = open.get(storyId);
        if (before == null) return StoryStats.empty(storyId);
        if (find(before, articleId) != null) clear(articleId, now);
        StoryStats after = before.without(articleId);
        keepOrDrop(after);
        return after;
    }

    /** Replaces the story's engagement sums (members unchanged). */
    public void putEngagement(StoryStats withEngagement) {
        String storyId = withEngagement.storyId();
        store.put(engagementKey(storyId), encodeEngagement(withEngagement));
        open.put(storyId, withEngagement);
    }

    /** Drops an expired story from the heap and its engagement entry; its members' records age out on their own. */
    public void delete(String storyId) {
        StoryStats s = open.remove(storyId);
        if (s == null) return;
        for (StoryStats.Member m : s.members()) placed.remove(m.articleId());
        if (s.engagementAtMs() != Long.MIN_VALUE) store.delete(engagementKey(storyId));
    }

    /** Drops the members whose article's record is in a bucket older than {@code oldestBucket}; returns how many. */
    public int prune(long oldestBucket) {
        List<Map.Entry<String, Placed>> gone = new ArrayList<>();
        for (Map.Entry<String, Placed> e : placed.entrySet()) {
            if (e.getValue().bucket() < oldestBucket) gone.add(e);
        }
        for (Map.Entry<String, Placed> e : gone) {
            placed.remove(e.getKey());
            StoryStats s = open.get(e.getValue().storyId());
            if (s != null) keepOrDrop(s.without(e.getKey()));
        }
        return gone.size();
    }

    /**
     * Drops the stories with nothing published within the window at {@code now} (and their engagement entries) and
     * the members whose record aged out ({@link #prune}); returns the ids of the stories dropped.
     */
    public List<String> expire(long now, long windowMs) {
        prune(articles.oldestBucket(now));
        List<String> expired = new ArrayList<>();
        for (StoryStats s : open.values()) {
            if (s.lastPublishedMs() < now - windowMs) expired.add(s.storyId());
        }
        expired.forEach(this::delete);
        return expired;
    }

    /**
     * Every open story at {@code now} as the records and the store give it, members in publish order (for the replay
     * tool and tests reading the stores directly); nothing is written.
     */
    public static List<StoryStats> readAll(KeyValueStore<Bytes, byte[]> store, ArticleStories articles, int maxMembers,
                                           long now, long windowMs) {
        StoryStatsStore stats = new StoryStatsStore(store, articles, maxMembers);
        for (StoryStats s : List.copyOf(stats.open.values())) {
            if (s.lastPublishedMs() < now - windowMs) stats.open.remove(s.storyId());
        }
        stats.prune(articles.oldestBucket(now));
        return new ArrayList<>(stats.all());
    }

    private void keepOrDrop(StoryStats s) {
        if (s.members().isEmpty() && s.engagementAtMs() == Long.MIN_VALUE) {
            open.remove(s.storyId());
        } else {
            open.put(s.storyId(), s);
        }
    }

    private void clear(String articleId, long now) {
        articles.putTrending(articleId, null, now);
        placed.remove(articleId);
    }

    private void load(int maxMembers) {
        record Loaded(long bucket, String storyId, byte[] trending) {}
        Map<String, Loaded> newest = new HashMap<>();
        articles.forEach((bucket, articleId, entry) -> {
            // an article whose record aged out and that joined anew has two: the newer one counts
            Loaded before = newest.get(articleId);
            if (before == null || bucket > before.bucket()) newest.put(articleId, new Loaded(bucket, entry.storyId(), entry.trending()));
        });
        Map<String, List<StoryStats.Member>> members = new HashMap<>();
        Map<String, Long> buckets = new HashMap<>();
        newest.forEach((articleId, l) -> {
            if (l.trending() == null) return;
            members.computeIfAbsent(l.storyId(), st -> new ArrayList<>()).add(decode(l.trending()));
            buckets.put(articleId, l.bucket());
        });
        Map<String, Engagement> engagement = new HashMap<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                byte[] key = kv.key.get();
                int sep = indexOf(key, SEPARATOR);
                if (key[sep + 1] == ENGAGEMENT) {
                    engagement.put(new String(key, 0, sep, StandardCharsets.UTF_8), decodeEngagement(kv.value));
                }
            }
        }
        for (String storyId : union(members.keySet(), engagement.keySet())) {
            List<StoryStats.Member> list = new ArrayList<>(members.getOrDefault(storyId, List.of()));
            list.sort(StoryStats.ORDER);
            // the same members the heap kept: it keeps the newest by the same order
            List<StoryStats.Member> kept = List.copyOf(list.subList(Math.max(0, list.size() - maxMembers), list.size()));
            for (StoryStats.Member m : kept) placed.put(m.articleId(), new Placed(storyId, buckets.get(m.articleId())));
            Engagement e = engagement.getOrDefault(storyId, Engagement.NONE);
            open.put(storyId, new StoryStats(storyId, kept, e.fast(), e.slow(), e.atMs()));
        }
    }

    /** Moves member entries of the layout before into their articles' records (those without a record are dropped). */
    private void moveLegacyMembers(long now) {
        List<KeyValue<Bytes, byte[]>> legacy = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                byte[] key = kv.key.get();
                if (key[indexOf(key, SEPARATOR) + 1] == LEGACY_MEMBER) legacy.add(kv);
            }
        }
        for (KeyValue<Bytes, byte[]> kv : legacy) {
            if (now != Long.MIN_VALUE) articles.putTrending(decode(kv.value).articleId(), kv.value, now);
            store.delete(kv.key);
        }
    }

    private static StoryStats.Member find(StoryStats s, String articleId) {
        for (StoryStats.Member m : s.members()) {
            if (m.articleId().equals(articleId)) return m;
        }
        return null;
    }

    private static List<String> union(Collection<String> a, Collection<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    private static int indexOf(byte[] key, byte b) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == b) return i;
        }
        throw new IllegalStateException("story stats key without a separator");
    }

    static Bytes legacyMemberKey(String storyId, String articleId) {
        return key(storyId, LEGACY_MEMBER, articleId);
    }

    static Bytes engagementKey(String storyId) {
        return key(storyId, ENGAGEMENT, "");
    }

    private static Bytes key(String storyId, byte kind, String suffix) {
        byte[] story = storyId.getBytes(StandardCharsets.UTF_8);
        byte[] rest = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[story.length + 2 + rest.length];
        System.arraycopy(story, 0, key, 0, story.length);
        key[story.length] = SEPARATOR;
        key[story.length + 1] = kind;
        System.arraycopy(rest, 0, key, story.length + 2, rest.length);
        return Bytes.wrap(key);
    }

    static byte[] encode(StoryStats.Member m) {
        return MEMBER_CODEC.serializer().serialize(null, m);
    }

    static StoryStats.Member decode(byte[] value) {
        return MEMBER_CODEC.deserializer().deserialize(null, value);
    }

    private static byte[] encodeEngagement(StoryStats s) {
        return ENGAGEMENT_CODEC.serializer().serialize(null, new Engagement(s.engagementFast(), s.engagementSlow(), s.engagementAtMs()));
    }

    private static Engagement decodeEngagement(byte[] value) {
        return ENGAGEMENT_CODEC.deserializer().deserialize(null, value);
    }

    private record Engagement(double fast, double slow, long atMs) {
        static final Engagement NONE = new Engagement(0, 0, Long.MIN_VALUE);
    }

    private static final BinaryCodecSerde<StoryStats.Member> MEMBER_CODEC = new BinaryCodecSerde<>(1) {
        @Override
        protected void write(DataOutputStream out, StoryStats.Member m) throws IOException {
            out.writeUTF(m.articleId());
            writeNullableString(out, m.source());
            out.writeLong(m.publishedMs());
            out.writeBoolean(m.late());
            int countries = Math.min(m.countries().size(), 100);
            out.writeByte(countries);
            for (String c : m.countries().subList(0, countries)) out.writeUTF(c);
            writeNullableString(out, m.headline());
        }

        @Override
        protected StoryStats.Member read(DataInputStream in, int format) throws IOException {
            String articleId = in.readUTF();
            String source = readNullableString(in);
            long published = in.readLong();
            boolean late = in.readBoolean();
            int n = in.readByte();
            List<String> countries = new ArrayList<>(n);
            for (int k = 0; k < n; k++) countries.add(in.readUTF());
            return new StoryStats.Member(articleId, source, published, late, List.copyOf(countries), readNullableString(in));
        }
    };

    private static final BinaryCodecSerde<Engagement> ENGAGEMENT_CODEC = new BinaryCodecSerde<>(1) {
        @Override
        protected void write(DataOutputStream out, Engagement e) throws IOException {
            out.writeDouble(e.fast());
            out.writeDouble(e.slow());
            out.writeLong(e.atMs());
        }

        @Override
        protected Engagement read(DataInputStream in, int format) throws IOException {
            return new Engagement(in.readDouble(), in.readDouble(), in.readLong());
        }
    };
}
