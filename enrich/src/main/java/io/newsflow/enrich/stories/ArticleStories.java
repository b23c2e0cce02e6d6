package io.newsflow.enrich.stories;

import io.newsflow.enrich.TimeBuckets;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which story each article of the last story window belongs to, so new versions and engagement events
 * find their story. Time-bucketed (see {@link TimeBuckets}): up to three point reads per lookup.
 */
public final class ArticleStories {
    private final TimeBuckets<String> buckets;

    public ArticleStories(KeyValueStore<Bytes, String> store, long windowMs) {
        this.buckets = new TimeBuckets<>(store, windowMs);
    }

    /** The story of the article, or null when it was not seen within the window. */
    public String storyOf(String articleId, long now) {
        byte[] key = articleId.getBytes(StandardCharsets.UTF_8);
        for (long b = buckets.newest(now); b >= buckets.oldest(now); b--) {
            String story = buckets.get(b, key);
            if (story != null) return story;
        }
        return null;
    }

    public void assign(String articleId, String storyId, long now) {
        buckets.expire(now);
        buckets.put(buckets.newest(now), articleId.getBytes(StandardCharsets.UTF_8), storyId);
    }
}
