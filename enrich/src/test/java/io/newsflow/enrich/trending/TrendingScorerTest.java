package io.newsflow.enrich.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendingScorerTest {
    static final long HOUR = 3_600_000L;
    final TrendingSettings settings = TrendingSettings.defaults();
    final TrendingScorer scorer = new TrendingScorer(settings);

    StoryStats story(String id, long... publishedHoursAgoBySource) {
        StoryStats s = StoryStats.empty(id);
        int i = 0;
        for (long h : publishedHoursAgoBySource) {
            s = s.withMember(new StoryStats.Member(id + i, "src" + i, 100 * HOUR - h * HOUR, false, List.of("RU"), "h" + i), 200);
            i++;
        }
        return s;
    }

    @Test
    void scoreDecaysWithAgeAndIgnoresTheFuture() {
        StoryStats s = story("a", 0);
        double now = scorer.score(s, 100 * HOUR);
        double later = scorer.score(s, 104 * HOUR);
        assertThat(later).isLessThan(now / 2);
        assertThat(scorer.score(s, 99 * HOUR)).isZero();
    }

    @Test
    void lateMembersAndRemovedMembersCountForNothing() {
        StoryStats s = StoryStats.empty("a").withMember(new StoryStats.Member("x", "s", 100 * HOUR, true, List.of(), "h"), 10);
        assertThat(scorer.score(s, 100 * HOUR)).isZero();
        StoryStats two = story("b", 0, 0);
        assertThat(scorer.score(two.without("b0"), 100 * HOUR)).isEqualTo(scorer.score(story("c", 0), 100 * HOUR));
    }

    @Test
    void newVersionKeepsFirstPublishTimeAndMembersAreBounded() {
        StoryStats s = story("a", 5);
        StoryStats updated = s.withMember(new StoryStats.Member("a0", "src0", 100 * HOUR, false, List.of("TR"), "new"), 200);
        assertThat(updated.members()).singleElement().satisfies(m -> {
            assertThat(m.publishedMs()).isEqualTo(95 * HOUR);
            assertThat(m.headline()).isEqualTo("new");
            assertThat(m.countries()).containsExactly("TR");
        });
        StoryStats many = StoryStats.empty("m");
        for (int i = 0; i < 10; i++) many = many.withMember(new StoryStats.Member("m" + i, "s", i * HOUR, false, List.of(), null), 4);
        assertThat(many.members()).extracting(StoryStats.Member::articleId).containsExactly("m6", "m7", "m8", "m9");
    }
}
