package io.newsflow.enrich;

import io.newsflow.enrich.replay.TrendingReplay;
import io.newsflow.enrich.trending.StoryStats;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The real topology in a TopologyTestDriver, with registry serdes on an in-memory (mock://) registry. */
public final class TopologyHarness implements AutoCloseable {
    public final EnrichConfig config;
    public final TopologyTestDriver driver;
    private final TestInputTopic<String, Article> raw;
    private final TestInputTopic<String, EngagementEvent> engagement;
    private final TestOutputTopic<String, EnrichedArticle> enriched;
    private final TestOutputTopic<String, TrendingList> trending;
    private final Map<String, TrendingList> lastLists = new LinkedHashMap<>();

    public TopologyHarness() {
        this(EnrichConfig.defaults(), CountryTagging.declaredOnly());
    }

    public TopologyHarness(EnrichConfig config, CountryTagging tagger) {
        this.config = config;
        Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://enrich-" + UUID.randomUUID());
        EnrichSerdes serdes = new EnrichSerdes(serde(serdeConfig), serde(serdeConfig), serde(serdeConfig), serde(serdeConfig));
        Properties props = config.streamsProperties();
        props.put("state.dir", tempDir().toString());
        driver = new TopologyTestDriver(EnrichTopology.buildTopology(serdes, config, tagger), props, Instant.parse("2026-03-03T00:00:00Z"));
        raw = driver.createInputTopic(config.rawTopic(), Serdes.String().serializer(), serdes.article().serializer());
        engagement = driver.createInputTopic(config.engagementTopic(), Serdes.String().serializer(), serdes.engagement().serializer());
        enriched = driver.createOutputTopic(config.enrichedTopic(), Serdes.String().deserializer(), serdes.enriched().deserializer());
        trending = driver.createOutputTopic(config.trendingTopic(), Serdes.String().deserializer(), serdes.trending().deserializer());
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde(Map<String, String> conf) {
        SpecificAvroSerde<T> s = new SpecificAvroSerde<>();
        s.configure(conf, false);
        return s;
    }

    public void send(Article a) {
        raw.pipeInput(a.getId(), a);
    }

    public void engage(EngagementEvent e) {
        engagement.pipeInput(e.getArticleId(), e);
    }

    public List<EnrichedArticle> enriched() {
        return enriched.readValuesToList();
    }

    /** The enriched output with keys, headers and timestamps. */
    public List<org.apache.kafka.streams.test.TestRecord<String, EnrichedArticle>> enrichedRecords() {
        return enriched.readRecordsToList();
    }

    /** Lets the publisher's wall-clock punctuation run, then returns what it published (region -> latest list). */
    public Map<String, TrendingList> publish() {
        driver.advanceWallClockTime(config.trending().emitInterval().plusMillis(1));
        for (KeyValue<String, TrendingList> kv : trending.readKeyValuesToList()) lastLists.put(kv.key, kv.value);
        return new LinkedHashMap<>(lastLists);
    }

    public List<KeyValue<String, TrendingList>> publishedRecords() {
        driver.advanceWallClockTime(config.trending().emitInterval().plusMillis(1));
        List<KeyValue<String, TrendingList>> out = trending.readKeyValuesToList();
        for (KeyValue<String, TrendingList> kv : out) lastLists.put(kv.key, kv.value);
        return out;
    }

    /** How many records the store's changelog got so far. */
    public int changelogRecords(String store) {
        return driver.createOutputTopic(config.applicationId() + "-" + store + "-changelog",
                new org.apache.kafka.common.serialization.BytesDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).readRecordsToList().size();
    }

    public List<StoryStats> stories() {
        long now = new NewsroomClock(driver.getKeyValueStore(NewsroomClock.STORE)).now();
        return TrendingReplay.stories(driver, config, now);
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("enrich");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Duration hours(double h) {
        return Duration.ofMillis((long) (h * 3_600_000));
    }

    @Override
    public void close() {
        driver.close();
    }
}
