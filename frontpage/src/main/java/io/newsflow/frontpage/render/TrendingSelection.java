package io.newsflow.frontpage.render;

import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which trending lists a page shows, in which order: global first, then the regions the reader came for (an
 * article's countries, focus first), then the other regions by the score of their top story.
 */
public final class TrendingSelection {
    private TrendingSelection() {}

    /** One region's list as shown: the region key and its top entries. */
    public record Region(String region, String label, List<TrendingEntry> entries) {}

    public static List<Region> select(Map<String, TrendingList> trending, List<String> preferred, int maxRegions,
                                      int maxEntries) {
        Map<String, TrendingList> chosen = new LinkedHashMap<>();
        addIfListed(chosen, trending, RegionLabels.GLOBAL);
        for (String code : preferred) {
            addIfListed(chosen, trending, code.toUpperCase(Locale.ROOT));
        }
        List<Map.Entry<String, TrendingList>> rest = new ArrayList<>(trending.entrySet());
        rest.sort(Comparator.comparingDouble((Map.Entry<String, TrendingList> e) -> topScore(e.getValue())).reversed()
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, TrendingList> e : rest) {
            addIfListed(chosen, trending, e.getKey());
        }
        List<Region> out = new ArrayList<>();
        for (Map.Entry<String, TrendingList> e : chosen.entrySet()) {
            if (out.size() == maxRegions) {
                break;
            }
            List<TrendingEntry> ranked = new ArrayList<>(e.getValue().getEntries());
            // lists arrive ranked; keep that order, but never show more than asked
            out.add(new Region(e.getKey(), RegionLabels.label(e.getKey()),
                    List.copyOf(ranked.subList(0, Math.min(maxEntries, ranked.size())))));
        }
        return out;
    }

    private static void addIfListed(Map<String, TrendingList> chosen, Map<String, TrendingList> trending, String region) {
        TrendingList list = trending.get(region);
        if (list != null && !list.getEntries().isEmpty()) {
            chosen.putIfAbsent(region, list);
        }
    }

    private static double topScore(TrendingList list) {
        return list.getEntries().stream().mapToDouble(TrendingEntry::getScore).max().orElse(0);
    }
}
