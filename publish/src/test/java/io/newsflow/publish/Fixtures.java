package io.newsflow.publish;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Evidence;
import io.newsflow.schemas.avro.PublicationStatus;

import java.time.Instant;
import java.util.List;

/** Enriched articles for tests: finished unless a test takes something away. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");

    private Fixtures() {}

    public static Article.Builder article(String id) {
        return Article.newBuilder()
                .setId(id)
                .setVersion(1L)
                .setFormat("ninjs")
                .setSource("Example Wire")
                .setUrl("https://wire.example/" + id)
                .setHeadline("Floods hit Dhaka as monsoon stalls")
                .setSummary("Heavy rain flooded low-lying districts.")
                .setBody("DHAKA (Example Wire) - Heavy rain flooded the capital.\n\nOfficials said schools were shut.")
                .setByline("A. Reporter")
                .setDateline("DHAKA")
                .setLanguage("en")
                .setCreated(T0)
                .setUpdated(T0.plusSeconds(60))
                .setCredit("Example Wire")
                .setDeclaredCountries(List.of("BD"))
                .setKeywords(List.of("floods", "weather"))
                .setStatus(PublicationStatus.USABLE)
                .setFeed("demo")
                .setReceivedAt(T0.plusSeconds(61));
    }

    public static CountryTag tag(String code, CountryRole role, double score) {
        return CountryTag.newBuilder().setCode(code).setRole(role).setScore(score)
                .setEvidence(List.of(Evidence.newBuilder().setText("DHAKA").setField("dateline").setOffset(0)
                        .setReason("dateline").build()))
                .build();
    }

    public static EnrichedArticle.Builder enriched(String id) {
        return EnrichedArticle.newBuilder()
                .setArticle(article(id).build())
                .setCountries(List.of(tag("BD", CountryRole.FOCUS, 0.92), tag("IN", CountryRole.MENTIONED, 0.31)))
                .setStoryId("story-" + id)
                .setTrendingScore(3.5)
                .setEnrichedAt(T0.plusSeconds(62));
    }
}
