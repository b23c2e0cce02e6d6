package io.newsflow.enrich.trending;

import io.newsflow.enrich.serde.BinaryCodecSerde;
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
 * The open stories' stats, read from the heap and written through to a changelogged store one member per entry.
 *
 * <p>A story can hold hundreds of members; storing it as one value meant decoding and re-encoding all of them for
 * every article. Here an article costs one small store write (its member entry), a story's engagement is one more
 * entry, and the heap copy is rebuilt from the store when the task starts. Keys: {@code storyId 0x00 'm' articleId}
 * for a member, {@code storyId 0x00 'e'} for the engagement sums, so one story's entries are adjacent.
 */
public final class StoryStatsStore {
    private static final byte SEPARATOR = 0;
    private static final byte MEMBER = 'm';
    private static final byte ENGAGEMENT = 'e';

    private final KeyValueStore<Bytes, byte[]> store;
    private final Map<String, StoryStats> open = new HashMap<>();

    public StoryStatsStore(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        for (StoryStats s : readAll(store)) open.put(s.storyId(), s);
    }

    /** The story's stats, or null when it has none. */
    public StoryStats get(String storyId) {
        return open.get(storyId);
    }

    public Collection<StoryStats> all() {
        return Collections.unmodifiableCollection(open.values());
    }

    /** Adds or updates a member (see {@link StoryStats#withMember}); members past {@code maxMembers} leave. */
    public StoryStats putMember(String storyId, StoryStats.Member member, int maxMembers) {
        StoryStats before = open.getOrDefault(storyId, StoryStats.empty(storyId));
        StoryStats after = before.withMember(member, maxMembers);
        for (StoryStats.Member m : after.members()) {
            if (m.articleId().equals(member.articleId())) store.put(memberKey(storyId, m.articleId()), encode(m));
        }
        if (after.members().size() <= before.members().size()) {
            // a new member pushed the oldest out (or the member itself was the oldest): drop what left
            for (StoryStats.Member m : before.members()) {
                if (!contains(after, m.articleId())) store.delete(memberKey(storyId, m.articleId()));
            }
            if (!contains(after, member.articleId())) store.delete(memberKey(storyId, member.articleId()));
        }
        open.put(storyId, after);
        return after;
    }

    /** Takes a withdrawn article out of its story; a story left with nothing goes. */
    public StoryStats removeMember(String storyId, String articleId) {
        StoryStats before = open.get(storyId);
        if (before == null) return StoryStats.empty(storyId);
        StoryStats after = before.without(articleId);
        store.delete(memberKey(storyId, articleId));
        if (after.members().isEmpty() && after.engagementAtMs() == Long.MIN_VALUE) {
            open.remove(storyId);
        } else {
            open.put(storyId, after);
        }
        return after;
    }

    /** Replaces the story's engagement sums (members unchanged). */
    public void putEngagement(StoryStats withEngagement) {
        String storyId = withEngagement.storyId();
        store.put(engagementKey(storyId), encodeEngagement(withEngagement));
        open.put(storyId, withEngagement);
    }

    /** Deletes the story and every entry of it. */
    public void delete(String storyId) {
        StoryStats s = open.remove(storyId);
        if (s == null) return;
        for (StoryStats.Member m : s.members()) store.delete(memberKey(storyId, m.articleId()));
        if (s.engagementAtMs() != Long.MIN_VALUE) store.delete(engagementKey(storyId));
    }

    /** Every story in the store, members in publish order (for the replay tool and tests reading a store directly). */
    public static List<StoryStats> readAll(KeyValueStore<Bytes, byte[]> store) {
        Map<String, List<StoryStats.Member>> members = new HashMap<>();
        Map<String, Engagement> engagement = new HashMap<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                byte[] key = kv.key.get();
                int sep = indexOf(key, SEPARATOR);
                String storyId = new String(key, 0, sep, StandardCharsets.UTF_8);
                if (key[sep + 1] == MEMBER) {
                    members.computeIfAbsent(storyId, s -> new ArrayList<>()).add(decode(kv.value));
                } else {
                    engagement.put(storyId, decodeEngagement(kv.value));
                }
            }
        }
        List<StoryStats> out = new ArrayList<>();
        for (String storyId : union(members.keySet(), engagement.keySet())) {
            List<StoryStats.Member> list = new ArrayList<>(members.getOrDefault(storyId, List.of()));
            list.sort(StoryStats.ORDER);
            Engagement e = engagement.getOrDefault(storyId, Engagement.NONE);
            out.add(new StoryStats(storyId, List.copyOf(list), e.fast(), e.slow(), e.atMs()));
        }
        return out;
    }

    private static boolean contains(StoryStats s, String articleId) {
        for (StoryStats.Member m : s.members()) {
            if (m.articleId().equals(articleId)) return true;
        }
        return false;
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

    static Bytes memberKey(String storyId, String articleId) {
        return key(storyId, MEMBER, articleId);
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
