package io.newsflow.frontpage;

import static io.newsflow.frontpage.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.frontpage.render.FrontJson;
import io.newsflow.frontpage.state.FrontSnapshot;
import io.newsflow.frontpage.zone.DatelineZones;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontJsonTest {

    @Test
    void articlesAndTrendingListsAsJson() throws Exception {
        FrontSnapshot snapshot = new FrontSnapshot(
                List.of(Fixtures.withHeadline("b", "Second \"quoted\" <b>", T0.plusSeconds(60)), Fixtures.moscow("https://x/1")),
                Map.of("global", Fixtures.trending("global", T0, "story-b", "Top story"),
                        "IN", Fixtures.trending("IN", T0, "s-in", "Indian story")),
                T0);
        JsonNode root = new ObjectMapper().readTree(new FrontJson(DatelineZones.standard()).render(snapshot));

        assertThat(root.get("articles")).hasSize(2);
        JsonNode first = root.get("articles").get(0);
        assertThat(first.get("headline").asText()).isEqualTo("Second \"quoted\" <b>");
        assertThat(first.get("link").asText()).isEqualTo("/article/b");
        assertThat(first.get("time_zone").asText()).isEqualTo("Europe/Moscow");
        assertThat(first.get("meta").asText()).endsWith("Created: 18-02-2026 11:56 MSK");
        JsonNode second = root.get("articles").get(1);
        assertThat(second.get("link").asText()).startsWith("/article/~");
        assertThat(second.get("countries").get(0).get("code").asText()).isEqualTo("RU");
        assertThat(second.get("countries").get(0).get("role").asText()).isEqualTo("focus");
        assertThat(second.get("countries").get(0).get("name").asText()).isEqualTo("Russia");
        assertThat(second.get("story_id").asText()).isEqualTo("story-https://x/1");

        JsonNode global = root.get("trending").get("global");
        assertThat(global.get("label").asText()).isEqualTo("Global");
        assertThat(global.get("entries").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(global.get("entries").get(0).get("article").asText()).isEqualTo("/article/b");
        assertThat(root.get("trending").get("IN").get("label").asText()).isEqualTo("India");
        assertThat(root.get("trending").get("IN").get("entries").get(0).get("article").isNull()).isTrue();
    }

    @Test
    void onlyWebLinksAreGivenOutAsTheArticlesUrl() throws Exception {
        var script = Fixtures.withHeadline("js", "Scripted link", T0);
        script.getArticle().setUrl("javascript:alert(document.cookie)");
        var data = Fixtures.withHeadline("data", "Data link", T0.plusSeconds(1));
        data.getArticle().setUrl(" data:text/html,<script>alert(1)</script>");
        var web = Fixtures.withHeadline("web", "Web link", T0.plusSeconds(2));
        web.getArticle().setUrl(" https://news.example.com/a ");
        FrontSnapshot snapshot = new FrontSnapshot(List.of(script, data, web), Map.of(), T0);
        JsonNode articles = new ObjectMapper().readTree(new FrontJson(DatelineZones.standard()).render(snapshot)).get("articles");
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        articles.forEach(a -> byId.put(a.get("id").asText(), a.get("url")));
        assertThat(byId.get("js").isNull()).isTrue();
        assertThat(byId.get("data").isNull()).isTrue();
        assertThat(byId.get("web").asText()).isEqualTo("https://news.example.com/a");
    }
}
