package io.newsflow.enrich;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes of the contract topics (registry-backed in the app, anything in unit tests). Internal topics
 * and stores use the enrich module's own encodings.
 */
public record EnrichSerdes(Serde<Article> article, Serde<EnrichedArticle> enriched, Serde<TrendingList> trending,
                           Serde<EngagementEvent> engagement) {
    public EnrichSerdes {
        Objects.requireNonNull(article, "article serde (news.articles.raw values) is required");
        Objects.requireNonNull(enriched, "enriched serde (news.articles.enriched values) is required");
        Objects.requireNonNull(trending, "trending serde (news.trending values) is required");
        Objects.requireNonNull(engagement, "engagement serde (news.engagement values) is required");
    }
}
