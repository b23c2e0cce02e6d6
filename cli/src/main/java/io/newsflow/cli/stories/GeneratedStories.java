package io.newsflow.cli.stories;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.enrich.replay.TrendingReplay;
import io.newsflow.generator.WireItem;
import io.newsflow.generator.WireTrafficModel;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The generator's traffic through ingest's parsers and the enrich topology (no broker), with the event every item
 * belongs to known from the generator: the truth story clustering is scored against.
 */
public final class GeneratedStories {
    static final Instant START = Instant.parse("2026-11-28T06:00:00Z");

    private GeneratedStories() {}

    /**
     * @param items      items the generator sends (malformed ones included, as in the demo; they never reach enrich)
     * @param ratePerSec how fast they come: their event times are 1/rate apart
     */
    public static List<StoryScore.Assignment> run(EnrichConfig config, long seed, int items, double ratePerSec) {
        ParserRegistry parsers = ParserRegistry.defaults();
        WireTrafficModel model = new WireTrafficModel(seed);
        long gapNanos = Math.round(1e9 / ratePerSec);
        // the latest word on every article: a later version may move nothing, but a withdrawal still has its story
        Map<String, StoryScore.Assignment> latest = new LinkedHashMap<>();
        try (TrendingReplay replay = new TrendingReplay(config, new StandardCountryTagging(config))) {
            for (int i = 0; i < items; i++) {
                WireItem item = model.next(START.plusNanos(i * gapNanos));
                if (item.kind() == WireItem.Kind.MALFORMED) continue;
                List<Article> parsed;
                try {
                    parsed = parsers.parse(new Document("generator", item.contentType(), item.body()), null).articles();
                } catch (ParseException e) {
                    throw new IllegalStateException("a well-formed generated item did not parse: " + e.getMessage(), e);
                }
                for (Article a : parsed) {
                    a.setFeed(item.agency());
                    for (EnrichedArticle e : replay.enrich(a)) {
                        String id = e.getArticle().getId();
                        latest.put(id, new StoryScore.Assignment(id, item.storyKey(), e.getStoryId(), focusOf(e)));
                    }
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    static Set<String> focusOf(EnrichedArticle e) {
        Set<String> focus = new TreeSet<>();
        for (CountryTag t : e.getCountries()) {
            if (t.getRole() == CountryRole.FOCUS) focus.add(t.getCode());
        }
        return focus;
    }
}
