package io.newsflow.enrich.trending;

import java.util.HashSet;
import java.util.Set;

/**
 * Trending score of a story at an event time, from its members alone (deterministic):
 * <pre>
 *   fast  = sum of w * 2^(-age / fastHalfLife)      activity now
 *   slow  = sum of w * 2^(-age / slowHalfLife)      the story's own baseline
 *   expected = slow * fastHalfLife / slowHalfLife   what "now" would be if the story ran at its usual rate
 *   score = fast * (fast + 1) / (expected + 1)
 * </pre>
 * w is 1 for the first article of each source and {@code repeatWeight} for further ones, so five agencies
 * beat one agency filing five times. A story that has been big all day has a large baseline and needs
 * proportionally more activity now; a burst has almost none and scores on its current activity.
 * Backfilled (late) members and members after the scoring time count for nothing.
 */
public final class TrendingScorer {
    private final TrendingSettings settings;
    private final double fastHalfLifeMs;
    private final double slowHalfLifeMs;

    public TrendingScorer(TrendingSettings settings) {
        this.settings = settings;
        this.fastHalfLifeMs = settings.fastHalfLife().toMillis();
        this.slowHalfLifeMs = settings.slowHalfLife().toMillis();
    }

    public double score(StoryStats story, long atMs) {
        double fast = 0;
        double slow = 0;
        Set<String> sources = new HashSet<>();
        for (StoryStats.Member m : story.members()) { // members are in publish order
            if (m.late() || m.publishedMs() > atMs) continue;
            double w = sources.add(sourceOf(m)) ? 1.0 : settings.repeatWeight();
            long age = atMs - m.publishedMs();
            fast += decayFast(w, age);
            slow += decaySlow(w, age);
        }
        if (story.engagementAtMs() != Long.MIN_VALUE && story.engagementAtMs() <= atMs) {
            long age = atMs - story.engagementAtMs();
            fast += decayFast(story.engagementFast(), age);
            slow += decaySlow(story.engagementSlow(), age);
        }
        double expected = slow * fastHalfLifeMs / slowHalfLifeMs;
        double score = fast * (fast + 1) / (expected + 1);
        // rounded so scores print the same on every machine and replay
        return Math.round(score * 10_000d) / 10_000d;
    }

    public double decayFast(double value, long ageMs) {
        return value * Math.pow(0.5, ageMs / fastHalfLifeMs);
    }

    public double decaySlow(double value, long ageMs) {
        return value * Math.pow(0.5, ageMs / slowHalfLifeMs);
    }

    static String sourceOf(StoryStats.Member m) {
        return m.source() == null ? "" : m.source();
    }
}
