package io.newsflow.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.TestStores;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class ArticleStoriesTest {
    static final long HOUR = 3_600_000L;
    static final long WINDOW = 72 * HOUR;
    static final long T0 = 1000 * HOUR;

    @Test
    void articleKeepsItsStoryForAWindowThenIsForgotten() {
        KeyValueStore<Bytes, byte[]> s = TestStores.inMemory(Serdes.ByteArray());
        ArticleStories stories = new ArticleStories(s, WINDOW);
        stories.assign("a1", "st-1", T0);
        assertThat(stories.storyOf("a1", T0 + WINDOW - HOUR)).isEqualTo("st-1");
        assertThat(stories.storyOf("a2", T0)).isNull();
        // a restarted task reads the same store
        assertThat(new ArticleStories(s, WINDOW).storyOf("a1", T0 + HOUR)).isEqualTo("st-1");
        // once its bucket is older than the window, the next write deletes it from the store itself
        stories.assign("a3", "st-3", T0 + 2 * WINDOW);
        assertThat(stories.storyOf("a1", T0 + 2 * WINDOW)).isNull();
        assertThat(s.approximateNumEntries()).isEqualTo(1);
    }

    @Test
    void aRecordKeepsTheStoryTheTimeAndACoreMembersSignatureBandsAndPlaces() {
        StoryPlaces places = new StoryPlaces(java.util.Set.of("ET"), java.util.Set.of("ET", "VN"));
        StoryIndex.Member core = new StoryIndex.Member(T0, new byte[] {1, 2, 3}, new long[] {7, -8}, places);
        ArticleStories.Entry e = ArticleStories.decode(ArticleStories.encode("st-9", T0, core, new byte[] {4, 5}));
        assertThat(e.storyId()).isEqualTo("st-9");
        assertThat(e.joinedMs()).isEqualTo(T0);
        assertThat(e.core().signature()).containsExactly(1, 2, 3);
        assertThat(e.core().bands()).containsExactly(7, -8);
        assertThat(e.core().places()).isEqualTo(places);
        assertThat(e.trending()).containsExactly(4, 5);
        ArticleStories.Entry bare = ArticleStories.decode(ArticleStories.encode("st-9", T0, null, null));
        assertThat(bare.core()).isNull();
        assertThat(bare.trending()).isNull();
    }

    @Test
    void recordsOfTheLayoutsBeforeStillGiveWhatTheyHad() {
        // layout 1: no trending part
        byte[] id = "st-1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] layout1 = java.nio.ByteBuffer.allocate(1 + 2 + id.length + 8 + 1)
                .put((byte) 1).putShort((short) id.length).put(id).putLong(T0).put((byte) 0).array();
        ArticleStories.Entry e = ArticleStories.decode(layout1);
        assertThat(e.storyId()).isEqualTo("st-1");
        assertThat(e.joinedMs()).isEqualTo(T0);
        assertThat(e.trending()).isNull();
        // the first layout: the story id alone
        assertThat(ArticleStories.decode(id).storyId()).isEqualTo("st-1");
        assertThat(ArticleStories.decode(id).joinedMs()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void trendingsPartIsWrittenWhereTheRecordIsSoANewVersionDoesNotMakeItYounger() {
        KeyValueStore<Bytes, byte[]> s = TestStores.inMemory(Serdes.ByteArray());
        ArticleStories stories = new ArticleStories(s, WINDOW);
        stories.assign("a1", "st-1", T0);
        long later = T0 + WINDOW - HOUR;
        long bucket = stories.putTrending("a1", new byte[] {9}, later);
        assertThat(bucket).isEqualTo(T0 / WINDOW);
        assertThat(s.approximateNumEntries()).isEqualTo(1);
        List<byte[]> parts = new java.util.ArrayList<>();
        stories.forEach((b, articleId, entry) -> {
            assertThat(articleId).isEqualTo("a1");
            parts.add(entry.trending());
        });
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).containsExactly(9);
        // no record within the window: nothing written
        assertThat(stories.putTrending("nobody", new byte[] {1}, later)).isEqualTo(Long.MIN_VALUE);
        assertThat(s.approximateNumEntries()).isEqualTo(1);
    }
}
