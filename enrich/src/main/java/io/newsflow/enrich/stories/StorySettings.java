package io.newsflow.enrich.stories;

import java.time.Duration;

/**
 * How stories are clustered.
 *
 * @param window              how long a story stays open for new articles (and its index is kept)
 * @param similarityThreshold estimated Jaccard similarity of word sets above which two articles are one story
 * @param bodyChars           how much of the body (the lead) goes into the fingerprint
 * @param fingerprintsPerStory how many member fingerprints a story keeps to compare against (its core)
 * @param specificsThreshold  estimated Jaccard similarity of names and figures below which two articles are two
 *                            events however alike their words (one skeleton, another place, name or figure)
 * @param gap                 how long after a story's latest article a new one starts another story: a daily
 *                            report written the same way every day is a new event each day
 */
public record StorySettings(Duration window, double similarityThreshold, int bodyChars, int fingerprintsPerStory,
                            double specificsThreshold, Duration gap) {
    public static StorySettings defaults() {
        return new StorySettings(Duration.ofHours(72), 0.30, 1200, 8, 0.4, Duration.ofHours(12));
    }

    public StorySettings {
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("enrich.story.window must be positive, e.g. PT72H");
        if (similarityThreshold <= 0 || similarityThreshold >= 1) {
            throw new IllegalArgumentException("enrich.story.similarity must be between 0 and 1 (exclusive), e.g. 0.3");
        }
        if (bodyChars < 0) throw new IllegalArgumentException("enrich.story.body-chars must be >= 0");
        if (fingerprintsPerStory < 1) throw new IllegalArgumentException("enrich.story.fingerprints must be >= 1");
        if (gap.isNegative() || gap.isZero() || gap.compareTo(window) > 0) {
            throw new IllegalArgumentException("enrich.story.gap must be positive and at most enrich.story.window (" + window
                    + "), e.g. PT12H; got " + gap);
        }
        if (specificsThreshold < 0 || specificsThreshold >= 1) {
            throw new IllegalArgumentException("enrich.story.specifics-similarity must be at least 0 and below 1, e.g. 0.4");
        }
    }
}
