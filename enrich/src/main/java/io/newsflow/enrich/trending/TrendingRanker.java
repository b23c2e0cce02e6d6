package io.newsflow.enrich.trending;

import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ranked lists per region (global + each country a story is about, by most of its articles) from story stats at one
 * event time.
 */
public final class TrendingRanker {
    public static final String GLOBAL = "global";
    private static final Comparator<TrendingEntry> RANK = Comparator.comparingDouble(TrendingEntry::getScore).reversed()
            .thenComparing(TrendingEntry::getStoryId);

    private final TrendingSettings settings;
    private final TrendingScorer scorer;

    public TrendingRanker(TrendingSettings settings) {
        this.settings = settings;
        this.scorer = new TrendingScorer(settings);
    }

    public TrendingScorer scorer() {
        return scorer;
    }

    /** Lists keyed by region, in region order; regions with nothing trending are absent. */
    public Map<String, TrendingList> rank(Iterable<StoryStats> stories, long atMs) {
        Map<String, PriorityQueue<TrendingEntry>> top = new TreeMap<>();
        for (StoryStats story : stories) {
            TrendingEntry entry = entryOf(story, atMs);
            if (entry == null) continue;
            offer(top, GLOBAL, entry);
            for (String country : entry.getCountries()) offer(top, country, entry);
        }
        Map<String, TrendingList> lists = new TreeMap<>();
        top.forEach((region, queue) -> {
            List<TrendingEntry> entries = new ArrayList<>(queue);
            entries.sort(RANK);
            lists.put(region, new TrendingList(region, Instant.ofEpochMilli(atMs), entries));
        });
        return lists;
    }

    /** The story as a list entry at {@code atMs}, or null when it is not trending. */
    public TrendingEntry entryOf(StoryStats story, long atMs) {
        double score = scorer.score(story, atMs);
        if (score < settings.minScore()) return null;
        int articles = 0;
        Set<String> sources = new HashSet<>();
        Map<String, Integer> about = new TreeMap<>();
        List<StoryStats.Member> published = new ArrayList<>();
        for (StoryStats.Member m : story.members()) {
            if (m.publishedMs() > atMs) continue;
            articles++;
            sources.add(TrendingScorer.sourceOf(m));
            published.add(m);
            for (String c : new TreeSet<>(m.countries())) about.merge(c, 1, Integer::sum);
        }
        List<String> countries = storyCountries(about);
        return new TrendingEntry(story.storyId(), headlineOf(published, countries), score, articles, sources.size(), countries);
    }

    /**
     * The countries the story is about: each one at least half as many of its articles are about as the country most
     * are. One stray article about another country does not put a story on that country's list; a story about two
     * countries (talks between them, a match) is on both.
     */
    static List<String> storyCountries(Map<String, Integer> about) {
        int most = 0;
        for (int n : about.values()) most = Math.max(most, n);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(about).entrySet()) {
            if (e.getValue() * 2 >= most) out.add(e.getKey());
        }
        return out;
    }

    /**
     * The story's own headline: its first article's (as of its latest version) among those about the story's
     * countries, so a stray member's headline never stands for the story. Members are in publish order.
     */
    static String headlineOf(List<StoryStats.Member> published, List<String> countries) {
        String fallback = null;
        for (StoryStats.Member m : published) {
            if (m.headline() == null) continue;
            if (fallback == null) fallback = m.headline();
            if (countries.isEmpty() || m.countries().stream().anyMatch(countries::contains)) return m.headline();
        }
        return fallback;
    }

    private void offer(Map<String, PriorityQueue<TrendingEntry>> top, String region, TrendingEntry entry) {
        // min-heap on rank: the head is the weakest of the current top N
        PriorityQueue<TrendingEntry> q = top.computeIfAbsent(region, r -> new PriorityQueue<>(RANK.reversed()));
        q.offer(entry);
        if (q.size() > settings.topN()) q.poll();
    }
}
