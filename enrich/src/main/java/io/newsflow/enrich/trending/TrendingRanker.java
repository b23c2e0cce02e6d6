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

/** Ranked lists per region (global + each country a story is about) from story stats at one event time. */
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
        Set<String> countries = new TreeSet<>();
        String headline = null;
        for (StoryStats.Member m : story.members()) {
            if (m.publishedMs() > atMs) continue;
            articles++;
            sources.add(TrendingScorer.sourceOf(m));
            countries.addAll(m.countries());
            if (m.headline() != null) headline = m.headline(); // the latest headline: members are in publish order
        }
        return new TrendingEntry(story.storyId(), headline, score, articles, sources.size(), new ArrayList<>(countries));
    }

    private void offer(Map<String, PriorityQueue<TrendingEntry>> top, String region, TrendingEntry entry) {
        // min-heap on rank: the head is the weakest of the current top N
        PriorityQueue<TrendingEntry> q = top.computeIfAbsent(region, r -> new PriorityQueue<>(RANK.reversed()));
        q.offer(entry);
        if (q.size() > settings.topN()) q.poll();
    }
}
