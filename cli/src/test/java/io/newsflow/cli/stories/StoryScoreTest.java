package io.newsflow.cli.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryScoreTest {
    private static StoryScore.Assignment a(String id, String event, String story, String... focus) {
        return new StoryScore.Assignment(id, event, story, Set.of(focus));
    }

    @Test
    void perfectClusteringScoresOne() {
        StoryScore.Result r = StoryScore.of(List.of(a("1", "e1", "s1", "KR"), a("2", "e1", "s1", "KR"), a("3", "e2", "s2", "NZ")));
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.mixed()).isEmpty();
        assertThat(r.foreignShare()).isZero();
    }

    @Test
    void aMergeCostsPrecisionInProportionToTheArticlesItMisleads() {
        // two events of two articles each, merged into one story
        StoryScore.Result r = StoryScore.of(List.of(a("1", "kr", "s", "KR"), a("2", "kr", "s", "KR"),
                a("3", "nz", "s", "NZ"), a("4", "nz", "s", "NZ")));
        assertThat(r.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.mixed()).singleElement().satisfies(m -> {
            assertThat(m.events()).isEqualTo(2);
            assertThat(m.headlineEvents()).containsExactly("kr x2", "nz x2");
        });
        // the main focus is KR (tie, smaller code): the two NZ articles are about another country
        assertThat(r.foreignArticles()).isEqualTo(2);
        assertThat(r.foreignShare()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aSplitCostsRecall() {
        StoryScore.Result r = StoryScore.of(List.of(a("1", "e", "s1"), a("2", "e", "s1"), a("3", "e", "s2"), a("4", "e", "s2")));
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(r.stories()).isEqualTo(2);
    }
}
