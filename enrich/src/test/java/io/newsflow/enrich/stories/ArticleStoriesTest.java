package io.newsflow.enrich.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.TestStores;
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
        ArticleStories.Entry e = ArticleStories.decode(ArticleStories.encode("st-9", T0, core));
        assertThat(e.storyId()).isEqualTo("st-9");
        assertThat(e.joinedMs()).isEqualTo(T0);
        assertThat(e.core().signature()).containsExactly(1, 2, 3);
        assertThat(e.core().bands()).containsExactly(7, -8);
        assertThat(e.core().places()).isEqualTo(places);
        assertThat(ArticleStories.decode(ArticleStories.encode("st-9", T0, null)).core()).isNull();
    }
}
