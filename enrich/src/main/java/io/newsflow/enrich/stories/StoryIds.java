package io.newsflow.enrich.stories;

import com.dynatrace.hash4j.hashing.Hashing;

/** Story ids derive from the founding article id, so a replay of the same input gives the same ids. */
public final class StoryIds {
    private StoryIds() {}

    public static String founding(String articleId) {
        return "st-" + String.format("%016x", Hashing.xxh3_64().hashCharsToLong(articleId));
    }
}
