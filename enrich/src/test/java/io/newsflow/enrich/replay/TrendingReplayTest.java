package io.newsflow.enrich.replay;

import static io.newsflow.enrich.NewsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.CountryTagging;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.trending.TrendingJson;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.TrendingList;
import io.newsflow.schemas.json.ArticleJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingReplayTest {
    static final Instant T0 = Instant.parse("2026-03-03T06:00:00Z");

    @Test
    void ranksAsOfTheLastEventOrAGivenTime() throws Exception {
        List<Article> day = List.of(
                article("r1", "Reuters", RUSSIA_COURT, T0.minusSeconds(4 * 3600), List.of("RU")),
                article("q1", "Reuters", QUAKE_WIRE_A, T0, List.of("TR")),
                article("q2", "AP", QUAKE_WIRE_B, T0.plusSeconds(300), List.of("TR")));
        try (TrendingReplay replay = new TrendingReplay(EnrichConfig.defaults(), CountryTagging.declaredOnly())) {
            // through the contract JSON, as the replay command reads it
            for (Article a : day) replay.send(ArticleJson.fromJson(ArticleJson.toJson(a)));
            assertThat(replay.lastEvent()).isEqualTo(T0.plusSeconds(300));
            Map<String, TrendingList> now = replay.rank(null);
            assertThat(now.keySet()).containsExactly("RU", "TR", "global");
            assertThat(now.get("global").getEntries().get(0).getArticles()).isEqualTo(2);
            // before the quake, only the Russian story existed
            Map<String, TrendingList> before = replay.rank(T0.minusSeconds(3600));
            assertThat(before.keySet()).containsExactly("RU", "global");
            var json = TrendingJson.regions(T0.plusSeconds(300), now);
            assertThat(json.get("at").asText()).isEqualTo("2026-03-03T06:05:00Z");
            assertThat(json.get("regions").fieldNames()).toIterable().containsExactly("global", "RU", "TR");
            assertThat(json.get("regions").get("TR").get(0).fieldNames()).toIterable()
                    .containsExactly("story_id", "headline", "score", "articles", "sources", "countries");
        }
    }
}
