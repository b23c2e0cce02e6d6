package io.newsflow.publish.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.publish.Fixtures;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.json.ArticleJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FinishedArticleJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesArticleFieldsThenCountriesStoryAndScore() throws Exception {
        EnrichedArticle e = Fixtures.enriched("a1").build();
        JsonNode n = mapper.readTree(new FinishedArticleJson().toBytes(e));

        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        List<String> expected = new ArrayList<>(ArticleJson.FIELDS);
        expected.addAll(List.of("countries", "story_id", "trending_score", "enriched_at"));
        assertThat(names).containsExactlyElementsOf(expected);

        assertThat(n.get("id").asText()).isEqualTo("a1");
        assertThat(n.get("created").asText()).isEqualTo("2026-11-28T06:00:00Z");
        assertThat(n.get("status").asText()).isEqualTo("usable");
        assertThat(n.get("story_id").asText()).isEqualTo("story-a1");
        assertThat(n.get("trending_score").asDouble()).isEqualTo(3.5);
        JsonNode bd = n.get("countries").get(0);
        assertThat(bd.get("code").asText()).isEqualTo("BD");
        assertThat(bd.get("role").asText()).isEqualTo("focus");
        assertThat(bd.get("score").asDouble()).isEqualTo(0.92);
        assertThat(bd.get("evidence").get(0).get("reason").asText()).isEqualTo("dateline");
        assertThat(n.get("countries").get(1).get("role").asText()).isEqualTo("mentioned");
    }

    @Test
    void articleFieldsReadBackAsTheSameArticle() {
        EnrichedArticle e = Fixtures.enriched("a1").build();
        String text = new String(new FinishedArticleJson().toBytes(e), java.nio.charset.StandardCharsets.UTF_8);
        // consumers of news.articles.json can use the contract's article reader; extra fields are ignored
        assertThat(ArticleJson.fromJson(text)).isEqualTo(e.getArticle());
    }

    @Test
    void absentValuesAreNullNotInvented() throws Exception {
        EnrichedArticle e = Fixtures.enriched("a1")
                .setArticle(Fixtures.article("a1").setVersion(null).setByline(null).setKeywords(List.of()).build())
                .setEnrichedAt(null).build();
        JsonNode n = mapper.readTree(new FinishedArticleJson().toBytes(e));
        assertThat(n.get("version").isNull()).isTrue();
        assertThat(n.get("byline").isNull()).isTrue();
        assertThat(n.get("keywords").isEmpty()).isTrue();
        assertThat(n.get("enriched_at").isNull()).isTrue();
    }
}
