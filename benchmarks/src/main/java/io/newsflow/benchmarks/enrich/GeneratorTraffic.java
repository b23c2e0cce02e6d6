package io.newsflow.benchmarks.enrich;

import io.newsflow.cli.generator.WireItem;
import io.newsflow.cli.generator.WireTrafficModel;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.avro.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo generator's new items (several agencies rewriting a few running stories, 20 items per second of event
 * time), parsed by ingest's own parsers: the traffic `newsflow bench` pushes through the pipeline.
 */
final class GeneratorTraffic {
    private GeneratorTraffic() {}

    static WireDay.Traffic generate(int count, long seed) {
        WireTrafficModel model = new WireTrafficModel(seed, "gen-");
        ParserRegistry parsers = ParserRegistry.defaults();
        Instant t = Instant.parse("2026-11-28T06:00:00Z");
        List<Article> articles = new ArrayList<>(count);
        java.util.Set<String> stories = new java.util.HashSet<>();
        while (articles.size() < count) {
            t = t.plusMillis(50);
            WireItem item = model.next(t);
            if (item.kind() != WireItem.Kind.NEW) continue;
            ParseResult parsed;
            try {
                parsed = parsers.parse(new Document("bench", item.contentType(), item.body()), null);
            } catch (io.newsflow.ingest.ParseException e) {
                throw new IllegalStateException("the generator wrote an item its own parsers refuse: " + e.getMessage(), e);
            }
            for (Article a : parsed.articles()) {
                if (articles.size() < count) articles.add(a);
            }
            stories.add(item.storyKey());
        }
        WireDay.lastStoryCount = stories.size();
        return new WireDay.Traffic(articles, articles.size());
    }
}
