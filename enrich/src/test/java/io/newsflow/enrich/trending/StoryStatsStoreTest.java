package io.newsflow.enrich.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.TestStores;
import io.newsflow.enrich.stories.ArticleStories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class StoryStatsStoreTest {
    static final long HOUR = 3_600_000L;
    static final long WINDOW = 72 * HOUR;
    static final long T0 = 1000 * HOUR;
    final KeyValueStore<Bytes, byte[]> store = TestStores.inMemory(Serdes.ByteArray());
    final KeyValueStore<Bytes, byte[]> articleStore = TestStores.inMemory(Serdes.ByteArray());
    final ArticleStories articles = new ArticleStories(articleStore, WINDOW);
    final TrendingScorer scorer = new TrendingScorer(TrendingSettings.defaults());

    static StoryStats.Member member(String id, String source, long hour) {
        return new StoryStats.Member(id, source, hour * HOUR, false, List.of("RU", "UA"), "headline of " + id);
    }

    /** Clustering's part: the article's record, written before trending adds its member. */
    StoryStats put(StoryStatsStore stats, String storyId, StoryStats.Member m, int maxMembers) {
        if (articles.storyOf(m.articleId(), T0) == null) articles.assign(m.articleId(), storyId, T0);
        return stats.putMember(storyId, m, maxMembers, T0);
    }

    StoryStatsStore rebuilt(int maxMembers) {
        return new StoryStatsStore(store, new ArticleStories(articleStore, WINDOW), maxMembers, T0);
    }

    @Test
    void aStoryRebuiltFromTheArticlesRecordsEqualsTheHeapCopy() {
        StoryStatsStore stats = new StoryStatsStore(store, articles, 200, T0);
        put(stats, "st-a", member("a1", "Reuters", 3), 200);
        put(stats, "st-a", member("a2", null, 1), 200);
        put(stats, "st-b", member("b1", "AFP", 2), 200);
        stats.putEngagement(stats.get("st-a").withEngagement(1.5, 4 * HOUR, scorer));

        StoryStatsStore rebuilt = rebuilt(200);
        assertThat(rebuilt.get("st-a")).isEqualTo(stats.get("st-a"));
        assertThat(rebuilt.get("st-b")).isEqualTo(stats.get("st-b"));
        assertThat(rebuilt.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a2", "a1");
        assertThat(rebuilt.get("st-a").engagementAtMs()).isEqualTo(4 * HOUR);
        // the members are in the articles' records: this store holds the one engagement entry, nothing per article
        assertThat(entries(store)).hasSize(1);
        assertThat(entries(articleStore)).hasSize(3);
        assertThat(StoryStatsStore.readAll(store, articles, 200, 4 * HOUR, WINDOW)).hasSize(2);
        // as of a time past the window, neither story is open any more
        assertThat(StoryStatsStore.readAll(store, articles, 200, 10 * HOUR + WINDOW, WINDOW)).isEmpty();
    }

    @Test
    void theOldestLeavesPastTheBoundAndItsRecordNoLongerCounts() {
        StoryStatsStore stats = new StoryStatsStore(store, articles, 4, T0);
        for (int i = 0; i < 6; i++) put(stats, "st-a", member("a" + i, "s" + i, i), 4);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a2", "a3", "a4", "a5");
        assertThat(withTrending()).containsOnlyKeys("a2", "a3", "a4", "a5");
        // a new version keeps its first publish time and its one record
        put(stats, "st-a", new StoryStats.Member("a3", "s3", 9 * HOUR, false, List.of("TR"), "corrected"), 4);
        assertThat(entries(articleStore)).hasSize(6);
        assertThat(rebuilt(4).get("st-a")).isEqualTo(stats.get("st-a"));
        assertThat(stats.get("st-a").members().get(1).publishedMs()).isEqualTo(3 * HOUR);
        assertThat(stats.get("st-a").members().get(1).headline()).isEqualTo("corrected");
        // a member older than all the kept ones does not stay, in the heap or its record
        put(stats, "st-a", member("old", "x", 0), 4);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).doesNotContain("old");
        assertThat(withTrending()).containsOnlyKeys("a2", "a3", "a4", "a5");
        // withdrawing one of a full story does not bring back one that left: neither live nor rebuilt
        stats.removeMember("st-a", "a4", T0);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a2", "a3", "a5");
        assertThat(rebuilt(4).get("st-a")).isEqualTo(stats.get("st-a"));
    }

    @Test
    void withdrawnMembersLeaveTheirRecordsAndAnExpiredStoryItsEngagement() {
        StoryStatsStore stats = new StoryStatsStore(store, articles, 200, T0);
        put(stats, "st-a", member("a1", "s", 1), 200);
        put(stats, "st-a", member("a2", "s", 2), 200);
        put(stats, "st-b", member("b1", "s", 2), 200);
        stats.putEngagement(stats.get("st-b").withEngagement(1, 2 * HOUR, scorer));

        stats.removeMember("st-a", "a1", T0);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a2");
        stats.removeMember("st-a", "a2", T0);
        assertThat(stats.get("st-a")).isNull();
        assertThat(withTrending()).containsOnlyKeys("b1");
        // the articles keep their story for new versions
        assertThat(articles.storyOf("a1", T0)).isEqualTo("st-a");

        stats.delete("st-b");
        assertThat(stats.all()).isEmpty();
        assertThat(entries(store)).isEmpty();
        // its members' records stay until they age out: a rebuild has the story, without its engagement, and the
        // next ranking round expires it again
        assertThat(rebuilt(200).get("st-b").engagementAtMs()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void engagementAloneKeepsAStoryAfterItsLastMemberIsWithdrawn() {
        StoryStatsStore stats = new StoryStatsStore(store, articles, 200, T0);
        put(stats, "st-a", member("a1", "s", 1), 200);
        stats.putEngagement(stats.get("st-a").withEngagement(2, HOUR, scorer));
        stats.removeMember("st-a", "a1", T0);
        assertThat(rebuilt(200).get("st-a")).isEqualTo(stats.get("st-a"));
        assertThat(stats.get("st-a").members()).isEmpty();
        assertThat(Duration.ofMillis(stats.get("st-a").lastPublishedMs())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMemberLeavesWhenItsRecordAgesOut() {
        StoryStatsStore stats = new StoryStatsStore(store, articles, 200, T0);
        put(stats, "st-a", member("a1", "s", 1), 200);
        long later = T0 + WINDOW + HOUR;
        articles.assign("a2", "st-a", later);
        stats.putMember("st-a", member("a2", "s", 1000 + 73), 200, later);
        assertThat(stats.prune(articles.oldestBucket(later))).isZero();
        long muchLater = T0 + 2 * WINDOW + HOUR;
        assertThat(stats.prune(articles.oldestBucket(muchLater))).isEqualTo(1);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a2");
        // a rebuild once that record is gone agrees
        articles.assign("a3", "st-c", muchLater);
        assertThat(new StoryStatsStore(store, new ArticleStories(articleStore, WINDOW), 200, muchLater).get("st-a"))
                .isEqualTo(stats.get("st-a"));
    }

    @Test
    void anArticleThatJoinsAnewAfterItsRecordAgedOutLeavesItsOldStory() {
        StoryStatsStore stats = new StoryStatsStore(store, articles, 200, T0);
        put(stats, "st-a", member("a1", "s", 1), 200);
        put(stats, "st-a", member("a0", "s", 0), 200);
        long later = T0 + WINDOW + WINDOW / 2;
        assertThat(articles.storyOf("a1", later)).isNull();
        articles.assign("a1", "st-b", later);
        stats.putMember("st-b", member("a1", "s", 1), 200, later);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a0");
        assertThat(stats.get("st-b").members()).extracting(StoryStats.Member::articleId).containsExactly("a1");
        // the next round prunes a0, whose record went with a1's old one: the heap and a rebuild agree
        stats.prune(articles.oldestBucket(later));
        assertThat(stats.get("st-a")).isNull();
        StoryStatsStore rebuilt = new StoryStatsStore(store, new ArticleStories(articleStore, WINDOW), 200, later);
        assertThat(rebuilt.get("st-a")).isNull();
        assertThat(rebuilt.get("st-b")).isEqualTo(stats.get("st-b"));
    }

    @Test
    void memberEntriesOfTheLayoutBeforeMoveIntoTheirArticlesRecords() {
        articles.assign("a1", "st-a", T0);
        articles.assign("a2", "st-a", T0);
        store.put(StoryStatsStore.legacyMemberKey("st-a", "a1"), StoryStatsStore.encode(member("a1", "s", 1)));
        store.put(StoryStatsStore.legacyMemberKey("st-a", "a2"), StoryStatsStore.encode(member("a2", "t", 2)));
        // a member whose article has no record any more has nothing to move into
        store.put(StoryStatsStore.legacyMemberKey("st-z", "gone"), StoryStatsStore.encode(member("gone", "t", 2)));

        StoryStatsStore stats = new StoryStatsStore(store, articles, 200, T0);
        assertThat(stats.get("st-a").members()).extracting(StoryStats.Member::articleId).containsExactly("a1", "a2");
        assertThat(stats.get("st-z")).isNull();
        assertThat(entries(store)).isEmpty();
        assertThat(withTrending()).containsOnlyKeys("a1", "a2");
    }

    /** article id -> story, for the records that carry a member */
    private Map<String, String> withTrending() {
        Map<String, String> out = new TreeMap<>();
        articles.forEach((bucket, articleId, entry) -> {
            if (entry.trending() != null) out.put(articleId, entry.storyId());
        });
        return out;
    }

    private static List<Bytes> entries(KeyValueStore<Bytes, byte[]> s) {
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = s.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
