package io.newsflow.enrich.replay;

import io.newsflow.enrich.ArticleTime;
import io.newsflow.enrich.CountryTagging;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichSerdes;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.NewsroomClock;
import io.newsflow.enrich.serde.AvroBinarySerde;
import io.newsflow.enrich.stories.ArticleStories;
import io.newsflow.enrich.stories.StoryClusterProcessor;
import io.newsflow.enrich.trending.StoryStats;
import io.newsflow.enrich.trending.StoryStatsStore;
import io.newsflow.enrich.trending.TrendingProcessor;
import io.newsflow.enrich.trending.TrendingRanker;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Backtest: runs articles through the very topology the service runs (in a TopologyTestDriver, no
 * broker) and ranks every region as of the last event time, or as of a given time.
 */
public final class TrendingReplay implements AutoCloseable {
    private final EnrichConfig config;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Article> raw;
    private final TestOutputTopic<String, EnrichedArticle> enriched;
    private final Path stateDir;
    private long lastEventMs = 0;

    public TrendingReplay(EnrichConfig base, CountryTagging tagger) {
        this.config = base.withTopics(base.rawTopic(), base.enrichedTopic(), base.trendingTopic(), null);
        EnrichSerdes serdes = new EnrichSerdes(new AvroBinarySerde<>(Article.class), new AvroBinarySerde<>(EnrichedArticle.class),
                new AvroBinarySerde<>(TrendingList.class), new AvroBinarySerde<>(EngagementEvent.class));
        try {
            // outside the OS temp dir (Kafka Streams warns about that on stderr); removed again on close
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "newsflow");
            Files.createDirectories(cache);
            stateDir = Files.createTempDirectory(cache, "replay-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = config.streamsProperties();
        props.put("state.dir", stateDir.toString());
        props.put("application.id", "newsflow-replay");
        props.put("bootstrap.servers", "replay:9092");
        // states the upcoming default, which otherwise costs a warning line on stderr per run
        props.put("processing.exception.handler.global.enabled", "true");
        driver = new TopologyTestDriver(EnrichTopology.buildTopology(serdes, config, tagger), props);
        raw = driver.createInputTopic(config.rawTopic(), Serdes.String().serializer(), serdes.article().serializer());
        enriched = driver.createOutputTopic(config.enrichedTopic(), Serdes.String().deserializer(),
                serdes.enriched().deserializer());
    }

    public void send(Article article) {
        enrich(article);
    }

    /**
     * Runs one article through and returns what the enriched topic got for it: the article with its countries and
     * story, or nothing (a duplicate, an older version).
     */
    public List<EnrichedArticle> enrich(Article article) {
        // an article without any time sorts with its neighbours in the file
        lastEventMs = ArticleTime.eventTimeMs(article, lastEventMs);
        raw.pipeInput(article.getId(), article, lastEventMs);
        // read at once: the driver would otherwise keep every output of a long replay in memory
        return enriched.readValuesToList();
    }

    /** The newsroom clock: the newest event time seen. */
    public Instant lastEvent() {
        KeyValueStore<String, Long> clock = driver.getKeyValueStore(NewsroomClock.STORE);
        long now = new NewsroomClock(clock).now();
        return now == Long.MIN_VALUE ? null : Instant.ofEpochMilli(now);
    }

    /** Lists per region as of {@code at} (null: the last event). */
    public Map<String, TrendingList> rank(Instant at) {
        Instant when = at != null ? at : lastEvent();
        if (when == null) return Map.of();
        List<StoryStats> stories = stories(driver, config, when.toEpochMilli());
        return new TrendingRanker(config.trending()).rank(stories, when.toEpochMilli());
    }

    /** The stories open at {@code nowMs}, as the driver's stores hold them. */
    public static List<StoryStats> stories(TopologyTestDriver driver, EnrichConfig config, long nowMs) {
        KeyValueStore<Bytes, byte[]> articles = driver.getKeyValueStore(StoryClusterProcessor.ARTICLE_STORIES_STORE);
        long window = config.stories().window().toMillis();
        return StoryStatsStore.readAll(driver.getKeyValueStore(TrendingProcessor.STATS_STORE),
                new ArticleStories(articles, window), config.trending().maxMembers(), nowMs, window);
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
