package io.newsflow.enrich.stories;

import io.newsflow.enrich.TimeBuckets;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which story each article of the last story window belongs to, so new versions and engagement events
 * find their story. Time-bucketed (see {@link TimeBuckets}): up to two point reads per lookup.
 */
public final class ArticleStories {
    private final TimeBuckets<String> buckets;

    public ArticleStories(KeyValueStore<Bytes, String> store, long windowMs) {
        this.buckets = new TimeBuckets<>(store, windowMs);
    }

    /** The story of the article, or null when it was not seen within the window. */
    public String storyOf(String articleId, long now) {
        return buckets.latest(articleId.getBytes(StandardCharsets.UTF_8), now);
    }

    public void assign(String articleId, String storyId, long now) {
        buckets.putCurrent(articleId.getBytes(StandardCharsets.UTF_8), storyId, now);
    }
}
