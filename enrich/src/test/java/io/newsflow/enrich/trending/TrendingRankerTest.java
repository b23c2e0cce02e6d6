package io.newsflow.enrich.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingRankerTest {
    static final long HOUR = 3_600_000L;
    static final long NOW = 100 * HOUR;
    final TrendingRanker ranker = new TrendingRanker(TrendingSettings.defaults());

    static StoryStats story(String id, Object... countriesAndHeadlines) {
        StoryStats s = StoryStats.empty(id);
        for (int i = 0; i < countriesAndHeadlines.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> countries = (List<String>) countriesAndHeadlines[i];
            s = s.withMember(new StoryStats.Member(id + "-" + i, "src" + i, NOW - HOUR + i * 60_000L, false, countries,
                    (String) countriesAndHeadlines[i + 1]), 200);
        }
        return s;
    }

    @Test
    void aStrayArticleAboutAnotherCountryNeitherListsTheStoryThereNorGivesItsHeadline() {
        // the story's first article is the stray one: its headline must not stand for the story
        StoryStats kr = story("st-kr", List.of("NZ"), "New Zealand votes in general election",
                List.of("KR"), "High turnout reported in South Korean general election",
                List.of("KR"), "South Korea votes: turnout near 66 percent",
                List.of("KR"), "Kim Min-jun leads as South Korean votes are counted");
        Map<String, TrendingList> lists = ranker.rank(List.of(kr), NOW);
        assertThat(lists.keySet()).containsExactlyInAnyOrder("global", "KR");
        TrendingEntry entry = lists.get("KR").getEntries().get(0);
        assertThat(entry.getCountries()).containsExactly("KR");
        assertThat(entry.getHeadline()).isEqualTo("High turnout reported in South Korean general election");
        assertThat(entry.getArticles()).isEqualTo(4);
    }

    @Test
    void aStoryAboutTwoCountriesIsOnBothLists() {
        StoryStats summit = story("st-summit", List.of("ET", "VN"), "Ethiopia and Vietnam leaders meet in Addis Ababa",
                List.of("ET"), "Summit in Addis Ababa ends with trade pledge",
                List.of("VN"), "Vietnam's president holds talks with Ethiopia on trade");
        Map<String, TrendingList> lists = ranker.rank(List.of(summit), NOW);
        assertThat(lists.keySet()).containsExactlyInAnyOrder("global", "ET", "VN");
        assertThat(lists.get("ET").getEntries().get(0).getHeadline()).isEqualTo("Ethiopia and Vietnam leaders meet in Addis Ababa");
    }

    @Test
    void countriesOfAStoryAreThoseAtLeastHalfAsManyArticlesAreAbout() {
        assertThat(TrendingRanker.storyCountries(Map.of("KR", 6, "NZ", 1, "JP", 3))).containsExactly("JP", "KR");
        assertThat(TrendingRanker.storyCountries(Map.of())).isEmpty();
    }
}
