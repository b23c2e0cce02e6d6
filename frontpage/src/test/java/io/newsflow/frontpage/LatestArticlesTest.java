package io.newsflow.frontpage;

import static io.newsflow.frontpage.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.frontpage.state.LatestArticles;
import io.newsflow.frontpage.state.LatestArticles.Outcome;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestArticlesTest {
    private final LatestArticles store = new LatestArticles(3);

    private static EnrichedArticle version(String id, long version, String headline) {
        return Fixtures.enriched(Fixtures.article(id).setVersion(version).setHeadline(headline).build());
    }

    private static EnrichedArticle kill(String id, Long version, PublicationStatus status) {
        Article bare = Article.newBuilder().setId(id).setFormat("ninjs").setVersion(version).setStatus(status).build();
        return Fixtures.enriched(bare);
    }

    private List<String> headlines() {
        return store.newestFirst().stream().map(e -> e.getArticle().getHeadline()).toList();
    }

    @Test
    void newVersionReplacesTheOldOne() {
        assertThat(store.apply("a", version("a", 1, "first"), T0)).isEqualTo(Outcome.ADDED);
        assertThat(store.apply("a", version("a", 2, "second"), T0)).isEqualTo(Outcome.REPLACED);
        assertThat(headlines()).containsExactly("second");
    }

    @Test
    void anOlderVersionArrivingLateDoesNotReplaceANewerOne() {
        store.apply("a", version("a", 3, "third"), T0);
        assertThat(store.apply("a", version("a", 2, "second"), T0)).isEqualTo(Outcome.STALE);
        assertThat(headlines()).containsExactly("third");
    }

    @Test
    void withdrawnCanceledAndTombstonedArticlesVanish() {
        store.apply("a", version("a", 1, "a"), T0);
        store.apply("b", version("b", 1, "b"), T0);
        store.apply("c", version("c", 1, "c"), T0);
        assertThat(store.apply("a", kill("a", null, PublicationStatus.WITHDRAWN), T0)).isEqualTo(Outcome.REMOVED);
        assertThat(store.apply("b", kill("b", 2L, PublicationStatus.CANCELED), T0)).isEqualTo(Outcome.REMOVED);
        assertThat(store.apply("c", null, T0)).isEqualTo(Outcome.REMOVED);
        assertThat(store.newestFirst()).isEmpty();
        assertThat(store.get("a")).isNull();
    }

    @Test
    void aKilledArticleStaysDownUnlessASourceSendsANewerVersion() {
        store.apply("a", version("a", 1, "v1"), T0);
        store.apply("a", kill("a", 2L, PublicationStatus.WITHDRAWN), T0);
        assertThat(store.apply("a", version("a", 1, "v1 again"), T0)).isEqualTo(Outcome.IGNORED_KILLED);
        assertThat(store.apply("a", version("a", 2, "v2 again"), T0)).isEqualTo(Outcome.IGNORED_KILLED);
        assertThat(headlines()).isEmpty();
        assertThat(store.apply("a", version("a", 3, "corrected"), T0)).isEqualTo(Outcome.ADDED);
        assertThat(headlines()).containsExactly("corrected");
    }

    @Test
    void newestFirstByUpdatedTimeThenByArrival() {
        store.apply("old", Fixtures.withHeadline("old", "old", T0), T0);
        store.apply("new", Fixtures.withHeadline("new", "new", T0.plusSeconds(600)), T0);
        store.apply("same1", Fixtures.withHeadline("same1", "same1", T0.plusSeconds(60)), T0);
        assertThat(headlines()).containsExactly("new", "same1", "old");
        store.apply("same2", Fixtures.withHeadline("same2", "same2", T0.plusSeconds(60)), T0);
        // capacity 3: the oldest goes; of two with the same time the later arrival ranks first
        assertThat(headlines()).containsExactly("new", "same2", "same1");
    }

    @Test
    void anArticleWithoutTimesIsOrderedByItsRecordTime() {
        EnrichedArticle untimed = Fixtures.enriched(Fixtures.article("u").setHeadline("untimed").setCreated(null)
                .setUpdated(null).build());
        untimed.setEnrichedAt(null);
        store.apply("u", untimed, T0.plusSeconds(3600));
        store.apply("t", Fixtures.withHeadline("t", "timed", T0), T0);
        assertThat(headlines()).containsExactly("untimed", "timed");
        assertThat(LatestArticles.timeOf(untimed.getArticle(), untimed, Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    }
}
