package io.newsflow.enrich.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.TestStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class StoryStatsStoreTest {
    static final long HOUR = 3_600_000L;
    final KeyValueStore<Bytes, byte[]> store = TestStores.inMemory(Serdes.ByteArray());
    final TrendingScorer scorer = new TrendingScorer(TrendingSettings.defaults());

    static StoryStats.Member member(String id, String source, long hour) {
        return new StoryStats.Member(id, source, hour * HOUR, false, List.of("RU", "UA"), "headline of " + id);
    }

    @Test
    void aStoryRebuiltFromTheStoreEqualsTheHeapCopy() {
        StoryStatsStore stats = new StoryStatsStore(store);
        stats.putMember("st-a", member("a1", "Reuters", 3), 200);
        stats.putMember("st-a", member("a2", null, 1), 200);
        stats.putMember("st-b", member("b1", "AFP", 2), 200);
        stats.putEngagement(stats.get("st-a").withEngagement(1.5, 4 * HOUR, scorer));

        StoryStatsStore rebuilt = new StoryStatsStore(store);
        assertThat(rebuilt.get("st-a")).isEqualTo(stats.get("st-a"));
        assertThat(rebuilt.get("st-b")).isEqualTo(stats.get("st-b"));
        assertThat(rebuilt.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a2", "a1");
        assertThat(rebuilt.get("st-a").engagementAtMs()).isEqualTo(4 * HOUR);
        assertThat(StoryStatsStore.readAll(store)).hasSize(2);
    }

    @Test
    void oneEntryPerMemberAndTheOldestLeavesPastTheBound() {
        StoryStatsStore stats = new StoryStatsStore(store);
        for (int i = 0; i < 6; i++) stats.putMember("st-a", member("a" + i, "s" + i, i), 4);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a2", "a3", "a4", "a5");
        assertThat(entries()).isEqualTo(4);
        // a new version keeps its first publish time and its one entry
        stats.putMember("st-a", new StoryStats.Member("a3", "s3", 9 * HOUR, false, List.of("TR"), "corrected"), 4);
        assertThat(entries()).isEqualTo(4);
        assertThat(new StoryStatsStore(store).get("st-a")).isEqualTo(stats.get("st-a"));
        assertThat(stats.get("st-a").members().get(1).publishedMs()).isEqualTo(3 * HOUR);
        // a member older than all the kept ones does not stay, in the heap or the store
        stats.putMember("st-a", member("old", "x", 0), 4);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).doesNotContain("old");
        assertThat(entries()).isEqualTo(4);
    }

    @Test
    void withdrawnMembersAndExpiredStoriesLeaveNoEntries() {
        StoryStatsStore stats = new StoryStatsStore(store);
        stats.putMember("st-a", member("a1", "s", 1), 200);
        stats.putMember("st-a", member("a2", "s", 2), 200);
        stats.putMember("st-b", member("b1", "s", 2), 200);
        stats.putEngagement(stats.get("st-b").withEngagement(1, 2 * HOUR, scorer));

        stats.removeMember("st-a", "a1");
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a2");
        stats.removeMember("st-a", "a2");
        assertThat(stats.get("st-a")).isNull();
        stats.delete("st-b");
        assertThat(stats.all()).isEmpty();
        assertThat(entries()).isZero();
        assertThat(new StoryStatsStore(store).all()).isEmpty();
    }

    @Test
    void engagementAloneKeepsAStoryAfterItsLastMemberIsWithdrawn() {
        StoryStatsStore stats = new StoryStatsStore(store);
        stats.putMember("st-a", member("a1", "s", 1), 200);
        stats.putEngagement(stats.get("st-a").withEngagement(2, HOUR, scorer));
        stats.removeMember("st-a", "a1");
        assertThat(new StoryStatsStore(store).get("st-a")).isEqualTo(stats.get("st-a"));
        assertThat(stats.get("st-a").members()).isEmpty();
        assertThat(stats.get("st-a").lastPublishedMs()).isEqualTo(HOUR);
        assertThat(Duration.ofMillis(stats.get("st-a").lastPublishedMs())).isEqualTo(Duration.ofHours(1));
    }

    private int entries() {
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys.size();
    }
}
