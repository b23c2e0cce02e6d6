package io.newsflow.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.TestStores;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class StoryIndexTest {
    static final long HOUR = 3_600_000L;
    static final long WINDOW = 72 * HOUR;
    static final long T0 = 1000 * HOUR;

    static KeyValueStore<Bytes, byte[]> store() {
        return TestStores.inMemory(Serdes.ByteArray());
    }

    /** An index rebuilt from the article records in the store, as a task start does. */
    static StoryIndex index(KeyValueStore<Bytes, byte[]> store) {
        return new StoryIndex(new ArticleStories(store, WINDOW), WINDOW, 2, 2);
    }

    /** Adds a core member and keeps it in its article's record, as the cluster processor does. */
    static void add(StoryIndex index, KeyValueStore<Bytes, byte[]> store, String article, String story, byte[] sig,
                    long[] bands, StoryPlaces places, long now) {
        StoryIndex.Member m = index.add(story, sig, bands, places, now);
        new ArticleStories(store, WINDOW).assign(article, story, now, m);
    }

    static void add(StoryIndex index, KeyValueStore<Bytes, byte[]> store, String article, String story, byte[] sig,
                    long[] bands, long now) {
        add(index, store, article, story, sig, bands, StoryPlaces.NONE, now);
    }

    static Map<String, Integer> hits(StoryIndex index, long now, long... bands) {
        Map<String, Integer> out = new HashMap<>();
        index.candidates(bands, now, out);
        return out;
    }

    static byte[] sig(int b) {
        return new byte[] {(byte) b, (byte) b};
    }

    @Test
    void findsStoriesSharingBandsAndCountsHowMany() {
        StoryIndex index = index(store());
        index.add("st-close", sig(1), new long[] {1, 2}, T0);
        index.add("st-far", sig(2), new long[] {2, 3}, T0 + HOUR);
        assertThat(hits(index, T0 + 2 * HOUR, 1, 2)).containsOnly(Map.entry("st-close", 2), Map.entry("st-far", 1));
        assertThat(hits(index, T0 + 2 * HOUR, 8, 9)).isEmpty();
        // a story indexed in two buckets counts once per band
        index.add("st-close", sig(3), new long[] {1, 7}, T0 + WINDOW);
        assertThat(hits(index, T0 + WINDOW, 1, 2)).containsOnly(Map.entry("st-close", 2), Map.entry("st-far", 1));
    }

    @Test
    void aRestartedTaskRebuildsTheSameIndexFromTheArticlesRecords() {
        KeyValueStore<Bytes, byte[]> store = store();
        StoryIndex index = index(store);
        add(index, store, "a1", "st-a", sig(1), new long[] {1, 2}, T0);
        add(index, store, "a2", "st-a", sig(2), new long[] {3, 4}, T0 + HOUR);
        add(index, store, "b1", "st-b", sig(3), new long[] {4, 5}, T0 + HOUR);
        // an article beyond the core: its record has the story and the time only
        new ArticleStories(store, WINDOW).assign("a3", "st-a", T0 + 2 * HOUR);
        StoryIndex restarted = index(store);
        assertThat(hits(restarted, T0 + 2 * HOUR, 1, 4)).isEqualTo(hits(index, T0 + 2 * HOUR, 1, 4))
                .containsOnly(Map.entry("st-a", 2), Map.entry("st-b", 1));
        assertThat(restarted.signatures("st-a", T0 + 2 * HOUR)).containsExactly(sig(1), sig(2));
        assertThat(restarted.lastSeen("st-a", T0 + 3 * HOUR)).as("its latest article, core or not").isEqualTo(T0 + 2 * HOUR);
        // one record per article, nothing else: the index has no entries of its own
        assertThat(store.approximateNumEntries()).isEqualTo(4);
    }

    @Test
    void membersOlderThanTheWindowAreNeitherComparedNorKept() {
        KeyValueStore<Bytes, byte[]> store = store();
        StoryIndex index = index(store);
        add(index, store, "a1", "st-a", sig(1), new long[] {1, 2}, T0);
        add(index, store, "a2", "st-a", sig(2), new long[] {1, 3}, T0 + WINDOW);
        // the first member is older than the window although its bucket is still read
        assertThat(index.signatures("st-a", T0 + WINDOW + HOUR)).containsExactly(sig(2));
        // two windows on, the next write deletes the old buckets from the store and the heap
        add(index, store, "c1", "st-c", sig(5), new long[] {9, 10}, T0 + 3 * WINDOW);
        assertThat(hits(index, T0 + 3 * WINDOW, 1, 2, 3)).isEmpty();
        assertThat(index.signatures("st-a", T0 + 3 * WINDOW)).isEmpty();
        assertThat(store.approximateNumEntries()).isEqualTo(1);
        assertThat(hits(index(store), T0 + 3 * WINDOW, 9)).containsOnly(Map.entry("st-c", 1));
    }

    @Test
    void crowdedBandCountsForNothing() {
        StoryIndex index = index(store());
        for (int i = 0; i < StoryIndex.MAX_STORIES_PER_BAND + 5; i++) index.add("st-" + i, sig(i), new long[] {42, 100 + i}, T0);
        // boilerplate shared by every story finds none of them; the story's own band still finds it
        assertThat(hits(index, T0, 42)).isEmpty();
        assertThat(hits(index, T0, 42, 120)).containsOnly(Map.entry("st-20", 1));
    }

    @Test
    void refusesMembersOfTheWrongShape() {
        assertThatThrownBy(() -> index(store()).add("st-a", new byte[3], new long[] {1, 2}, T0)).hasMessageContaining("expected 2 and 2");
    }

    @Test
    void placesSurviveARestartAndRecordsOfTheLayoutBeforeGiveTheStoryOnly() {
        KeyValueStore<Bytes, byte[]> store = store();
        StoryIndex index = index(store);
        StoryPlaces kr = new StoryPlaces(java.util.Set.of("KR"), java.util.Set.of("KR", "JP"));
        add(index, store, "a1", "st-a", sig(1), new long[] {1, 2}, kr, T0);
        add(index, store, "a2", "st-a", sig(2), new long[] {3, 4}, StoryPlaces.NONE, T0 + 1);
        assertThat(index(store).members("st-a", T0 + HOUR)).extracting(StoryIndex.Member::places)
                .containsExactly(kr, StoryPlaces.NONE);

        // the layout before: the story id alone (the index had a store of its own then)
        KeyValueStore<Bytes, byte[]> old = store();
        io.newsflow.enrich.TimeBuckets<byte[]> buckets = new io.newsflow.enrich.TimeBuckets<>(old, WINDOW);
        buckets.put(buckets.newest(T0), "a-old".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "st-old".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(new ArticleStories(old, WINDOW).storyOf("a-old", T0 + HOUR)).isEqualTo("st-old");
        StoryIndex reread = index(old);
        assertThat(reread.members("st-old", T0 + HOUR)).isEmpty();
        assertThat(reread.lastSeen("st-old", T0 + HOUR)).isEqualTo(Long.MIN_VALUE);
        // and the story can be indexed again in the new layout
        add(reread, old, "a-new", "st-old", sig(8), new long[] {5, 6}, kr, T0 + HOUR);
        assertThat(index(old).members("st-old", T0 + HOUR)).extracting(StoryIndex.Member::signature).containsExactly(sig(8));
    }

    @Test
    void aStorysLastActivityComesFromItsArticlesRecordsAfterARestart() {
        KeyValueStore<Bytes, byte[]> store = store();
        StoryIndex index = index(store);
        add(index, store, "a1", "st-a", sig(1), new long[] {1, 2}, T0);
        index.touch("st-a", T0);
        index.touch("st-a", T0 + HOUR / 2);
        new ArticleStories(store, WINDOW).assign("a2", "st-a", T0 + HOUR / 2);
        assertThat(index.lastSeen("st-a", T0 + HOUR)).isEqualTo(T0 + HOUR / 2);
        StoryIndex restarted = index(store);
        assertThat(restarted.lastSeen("st-a", T0 + HOUR)).isEqualTo(T0 + HOUR / 2);
        assertThat(restarted.members("st-a", T0 + HOUR)).hasSize(1);
        assertThat(restarted.lastSeen("st-unknown", T0)).isEqualTo(Long.MIN_VALUE);
    }
}
