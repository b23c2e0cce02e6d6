package io.newsflow.enrich.trending;

import java.time.Duration;

/**
 * How trending is scored and published.
 *
 * @param fastHalfLife   half-life of "activity now"
 * @param slowHalfLife   half-life of the story's own baseline ("big all day")
 * @param lateness       an article arriving more than this behind the newsroom clock is a backfill: it joins its
 *                       story but adds no trending activity
 * @param repeatWeight   weight of a further article from a source already in the story (a new source weighs 1)
 * @param topN           entries per region list
 * @param minScore       stories below this score are not listed
 * @param emitInterval   at most one round of list updates per interval (wall clock)
 * @param maxMembers     members kept per story (the oldest go first); bounds state per story
 */
public record TrendingSettings(Duration fastHalfLife, Duration slowHalfLife, Duration lateness, double repeatWeight,
                               int topN, double minScore, Duration emitInterval, int maxMembers) {
    public static TrendingSettings defaults() {
        return new TrendingSettings(Duration.ofHours(2), Duration.ofHours(24), Duration.ofHours(6), 0.25,
                10, 0.05, Duration.ofSeconds(2), 200);
    }

    public TrendingSettings {
        if (fastHalfLife.isZero() || fastHalfLife.isNegative() || slowHalfLife.compareTo(fastHalfLife) <= 0) {
            throw new IllegalArgumentException("trending half-lives must be positive with slow > fast, e.g. PT2H and PT24H");
        }
        if (lateness.isNegative()) throw new IllegalArgumentException("enrich.trending.lateness must be >= 0, e.g. PT6H");
        if (repeatWeight < 0 || repeatWeight > 1) throw new IllegalArgumentException("enrich.trending.repeat-weight must be in [0,1]");
        if (topN < 1) throw new IllegalArgumentException("enrich.trending.top must be >= 1");
        if (emitInterval.isZero() || emitInterval.isNegative()) throw new IllegalArgumentException("enrich.trending.emit-interval must be positive, e.g. PT2S");
        if (maxMembers < 1) throw new IllegalArgumentException("enrich.trending.max-members must be >= 1");
    }
}
