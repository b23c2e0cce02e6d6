package io.newsflow.cli.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.cli.replay.ReplayCommandTest;
import io.newsflow.enrich.EnrichConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void generatedTrafficClustersIntoItsOwnEvents() {
        // the goal on a sample the other seeds of the score command do not see
        StoryScore.Result r = StoryScore.of(GeneratedStories.run(EnrichConfig.defaults(), 11, 2_500, 20));
        assertThat(r.articles()).isGreaterThan(2_000);
        assertThat(r.multiArticleStories()).isGreaterThan(300);
        assertThat(r.precision()).as("B-cubed precision").isGreaterThanOrEqualTo(0.99);
        assertThat(r.recall()).as("B-cubed recall").isGreaterThanOrEqualTo(0.95);
        assertThat(r.foreignShare()).isLessThanOrEqualTo(0.005);
    }

    @Test
    void scorePrintsOneLinePerSeedAndThePooledScore() {
        var run = ReplayCommandTest.run("stories", "score", "--items", "400", "--seeds", "1,2");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().filter(l -> l.matches("^(1|2|all) .*")).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).matches("all\\s+\\d+\\s+\\d+\\s+\\d+\\s+[01]\\.\\d{4}\\s+[01]\\.\\d{4}.*");
    }

    @Test
    void largestListsTheBiggestStoriesWithTheirHeadlines() throws Exception {
        Path file = tmp.resolve("day.jsonl");
        Files.write(file, List.of(
                ReplayCommandTest.line("c1", "Reuters", "Russian court jails journalist", ReplayCommandTest.COURT, "2026-03-03T04:00:00Z", "RU"),
                ReplayCommandTest.line("q1", "Reuters", "Earthquake strikes eastern Turkey", ReplayCommandTest.QUAKE, "2026-03-03T06:00:00Z", "TR"),
                ReplayCommandTest.line("q2", "AP", "Quake kills 41 in Turkey's Malatya", ReplayCommandTest.QUAKE, "2026-03-03T06:10:00Z", "TR")));
        var run = ReplayCommandTest.run("stories", "largest", file.toString(), "--top", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("3 articles, 2 stories, 1 with more than one article (2 articles)");
        assertThat(run.out()).contains("q1  Earthquake strikes eastern Turkey").contains("q2  Quake kills 41 in Turkey's Malatya")
                .doesNotContain("c1");
    }

    @Test
    void badOptionsAreNamed() {
        var run = ReplayCommandTest.run("stories", "score", "--items", "0");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--items must be at least 1, got 0");
    }
}
