package io.newsflow.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleJsonTest {

    private static Article full() {
        return Article.newBuilder()
                .setId("urn:newsml:example.com:20260218:lavrov")
                .setVersion(3L)
                .setFormat("newsml")
                .setSource("Example Wire")
                .setUrl("https://example.com/a/1")
                .setHeadline("Lavrov meets Cuban counterpart")
                .setSummary("Talks in Moscow.")
                .setBody("First paragraph.\n\nSecond \"quoted\" paragraph.")
                .setByline("News Desk")
                .setDateline("Moscow")
                .setLanguage("en")
                .setCreated(Instant.parse("2026-02-18T08:55:00Z"))
                .setUpdated(Instant.parse("2026-02-18T08:55:00.123Z"))
                .setCredit("(With inputs from agencies.)")
                .setDeclaredCountries(new ArrayList<>(List.of("RU", "CU")))
                .setKeywords(new ArrayList<>(List.of("diplomacy")))
                .setStatus(PublicationStatus.WITHDRAWN)
                .setFeed("demo")
                .setReceivedAt(Instant.parse("2026-02-18T09:00:00Z"))
                .build();
    }

    @Test
    void writesContractFieldNamesInOrderWithUtcTimesAndLowercaseStatus() throws Exception {
        JsonNode n = ArticleJson.mapper().readTree(ArticleJson.toJson(full()));
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(ArticleJson.FIELDS);
        assertThat(n.get("created").asText()).isEqualTo("2026-02-18T08:55:00Z");
        assertThat(n.get("updated").asText()).isEqualTo("2026-02-18T08:55:00.123Z");
        assertThat(n.get("declared_countries")).hasSize(2);
        assertThat(n.get("declared_countries").get(0).asText()).isEqualTo("RU");
        assertThat(n.get("status").asText()).isEqualTo("withdrawn");
        assertThat(n.get("version").asLong()).isEqualTo(3L);
    }

    @Test
    void roundTripsEveryField() {
        Article a = full();
        assertThat(ArticleJson.fromJson(ArticleJson.toJson(a))).isEqualTo(a);
    }

    @Test
    void absentValuesAreNullAndEmptyListsNotInvented() throws Exception {
        Article minimal = Article.newBuilder().setId("x").setFormat("rss").build();
        JsonNode n = ArticleJson.mapper().readTree(ArticleJson.toJson(minimal));
        assertThat(n.get("headline").isNull()).isTrue();
        assertThat(n.get("created").isNull()).isTrue();
        assertThat(n.get("version").isNull()).isTrue();
        assertThat(n.get("keywords").isArray()).isTrue();
        assertThat(n.get("keywords")).isEmpty();
        assertThat(n.get("status").asText()).isEqualTo("usable");
        assertThat(ArticleJson.fromJson(ArticleJson.toJson(minimal))).isEqualTo(minimal);
    }

    @Test
    void readsOffsetsAsUtcAndIgnoresUnknownFields() {
        Article a = ArticleJson.fromJson("{\"id\":\"a\",\"format\":\"text\",\"file\":\"x.txt\",\"countries\":[],"
                + "\"created\":\"2026-02-18T14:25:00+05:30\",\"status\":\"CANCELED\"}");
        assertThat(a.getCreated()).isEqualTo(Instant.parse("2026-02-18T08:55:00Z"));
        assertThat(a.getStatus()).isEqualTo(PublicationStatus.CANCELED);
        assertThat(a.getDeclaredCountries()).isEmpty();
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertThatThrownBy(() -> ArticleJson.fromJson("{\"format\":\"rss\"}")).hasMessageContaining("'id'");
        assertThatThrownBy(() -> ArticleJson.fromJson("{\"id\":\"a\",\"format\":\"rss\",\"created\":\"yesterday\"}"))
                .hasMessageContaining("'created'");
        assertThatThrownBy(() -> ArticleJson.fromJson("{\"id\":\"a\",\"format\":\"rss\",\"keywords\":\"x\"}"))
                .hasMessageContaining("'keywords'");
        assertThatThrownBy(() -> ArticleJson.fromJson("{\"id\":\"a\",\"format\":\"rss\",\"status\":\"gone\"}"))
                .hasMessageContaining("'status'");
        assertThatThrownBy(() -> ArticleJson.fromJson("{\"id\":")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ArticleJson.fromJson("[1]")).hasMessageContaining("object");
    }
}
