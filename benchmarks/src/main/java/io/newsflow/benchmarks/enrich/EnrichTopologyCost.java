package io.newsflow.benchmarks.enrich;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * CPU cost of the enrich topology per article, without a broker: the real topology and RocksDB stores in a
 * TopologyTestDriver (which also captures every changelog write), fed a wire day. Tells the processing cost
 * apart from the broker's share when the on-broker throughput disappoints.
 * <pre>
 *   java -cp ... io.newsflow.benchmarks.enrich.EnrichTopologyCost [articles=50000] [rounds=3]
 * </pre>
 */
public final class EnrichTopologyCost {
    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Article> traffic = WireDay.generate(articles, 42).articles();
        StandardCountryTagging tagger = new StandardCountryTagging();
        for (int round = 1; round <= rounds; round++) {
            Properties p = new Properties();
            p.put("application.id", "enrich-cost-" + round);
            p.put("schema.registry.url", "mock://enrich-cost");
            p.put("enrich.state.dir", Files.createTempDirectory("enrich-cost").toString());
            EnrichConfig config = EnrichConfig.fromProperties(p);
            Serde<Article> article = EnrichThroughputBench.serde();
            Serde<EnrichedArticle> enriched = EnrichThroughputBench.serde();
            Serde<TrendingList> trending = EnrichThroughputBench.serde();
            Serde<EngagementEvent> engagement = EnrichThroughputBench.serde();
            EnrichSerdes serdes = new EnrichSerdes(article, enriched, trending, engagement);
            Properties streams = config.streamsProperties();
            try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.buildTopology(serdes, config, tagger), streams,
                    Instant.parse("2026-03-01T00:00:00Z"))) {
                TestInputTopic<String, Article> in = driver.createInputTopic(config.rawTopic(), Serdes.String().serializer(), article.serializer());
                TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(config.enrichedTopic(),
                        Serdes.String().deserializer(), enriched.deserializer());
                long began = System.nanoTime();
                long produced = 0;
                for (int i = 0; i < traffic.size(); i++) {
                    Article a = traffic.get(i);
                    in.pipeInput(a.getId(), a);
                    if (i % 1000 == 999) {
                        produced += out.getQueueSize();
                        out.readRecordsToList();
                    }
                }
                produced += out.getQueueSize();
                double seconds = (System.nanoTime() - began) / 1e9;
                System.out.printf("round %d: %d articles -> %d enriched in %.1f s = %.0f articles/s (%.1f us each)%n",
                        round, traffic.size(), produced, seconds, traffic.size() / seconds, seconds * 1e6 / traffic.size());
            }
        }
    }
}
