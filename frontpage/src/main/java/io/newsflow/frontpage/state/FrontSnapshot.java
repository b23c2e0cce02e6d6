package io.newsflow.frontpage.state;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What one page is rendered from: the articles newest first and the trending list per region. */
public record FrontSnapshot(List<EnrichedArticle> articles, Map<String, TrendingList> trending, Instant at) {
    public FrontSnapshot {
        articles = List.copyOf(articles);
        trending = Map.copyOf(trending);
    }

    /** The id of the newest article of a story, to link a trending entry to; null when none is on the page. */
    public String articleOfStory(String storyId) {
        if (storyId == null) {
            return null;
        }
        for (EnrichedArticle a : articles) {
            if (storyId.equals(a.getStoryId())) {
                return a.getArticle().getId();
            }
        }
        return null;
    }
}
