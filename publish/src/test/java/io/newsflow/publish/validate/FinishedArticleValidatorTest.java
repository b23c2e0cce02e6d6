package io.newsflow.publish.validate;

import io.newsflow.publish.Fixtures;
import io.newsflow.schemas.article.Violation;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FinishedArticleValidatorTest {
    private final FinishedArticleValidator validator = new FinishedArticleValidator();

    @Test
    void completeArticleIsFinished() {
        assertThat(validator.violations(Fixtures.enriched("a1").build())).isEmpty();
    }

    @Test
    void missingHeadlineIsNamed() {
        EnrichedArticle e = Fixtures.enriched("a1")
                .setArticle(Fixtures.article("a1").setHeadline(" ").build()).build();
        assertThat(validator.violations(e)).extracting(Violation::field).containsExactly("article.headline");
    }

    @Test
    void aHeadlineOnlyFlashIsFinished() {
        EnrichedArticle flash = Fixtures.enriched("a1")
                .setArticle(Fixtures.article("a1").setBody(null).setSummary(null).build()).build();
        assertThat(validator.violations(flash)).isEmpty();
    }

    @Test
    void articleNeverEnrichedOrWithoutStoryIsNotFinished() {
        EnrichedArticle e = Fixtures.enriched("a1").setEnrichedAt(null).setStoryId(null).build();
        assertThat(validator.violations(e)).extracting(Violation::field).containsExactly("enriched_at", "story_id");
    }

    @Test
    void anEnrichedArticleAboutNoCountryIsFinished() {
        EnrichedArticle e = Fixtures.enriched("a1").setCountries(List.of()).build();
        assertThat(validator.violations(e)).isEmpty();
    }

    @Test
    void badCountryCodeAndScoreAreNamedWithTheirIndex() {
        EnrichedArticle e = Fixtures.enriched("a1").setCountries(List.of(
                Fixtures.tag("BD", CountryRole.FOCUS, 0.9),
                Fixtures.tag("Bangladesh", CountryRole.MENTIONED, Double.NaN))).build();
        assertThat(validator.violations(e)).extracting(Violation::field)
                .containsExactly("countries[1].code", "countries[1].score");
    }

    @Test
    void articleWithoutAnyTimeIsNotFinishedButTheReceivedTimeIsOne() {
        EnrichedArticle none = Fixtures.enriched("a1")
                .setArticle(Fixtures.article("a1").setCreated(null).setUpdated(null).setReceivedAt(null).build()).build();
        assertThat(validator.violations(none)).extracting(Violation::field).containsExactly("article.created");
        EnrichedArticle received = Fixtures.enriched("a1").setArticle(Fixtures.article("a1").setCreated(null)
                .setUpdated(null).setReceivedAt(java.time.Instant.parse("2026-12-04T04:00:00Z")).build()).build();
        assertThat(validator.violations(received)).isEmpty();
    }

    @Test
    void bareKillNoticeNeedsOnlyItsId() {
        EnrichedArticle kill = Fixtures.enriched("a1")
                .setArticle(Fixtures.article("a1").setStatus(PublicationStatus.WITHDRAWN).setHeadline(null)
                        .setBody(null).setSummary(null).build())
                .setCountries(List.of()).setStoryId(null).build();
        assertThat(validator.violations(kill)).isEmpty();

        EnrichedArticle noId = Fixtures.enriched("x")
                .setArticle(Fixtures.article(" ").setStatus(PublicationStatus.CANCELED).build()).build();
        assertThat(validator.violations(noId)).extracting(Violation::field).containsExactly("article.id");
    }
}
