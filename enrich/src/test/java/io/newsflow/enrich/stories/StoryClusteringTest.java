package io.newsflow.enrich.stories;

import static io.newsflow.enrich.NewsFixtures.QUAKE_WIRE_A;
import static io.newsflow.enrich.NewsFixtures.QUAKE_WIRE_B;
import static io.newsflow.enrich.NewsFixtures.QUAKE_WIRE_C;
import static io.newsflow.enrich.NewsFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.NewsFixtures.Copy;
import io.newsflow.enrich.TopologyHarness;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An article joins a story by the story itself (its core and its places), never by one member alone. */
class StoryClusteringTest {
    static final Instant T0 = Instant.parse("2026-03-03T06:00:00Z");
    private final StoryFingerprint fingerprint = new StoryFingerprint(StorySettings.defaults().bodyChars());
    private final double threshold = StorySettings.defaults().similarityThreshold();

    /** Lowercase made-up words {@code from} (inclusive) to {@code to} (exclusive): no names, no figures, no stopwords. */
    static Copy words(int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int i = from; i < to; i++) {
            body.append("zor").append((char) ('a' + i / 26)).append((char) ('a' + i % 26));
            body.append((i - from) % 8 == 7 ? ". " : " ");
        }
        String text = body.toString().trim();
        return new Copy(text.substring(0, text.indexOf(' ', 20)), null, text, null);
    }

    private byte[] sig(Copy c) {
        return fingerprint.signature(article("x", "s", c, T0, List.of()));
    }

    private static Map<String, String> storyOf(List<EnrichedArticle> out) {
        return out.stream().collect(Collectors.toMap(e -> e.getArticle().getId(), EnrichedArticle::getStoryId));
    }

    @Test
    void anArticleCloseToOneMemberOfAnotherEventDoesNotChainItsStoryIn() {
        Copy a = words(0, 20);
        Copy b = words(7, 27);   // shares 13 of 27 words with a
        Copy c = words(14, 34);  // shares 13 of 27 with b, 6 of 34 with a
        assertThat(StoryFingerprint.similarity(sig(a), sig(b))).isGreaterThanOrEqualTo(threshold);
        assertThat(StoryFingerprint.similarity(sig(b), sig(c))).isGreaterThanOrEqualTo(threshold);
        assertThat(StoryFingerprint.similarity(sig(a), sig(c))).isLessThan(threshold);
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("a", "Reuters", a, T0, List.of("FR")));
            h.send(article("b", "AP", b, T0.plusSeconds(60), List.of("FR")));
            h.send(article("c", "AFP", c, T0.plusSeconds(120), List.of("FR")));
            Map<String, String> story = storyOf(h.enriched());
            assertThat(story.get("b")).isEqualTo(story.get("a"));
            assertThat(story.get("c")).as("close to b only, not to the story").isNotEqualTo(story.get("a"));
        }
    }

    static Copy election(String country, String demonym, String city, int turnout, String leader) {
        String lede = "Voters in " + country + " cast ballots on Sunday in an election seen as a test for the government.";
        return new Copy("High turnout reported in " + demonym + " general election", lede,
                lede + "\n\nTurnout in the " + demonym + " election approached " + turnout + " percent, the electoral "
                        + "commission said. Opposition leader " + leader + " claimed an early lead as counting began.\n\n"
                        + "Long queues formed outside polling stations in " + city + ". Final results are expected within "
                        + "two days. The campaign was dominated by inflation and housing costs.", null);
    }

    @Test
    void theSameSkeletonWithOtherPlacesNamesAndFiguresIsAnotherEvent() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("kr-1", "Reuters", election("South Korea", "South Korean", "Busan", 66, "Kim Min-jun"), T0, List.of("KR")));
            h.send(article("nz-1", "AP", election("New Zealand", "New Zealand", "Auckland", 71, "Grace Tane"),
                    T0.plusSeconds(60), List.of("NZ")));
            // the same skeleton, the same country, another election: only the figures and names tell
            h.send(article("kr-2", "AFP", election("South Korea", "South Korean", "Incheon", 49, "Park Ji-ho"),
                    T0.plusSeconds(120), List.of("KR")));
            // the first election again, in another desk's words: the same event
            Copy rewrite = new Copy("South Korea votes: turnout near 66 percent as Kim Min-jun leads",
                    "Opposition leader Kim Min-jun claimed an early lead in South Korea, where turnout approached 66 percent.",
                    "Opposition leader Kim Min-jun claimed an early lead as counting began across South Korea, with "
                            + "turnout near 66 percent. Long queues formed outside polling stations in Busan. Voters cast "
                            + "ballots on Sunday in an election seen as a test for the government.", null);
            h.send(article("kr-1b", "dpa", rewrite, T0.plusSeconds(180), List.of("KR")));
            Map<String, String> story = storyOf(h.enriched());
            assertThat(Set.of(story.get("kr-1"), story.get("nz-1"), story.get("kr-2"))).hasSize(3);
            assertThat(story.get("kr-1b")).isEqualTo(story.get("kr-1"));
        }
    }

    @Test
    void aRealMultiAgencyStoryIsStillOneStory() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("reuters-1", "Reuters", QUAKE_WIRE_A, T0, List.of("TR")));
            h.send(article("ap-1", "AP", QUAKE_WIRE_B, T0.plusSeconds(600), List.of("TR")));
            h.send(article("afp-1", "AFP", QUAKE_WIRE_C, T0.plusSeconds(1200), List.of("TR")));
            assertThat(h.enriched().stream().map(EnrichedArticle::getStoryId).distinct()).hasSize(1);
        }
    }

    @Test
    void aStoryMergedWronglyDoesNotGrowFromItsStrayMember() {
        byte[] kr = sig(election("South Korea", "South Korean", "Busan", 66, "Kim Min-jun"));
        byte[] nz = sig(election("New Zealand", "New Zealand", "Auckland", 71, "Grace Tane"));
        byte[] nzAgain = sig(election("New Zealand", "New Zealand", "Auckland", 71, "Grace Tane"));
        long[] none = new long[StoryFingerprint.BANDS];
        List<StoryIndex.Member> merged = List.of(new StoryIndex.Member(0, kr, none, StoryPlaces.NONE),
                new StoryIndex.Member(1, nz, none, StoryPlaces.NONE));
        // a copy of the stray member matches it exactly, but not the story's core
        var closeness = StoryClusterProcessor.closeness(merged, nzAgain, StorySettings.defaults());
        assertThat(closeness.close()).isEqualTo(1);
        assertThat(closeness.joinsCore()).isFalse();
        // and a story about two countries takes an article about either, not about a third
        StoryPlaces story = StoryPlaces.union(List.of(new StoryPlaces(Set.of("KR"), Set.of("KR")),
                new StoryPlaces(Set.of("NZ"), Set.of("NZ", "AU"))));
        assertThat(new StoryPlaces(Set.of("NZ"), Set.of("NZ")).compatibleWith(story)).isTrue();
        assertThat(new StoryPlaces(Set.of("AU"), Set.of("AU")).compatibleWith(story)).isFalse(); // named by the story, about none of its countries
        assertThat(new StoryPlaces(Set.of("ET"), Set.of("ET", "KR")).compatibleWith(story)).isFalse();
        assertThat(StoryPlaces.NONE.compatibleWith(story)).isTrue();
    }

    @Test
    void aReportWrittenTheSameWayTheNextDayIsAnotherStory() {
        Copy fed = new Copy("Fed adds reserves via customer repurchases",
                null, "The Federal Reserve entered the U.S. Government securities market to arrange 1.5 billion dlrs "
                        + "of customer repurchase agreements, a Fed spokesman said. Dealers said Federal funds were "
                        + "trading at 6-1/8 pct when the Fed began its temporary and indirect supply of reserves.", null);
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("monday", "Reuters", fed, T0, List.of("US")));
            h.send(article("monday-later", "AP", fed, T0.plusSeconds(2 * 3600), List.of("US")));
            h.send(article("tuesday", "Reuters", fed, T0.plusSeconds(24 * 3600), List.of("US")));
            Map<String, String> story = storyOf(h.enriched());
            assertThat(story.get("monday-later")).isEqualTo(story.get("monday"));
            assertThat(story.get("tuesday")).isNotEqualTo(story.get("monday"));
        }
    }
}
