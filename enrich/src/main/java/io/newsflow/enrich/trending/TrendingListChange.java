package io.newsflow.enrich.trending;

import io.newsflow.schemas.avro.TrendingEntry;
import io.newsflow.schemas.avro.TrendingList;
import java.util.List;

/**
 * Whether a list changed enough to publish: the ranking, counts or headlines differ, or a score moved
 * by more than {@value #SCORE_TOLERANCE} relative. Pure decay moves every score a little all the time;
 * publishing each wiggle would flood the topic.
 */
public final class TrendingListChange {
    static final double SCORE_TOLERANCE = 0.05;

    private TrendingListChange() {}

    public static boolean significant(TrendingList before, TrendingList after) {
        if (before == null) return !after.getEntries().isEmpty();
        List<TrendingEntry> a = before.getEntries();
        List<TrendingEntry> b = after.getEntries();
        if (a.size() != b.size()) return true;
        for (int i = 0; i < a.size(); i++) {
            TrendingEntry x = a.get(i);
            TrendingEntry y = b.get(i);
            if (!x.getStoryId().equals(y.getStoryId()) || x.getArticles() != y.getArticles()
                    || x.getSources() != y.getSources() || !java.util.Objects.equals(x.getHeadline(), y.getHeadline())
                    || !x.getCountries().equals(y.getCountries())) {
                return true;
            }
            double base = Math.max(Math.abs(x.getScore()), 1e-9);
            if (Math.abs(x.getScore() - y.getScore()) / base > SCORE_TOLERANCE) return true;
        }
        return false;
    }
}
