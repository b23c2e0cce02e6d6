package io.newsflow.frontpage;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Evidence;
import io.newsflow.schemas.avro.PublicationStatus;
import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Articles and trending lists for tests. */
public final class Fixtures {
    /** 18-02-2026 14:25 in India, 11:55 in Moscow. */
    public static final Instant T0 = Instant.parse("2026-02-18T08:55:00Z");

    private Fixtures() {}

    public static Article.Builder article(String id) {
        return Article.newBuilder()
                .setId(id)
                .setVersion(1L)
                .setFormat("ninjs")
                .setSource("Example Wire")
                .setUrl("https://wire.example/" + id)
                .setHeadline("Russia-Cuba talks in Moscow")
                .setSummary("Foreign ministers meet to discuss the blockade.")
                .setBody("MOSCOW (Example Wire) - The ministers met on Wednesday.\n\nBoth sides called the talks useful.")
                .setByline("A. Reporter")
                .setDateline("MOSCOW")
                .setLanguage("en")
                .setCreated(T0)
                .setUpdated(T0)
                .setCredit("With inputs from agencies.")
                .setStatus(PublicationStatus.USABLE)
                .setFeed("demo");
    }

    public static CountryTag tag(String code, CountryRole role, double score, String field) {
        return CountryTag.newBuilder().setCode(code).setRole(role).setScore(score)
                .setEvidence(List.of(Evidence.newBuilder().setText(code).setField(field).setOffset(0)
                        .setReason(field).build()))
                .build();
    }

    public static EnrichedArticle enriched(Article article, CountryTag... countries) {
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setCountries(List.of(countries))
                .setStoryId("story-" + article.getId())
                .setTrendingScore(1.0)
                .setEnrichedAt(article.getUpdated())
                .build();
    }

    /** An article about Russia datelined Moscow (focus RU, mentions CU). */
    public static EnrichedArticle moscow(String id) {
        return enriched(article(id).build(), tag("CU", CountryRole.MENTIONED, 0.4, "body"),
                tag("RU", CountryRole.FOCUS, 0.9, "dateline"));
    }

    public static EnrichedArticle withHeadline(String id, String headline, Instant updated) {
        return enriched(article(id).setHeadline(headline).setUpdated(updated).setCreated(updated).build(),
                tag("RU", CountryRole.FOCUS, 0.9, "dateline"));
    }

    public static TrendingList trending(String region, Instant at, String... storyAndHeadline) {
        List<TrendingEntry> entries = new ArrayList<>();
        for (int i = 0; i < storyAndHeadline.length; i += 2) {
            entries.add(TrendingEntry.newBuilder().setStoryId(storyAndHeadline[i]).setHeadline(storyAndHeadline[i + 1])
                    .setScore(10.0 - i).setArticles(3).setSources(2).setCountries(List.of()).build());
        }
        return TrendingList.newBuilder().setRegion(region).setAt(at).setEntries(entries).build();
    }
}
