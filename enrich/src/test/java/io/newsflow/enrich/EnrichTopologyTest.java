package io.newsflow.enrich;

import static io.newsflow.enrich.NewsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.Article;
import io.newsflow.enrich.stories.StoryFingerprint;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EngagementKind;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
    static final Instant T0 = Instant.parse("2026-03-03T06:00:00Z");
    static final List<String> AGENCIES = List.of("Reuters", "AP", "AFP", "dpa", "ANSA", "EFE", "PA", "Kyodo");

    static Instant at(double hoursFromT0) {
        return T0.plusMillis((long) (hoursFromT0 * 3_600_000));
    }

    static Article version(Article a, long version, Instant updated, String headline) {
        return Article.newBuilder(a).setVersion(version).setUpdated(updated).setHeadline(headline).build();
    }

    static List<String> ids(TrendingList list) {
        return list == null ? List.of() : list.getEntries().stream().map(TrendingEntry::getStoryId).toList();
    }

    @Test
    void unchangedResendIsDroppedEvenThroughAnotherFeed() {
        try (TopologyHarness h = new TopologyHarness()) {
            Article a = article("a1", "Reuters", RUSSIA_COURT, T0, List.of("RU"));
            h.send(a);
            h.send(a);
            h.send(Article.newBuilder(a).setFeed("other-feed").setReceivedAt(at(0.1)).build());
            List<EnrichedArticle> out = h.enriched();
            assertThat(out).hasSize(1);
            assertThat(out.get(0).getArticle().getId()).isEqualTo("a1");
        }
    }

    @Test
    void newerVersionReplacesAndLateOlderVersionIsIgnored() {
        try (TopologyHarness h = new TopologyHarness()) {
            Article v1 = article("a1", "Reuters", RUSSIA_COURT, T0, List.of("RU"));
            Article v2 = version(v1, 2, at(1), "Russian court jails journalist Pavel Orlov for six years");
            Article v3 = version(v1, 3, at(2), "UPDATE 2-Russian court jails journalist for six years; he will appeal");
            h.send(v1);
            h.send(v3);
            h.send(v2); // arrives late: older than v3
            List<EnrichedArticle> out = h.enriched();
            assertThat(out).extracting(e -> e.getArticle().getVersion()).containsExactly(1L, 3L);
            // the new version stays in the story of the first one
            assertThat(out.get(1).getStoryId()).isEqualTo(out.get(0).getStoryId());
            Map<String, TrendingList> lists = h.publish();
            assertThat(lists.get("global").getEntries().get(0).getHeadline()).startsWith("UPDATE 2-");
            assertThat(lists.get("global").getEntries().get(0).getArticles()).isEqualTo(1);
        }
    }

    @Test
    void sameVersionWithoutVersionNumbersIsOrderedByUpdated() {
        try (TopologyHarness h = new TopologyHarness()) {
            Article v1 = Article.newBuilder(article("a1", "Reuters", RUSSIA_COURT, T0, List.of("RU"))).setVersion(null).build();
            Article newer = Article.newBuilder(v1).setUpdated(at(1)).setBody(v1.getBody() + "\n\nHe will appeal.").build();
            Article older = Article.newBuilder(v1).setUpdated(at(0.5)).setBody(v1.getBody() + "\n\nDraft.").build();
            h.send(v1);
            h.send(newer);
            h.send(older);
            assertThat(h.enriched()).extracting(e -> e.getArticle().getUpdated()).containsExactly(T0, at(1));
        }
    }

    @Test
    void killNoticePropagatesAndTakesTheArticleOutOfTrending() {
        try (TopologyHarness h = new TopologyHarness()) {
            Article a = article("a1", "Reuters", RUSSIA_COURT, T0, List.of("RU"));
            h.send(a);
            assertThat(ids(h.publish().get("RU"))).hasSize(1);
            // a kill notice with the same version stamp (and no text) still goes through
            h.send(Article.newBuilder(a).setStatus(PublicationStatus.WITHDRAWN).setBody(null).build());
            List<EnrichedArticle> out = h.enriched();
            assertThat(out).hasSize(2);
            assertThat(out.get(1).getArticle().getStatus()).isEqualTo(PublicationStatus.WITHDRAWN);
            assertThat(out.get(1).getStoryId()).isEqualTo(out.get(0).getStoryId());
            Map<String, TrendingList> lists = h.publish();
            assertThat(lists.get("RU").getEntries()).isEmpty();
            assertThat(lists.get("global").getEntries()).isEmpty();
        }
    }

    @Test
    void oneStoryAcrossAgenciesWithRewrittenHeadlinesGetsOneStoryId() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("reuters-1", "Reuters", QUAKE_WIRE_A, at(0), List.of("TR")));
            h.send(article("ap-1", "AP", QUAKE_WIRE_B, at(0.2), List.of("TR")));
            h.send(article("afp-1", "AFP", QUAKE_WIRE_C, at(0.4), List.of("TR")));
            var records = h.enrichedRecords();
            // the fingerprint travelled to the newsroom in a header: it is not for downstream consumers
            assertThat(records).allSatisfy(r -> assertThat(r.headers().lastHeader(StoryFingerprint.Header.NAME)).isNull());
            List<EnrichedArticle> out = records.stream().map(r -> r.value()).toList();
            assertThat(out).hasSize(3);
            assertThat(out.stream().map(EnrichedArticle::getStoryId).distinct()).hasSize(1);
            TrendingEntry top = h.publish().get("global").getEntries().get(0);
            assertThat(top.getArticles()).isEqualTo(3);
            assertThat(top.getSources()).isEqualTo(3);
            assertThat(top.getCountries()).containsExactly("TR");
        }
    }

    @Test
    void storiesThatOnlyShareACountryOrWordsStayApart() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("r1", "Reuters", RUSSIA_RATES, at(0), List.of("RU")));
            h.send(article("r2", "AP", RUSSIA_COURT, at(0.1), List.of("RU")));
            h.send(article("r3", "AFP", RUSSIA_MARATHON, at(0.2), List.of("RU")));
            h.send(article("t1", "Reuters", TURKEY_RATES, at(0.3), List.of("TR"))); // shares "central bank", "rate"
            h.send(article("q1", "AP", QUAKE_WIRE_A, at(0.4), List.of("TR")));
            Set<String> stories = h.enriched().stream().map(EnrichedArticle::getStoryId).collect(Collectors.toSet());
            assertThat(stories).hasSize(5);
        }
    }

    @Test
    void burstNowBeatsAStoryThatHasBeenBigAllDay() {
        try (TopologyHarness h = new TopologyHarness()) {
            // steady: 25 articles, one an hour for a day, from 8 agencies
            for (int i = 0; i <= 24; i++) {
                h.send(article("steady-" + i, AGENCIES.get(i % AGENCIES.size()), RUSSIA_RATES, at(-24 + i), List.of("RU")));
            }
            // burst: 5 agencies within the last 40 minutes
            h.send(article("q-reuters", "Reuters", QUAKE_WIRE_A, at(-0.66), List.of("TR")));
            h.send(article("q-ap", "AP", QUAKE_WIRE_B, at(-0.5), List.of("TR")));
            h.send(article("q-afp", "AFP", QUAKE_WIRE_C, at(-0.3), List.of("TR")));
            h.send(article("q-dpa", "dpa", QUAKE_WIRE_A, at(-0.2), List.of("TR")));
            h.send(article("q-ansa", "ANSA", QUAKE_WIRE_B, at(-0.1), List.of("TR")));
            h.send(article("steady-25", "Reuters", RUSSIA_RATES, at(0), List.of("RU"))); // still active now
            List<TrendingEntry> global = h.publish().get("global").getEntries();
            assertThat(global).hasSize(2);
            assertThat(global.get(0).getStoryId()).isEqualTo(h.enriched().stream()
                    .filter(e -> e.getArticle().getId().equals("q-ap")).findFirst().orElseThrow().getStoryId());
            assertThat(global.get(0).getArticles()).isLessThan(global.get(1).getArticles());
            assertThat(global.get(0).getScore()).isGreaterThan(global.get(1).getScore());
        }
    }

    @Test
    void distinctSourcesWeighMoreThanOneSourceRepeating() {
        try (TopologyHarness h = new TopologyHarness()) {
            for (int i = 0; i < 4; i++) h.send(article("same-" + i, "Reuters", RUSSIA_COURT, at(-0.5 + i * 0.1), List.of("RU")));
            for (int i = 0; i < 4; i++) h.send(article("many-" + i, AGENCIES.get(i), RUSSIA_MARATHON, at(-0.5 + i * 0.1), List.of("RU")));
            List<TrendingEntry> ru = h.publish().get("RU").getEntries();
            assertThat(ru).extracting(TrendingEntry::getSources).containsExactly(4, 1);
            assertThat(ru.get(0).getArticles()).isEqualTo(ru.get(1).getArticles());
        }
    }

    @Test
    void backfillFromDaysAgoDoesNotTrendNow() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("now-1", "Reuters", RUSSIA_COURT, at(0), List.of("RU")));
            // eight agencies' copies of a three-day-old story, replayed now: a big story, but old
            for (int i = 0; i < 8; i++) h.send(article("old-" + i, AGENCIES.get(i), TURKEY_RATES, at(-72 + i * 0.1), List.of("TR")));
            List<EnrichedArticle> out = h.enriched();
            assertThat(out.subList(1, 9)).allSatisfy(e -> assertThat(e.getTrendingScore()).isZero());
            Map<String, TrendingList> lists = h.publish();
            assertThat(lists).doesNotContainKey("TR");
            assertThat(lists.get("global").getEntries()).extracting(TrendingEntry::getStoryId)
                    .containsExactly(out.get(0).getStoryId());
        }
        // control: the same eight copies arriving on time do trend, above the single article
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("now-1", "Reuters", RUSSIA_COURT, at(0), List.of("RU")));
            for (int i = 0; i < 8; i++) h.send(article("old-" + i, AGENCIES.get(i), TURKEY_RATES, at(-0.8 + i * 0.1), List.of("TR")));
            Map<String, TrendingList> lists = h.publish();
            assertThat(lists.get("TR").getEntries()).hasSize(1);
            assertThat(lists.get("global").getEntries().get(0).getCountries()).containsExactly("TR");
        }
    }

    @Test
    void listsPerCountryHoldOnlyThatCountrysStories() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("r1", "Reuters", RUSSIA_RATES, at(0), List.of("RU")));
            h.send(article("r2", "AP", RUSSIA_COURT, at(0.1), List.of("RU")));
            h.send(article("q1", "AFP", QUAKE_WIRE_A, at(0.2), List.of("TR")));
            h.send(article("m1", "dpa", RUSSIA_MARATHON, at(0.3), List.of("RU", "KE")));
            Map<String, TrendingList> lists = h.publish();
            assertThat(lists.keySet()).containsExactlyInAnyOrder("global", "RU", "TR", "KE");
            assertThat(lists.get("global").getEntries()).hasSize(4);
            assertThat(lists.get("RU").getEntries()).hasSize(3).allSatisfy(e -> assertThat(e.getCountries()).contains("RU"));
            assertThat(lists.get("TR").getEntries()).singleElement().satisfies(e -> assertThat(e.getHeadline()).contains("earthquake"));
            assertThat(lists.get("KE").getEntries()).singleElement().satisfies(e -> assertThat(e.getHeadline()).contains("marathon"));
            assertThat(lists.get("RU").getAt()).isEqualTo(at(0.3));
        }
    }

    @Test
    void listsArePublishedOnlyWhenChangedAndAtMostOncePerInterval() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("r1", "Reuters", RUSSIA_COURT, at(0), List.of("RU")));
            h.send(article("r2", "AP", RUSSIA_COURT, at(0.01), List.of("RU")));
            h.send(article("r3", "AFP", RUSSIA_COURT, at(0.02), List.of("RU")));
            // nothing published before the interval has passed, however many articles arrive
            assertThat(h.driver.createOutputTopic(h.config.trendingTopic(),
                    org.apache.kafka.common.serialization.Serdes.String().deserializer(),
                    org.apache.kafka.common.serialization.Serdes.String().deserializer()).isEmpty()).isTrue();
            List<KeyValue<String, TrendingList>> first = h.publishedRecords();
            assertThat(first).extracting(kv -> kv.key).containsExactlyInAnyOrder("global", "RU");
            assertThat(h.publishedRecords()).isEmpty(); // nothing changed
            h.send(article("r4", "dpa", RUSSIA_COURT, at(0.03), List.of("RU")));
            assertThat(h.publishedRecords()).extracting(kv -> kv.value.getEntries().get(0).getArticles()).containsOnly(4);
        }
    }

    @Test
    void engagementLiftsAStory() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("r1", "Reuters", RUSSIA_COURT, at(0), List.of("RU")));
            h.send(article("m1", "Reuters", RUSSIA_MARATHON, at(0), List.of("RU")));
            List<TrendingEntry> before = h.publish().get("RU").getEntries();
            assertThat(before.get(0).getScore()).isEqualTo(before.get(1).getScore());
            h.engage(new EngagementEvent("m1", EngagementKind.SHARE, 5000L, at(0)));
            List<TrendingEntry> after = h.publish().get("RU").getEntries();
            assertThat(after.get(0).getHeadline()).contains("marathon");
            assertThat(after.get(0).getScore()).isGreaterThan(after.get(1).getScore());
        }
    }

    @Test
    void theNewsroomWritesOneChangelogRecordPerArticleAndTrendingNoneOfItsOwn() {
        try (TopologyHarness h = new TopologyHarness()) {
            Article q1 = article("q1", "AP", QUAKE_WIRE_A, at(0), List.of("TR"));
            h.send(q1);
            h.send(article("q2", "AFP", QUAKE_WIRE_B, at(0.1), List.of("TR")));
            h.send(article("r1", "Reuters", RUSSIA_COURT, at(0.2), List.of("RU")));
            h.send(version(q1, 2, at(0.3), "Quake death toll rises"));
            assertThat(h.enriched()).hasSize(4);
            // clustering's record and trending's member of an article are one record
            assertThat(h.changelogRecords(io.newsflow.enrich.stories.StoryClusterProcessor.ARTICLE_STORIES_STORE)).isEqualTo(4);
            assertThat(h.changelogRecords(io.newsflow.enrich.trending.TrendingProcessor.STATS_STORE)).isZero();
            assertThat(h.stories()).hasSize(2);
        }
    }

    @Test
    void sameInputGivesTheSameListsAndIds() {
        Map<String, TrendingList> first;
        try (TopologyHarness h = new TopologyHarness()) {
            feedMixedDay(h);
            first = h.publish();
        }
        try (TopologyHarness h = new TopologyHarness()) {
            feedMixedDay(h);
            assertThat(h.publish()).isEqualTo(first);
        }
    }

    private static void feedMixedDay(TopologyHarness h) {
        for (int i = 0; i < 30; i++) h.send(article("f" + i, AGENCIES.get(i % 8), filler(i), at(-6 + i * 0.2), List.of("FR")));
        h.send(article("q1", "AP", QUAKE_WIRE_A, at(0), List.of("TR")));
        h.send(article("q2", "AFP", QUAKE_WIRE_B, at(0.1), List.of("TR")));
    }

    @Test
    void storyWindowBoundsClustering() {
        EnrichConfig cfg = EnrichConfig.defaults();
        try (TopologyHarness h = new TopologyHarness()) {
            h.send(article("q1", "AP", QUAKE_WIRE_A, at(0), List.of("TR")));
            Duration past = cfg.stories().window().plusHours(30);
            h.send(article("q2", "AFP", QUAKE_WIRE_B, T0.plus(past), List.of("TR")));
            List<EnrichedArticle> out = h.enriched();
            assertThat(out.get(1).getStoryId()).isNotEqualTo(out.get(0).getStoryId());
            h.publish();
            assertThat(h.stories()).extracting(s -> s.storyId()).containsExactly(out.get(1).getStoryId());
        }
    }
}
