package io.newsflow.enrich.trending;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What trending knows about one story: its member articles (bounded) and decayed engagement.
 * Scores are recomputed from members at a given time rather than kept as running sums, so a
 * withdrawn article can be taken out exactly and the same input always gives the same score.
 */
public record StoryStats(String storyId, List<Member> members, double engagementFast, double engagementSlow,
                         long engagementAtMs) {

    /**
     * One article of the story.
     *
     * @param publishedMs when it was first published (versions keep the first time: a correction is not news)
     * @param late        arrived more than the lateness bound behind the clock (a backfill): counts in the story,
     *                    never in trending
     * @param countries   the countries it is about (focus)
     */
    public record Member(String articleId, String source, long publishedMs, boolean late, List<String> countries,
                         String headline) {}

    static final Comparator<Member> ORDER = Comparator.comparingLong(Member::publishedMs).thenComparing(Member::articleId);

    public static StoryStats empty(String storyId) {
        return new StoryStats(storyId, List.of(), 0, 0, Long.MIN_VALUE);
    }

    /** Adds a member or updates it (a new version keeps its first publish time and lateness). */
    public StoryStats withMember(Member m, int maxMembers) {
        List<Member> next = new ArrayList<>(members.size() + 1);
        Member merged = m;
        for (Member old : members) {
            if (old.articleId().equals(m.articleId())) {
                merged = new Member(m.articleId(), m.source(), old.publishedMs(), old.late(), m.countries(), m.headline());
            } else {
                next.add(old);
            }
        }
        next.add(merged);
        next.sort(ORDER);
        while (next.size() > maxMembers) next.remove(0);
        return new StoryStats(storyId, List.copyOf(next), engagementFast, engagementSlow, engagementAtMs);
    }

    public StoryStats without(String articleId) {
        List<Member> next = members.stream().filter(m -> !m.articleId().equals(articleId)).toList();
        return new StoryStats(storyId, next, engagementFast, engagementSlow, engagementAtMs);
    }

    /** Adds engagement weight observed at {@code atMs}, keeping both sums decayed to the latest time. */
    public StoryStats withEngagement(double weight, long atMs, TrendingScorer scorer) {
        if (engagementAtMs == Long.MIN_VALUE) return new StoryStats(storyId, members, weight, weight, atMs);
        if (atMs >= engagementAtMs) {
            long age = atMs - engagementAtMs;
            return new StoryStats(storyId, members, scorer.decayFast(engagementFast, age) + weight,
                    scorer.decaySlow(engagementSlow, age) + weight, atMs);
        }
        long age = engagementAtMs - atMs;
        return new StoryStats(storyId, members, engagementFast + scorer.decayFast(weight, age),
                engagementSlow + scorer.decaySlow(weight, age), engagementAtMs);
    }

    public long lastPublishedMs() {
        long last = Long.MIN_VALUE;
        for (Member m : members) last = Math.max(last, m.publishedMs());
        return Math.max(last, engagementAtMs);
    }
}
