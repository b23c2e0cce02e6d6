package io.newsflow.publish.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Evidence;
import io.newsflow.schemas.json.ArticleJson;

import java.util.List;
import java.util.Locale;

/**
 * The contract's JSON for a finished article (value of news.articles.json and of the per-country topics):
 * the article fields exactly as {@link ArticleJson} writes them (the {@code parse} shape), then {@code countries}
 * (as {@code tag} prints them: code, role in lower case, score, evidence), {@code story_id},
 * {@code trending_score} and {@code enriched_at}. Times are ISO-8601 UTC; absent values are null or empty.
 */
public final class FinishedArticleJson {

    public byte[] toBytes(EnrichedArticle enriched) {
        try {
            return ArticleJson.mapper().writeValueAsBytes(toNode(enriched));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write article " + enriched.getArticle().getId() + " as JSON", e);
        }
    }

    public ObjectNode toNode(EnrichedArticle enriched) {
        ObjectNode n = ArticleJson.toNode(enriched.getArticle());
        ArrayNode countries = n.putArray("countries");
        for (CountryTag tag : nullToEmpty(enriched.getCountries())) {
            ObjectNode c = countries.addObject();
            c.put("code", tag.getCode());
            c.put("role", tag.getRole() == null ? null : tag.getRole().name().toLowerCase(Locale.ROOT));
            c.put("score", tag.getScore());
            ArrayNode evidence = c.putArray("evidence");
            for (Evidence e : nullToEmpty(tag.getEvidence())) {
                ObjectNode ev = evidence.addObject();
                ev.put("text", e.getText());
                ev.put("field", e.getField());
                ev.put("offset", e.getOffset());
                ev.put("reason", e.getReason());
            }
        }
        n.put("story_id", enriched.getStoryId());
        n.put("trending_score", enriched.getTrendingScore());
        n.put("enriched_at", ArticleJson.formatInstant(enriched.getEnrichedAt()));
        return n;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
