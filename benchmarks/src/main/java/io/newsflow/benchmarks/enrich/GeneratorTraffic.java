package io.newsflow.benchmarks.enrich;

import io.newsflow.generator.WireItem;
import io.newsflow.harness.bench.BenchRecords;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.avro.Article;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo generator's new items (several agencies rewriting a few running stories, 20 items per second of event
 * time), parsed by ingest's own parsers: the traffic `newsflow bench` pushes through the pipeline.
 */
final class GeneratorTraffic {
    private GeneratorTraffic() {}

    static WireDay.Traffic generate(int count, long seed) {
        ParserRegistry parsers = ParserRegistry.defaults();
        List<Article> articles = new ArrayList<>(count);
        java.util.Set<String> stories = new java.util.HashSet<>();
        // the bench command's records: the same new items `newsflow bench` sends (each carries one article)
        for (WireItem item : BenchRecords.generate(count, seed, "gen-")) {
            try {
                articles.addAll(parsers.parse(new Document("bench", item.contentType(), item.body()), null).articles());
            } catch (io.newsflow.ingest.ParseException e) {
                throw new IllegalStateException("the generator wrote an item its own parsers refuse: " + e.getMessage(), e);
            }
            stories.add(item.storyKey());
        }
        WireDay.lastStoryCount = stories.size();
        return new WireDay.Traffic(articles, articles.size());
    }
}
