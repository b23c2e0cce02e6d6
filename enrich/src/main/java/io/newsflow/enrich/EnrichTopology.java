package io.newsflow.enrich;

import io.newsflow.enrich.serde.AvroBinarySerde;
import io.newsflow.enrich.stories.StoryClusterProcessor;
import io.newsflow.enrich.stories.StoryFingerprint;
import io.newsflow.enrich.trending.TrendingProcessor;
import io.newsflow.enrich.versions.VersionGateProcessor;
import io.newsflow.enrich.versions.VersionRecord;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, in two sub-topologies:
 * <ol>
 *   <li>per raw partition (parallel): version gate (drop duplicates and late old versions), country tagging and
 *       the story fingerprint (a record header);</li>
 *   <li>the newsroom (one partition, since a story can come from any partition): story clustering, trending
 *       stats and scores (articles and engagement events), and the ranked lists per region, published to the
 *       trending topic and queryable.</li>
 * </ol>
 * All stores are persistent and changelogged; what can be derived has no store (see ArticleStories). The one
 * repartition topic uses plain Avro binary.
 */
public final class EnrichTopology {
    /** Every article goes to the newsroom under one key; its repartition topic has one partition. */
    public static final String NEWSROOM_KEY = "newsroom";
    public static final String NEWSROOM_TOPIC = "newsroom";
    public static final String ENGAGEMENT_TOPIC = "engagement";

    private EnrichTopology() {}

    /** The topology with meters that count to nowhere in particular (tests, the replay). */
    public static Topology buildTopology(EnrichSerdes serdes, EnrichConfig config, CountryTagging tagger) {
        return buildTopology(serdes, config, tagger, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** The topology; its processors count on {@code meters} (see {@link EnrichMetrics}). */
    public static Topology buildTopology(EnrichSerdes serdes, EnrichConfig config, CountryTagging tagger,
                                         io.micrometer.core.instrument.MeterRegistry meters) {
        // built with the app's own settings, so topology-level settings are the app's (and a bare StreamsConfig's
        // defaults do not warn about settings the app does set)
        StreamsBuilder builder = new StreamsBuilder(new org.apache.kafka.streams.TopologyConfig(
                new org.apache.kafka.streams.StreamsConfig(config.streamsProperties())));
        Duration window = config.stories().window();

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VersionGateProcessor.STORE), Serdes.Bytes(), new VersionRecord.Serde()));
        // the newsroom's one record per article (its story, the story index's core members, trending's member),
        // time-bucketed keys (see TimeBuckets); the story index and the stories' members are derived from it on the
        // heap. Cached: clustering writes a new article's record and trending completes it, one changelog record
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoryClusterProcessor.ARTICLE_STORIES_STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NewsroomClock.STORE), Serdes.String(), Serdes.Long())
                // the clock and the stats change with every article: the cache folds those writes into one per commit
                .withCachingEnabled());
        // a story's engagement sums (see StoryStatsStore), read from the heap; the cache folds a story's engagement
        // updates into one write per commit
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TrendingProcessor.STATS_STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TrendingProcessor.LISTS_STORE), Serdes.String(),
                new AvroBinarySerde<>(TrendingList.class)));

        ArticleTimestampExtractor eventTime = new ArticleTimestampExtractor();
        KStream<String, EnrichedArticle> newsroom = builder
                .stream(config.rawTopic(), Consumed.with(Serdes.String(), serdes.article())
                        .withTimestampExtractor(eventTime).withName("raw-articles"))
                .process(() -> new CommitRequests<String, Article>(config.commitMaxRecords(), config.commitBusyIntervalMs()), Named.as("raw-commit-requests"))
                .process(() -> new VersionGateProcessor(config.versionsRetention(), meters), Named.as("version-gate"),
                        VersionGateProcessor.STORE)
                .processValues(() -> new PrepareArticleProcessor(tagger, new StoryFingerprint(config.stories().bodyChars())),
                        Named.as("tag-countries"))
                .selectKey((id, enriched) -> NEWSROOM_KEY, Named.as("to-newsroom"))
                .repartition(Repartitioned.<String, EnrichedArticle>as(NEWSROOM_TOPIC)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new AvroBinarySerde<>(EnrichedArticle.class))
                        .withNumberOfPartitions(1));

        KStream<String, SpecificRecord> clustered = newsroom
                .process(() -> new CommitRequests<String, EnrichedArticle>(config.commitMaxRecords(),
                        config.commitBusyIntervalMs()),
                        Named.as("newsroom-commit-requests"))
                .process(() -> new StoryClusterProcessor(config.stories(), meters), Named.as("cluster-stories"),
                        StoryClusterProcessor.ARTICLE_STORIES_STORE, NewsroomClock.STORE)
                .mapValues(v -> (SpecificRecord) v, Named.as("clustered"));
        if (config.engagementTopic() != null) {
            // engagement events join the articles in the one newsroom task: the trending processor alone owns the stats
            KStream<String, SpecificRecord> engagement = builder
                    .stream(config.engagementTopic(), Consumed.with(Serdes.String(), serdes.engagement())
                            .withTimestampExtractor(eventTime).withName("engagement-events"))
                    .selectKey((k, v) -> NEWSROOM_KEY, Named.as("engagement-to-newsroom"))
                    .repartition(Repartitioned.<String, EngagementEvent>as(ENGAGEMENT_TOPIC)
                            .withKeySerde(Serdes.String())
                            .withValueSerde(new AvroBinarySerde<>(EngagementEvent.class))
                            .withNumberOfPartitions(1))
                    .mapValues(v -> (SpecificRecord) v, Named.as("engagement"));
            clustered = clustered.merge(engagement, Named.as("articles-and-engagement"));
        }
        KStream<String, SpecificRecord> out = clustered
                .process(() -> new TrendingProcessor(config.trending(), window, meters), Named.as("trending"),
                        TrendingProcessor.STATS_STORE, TrendingProcessor.LISTS_STORE, NewsroomClock.STORE,
                        StoryClusterProcessor.ARTICLE_STORIES_STORE);

        out.split(Named.as("output-"))
                .branch((k, v) -> v instanceof EnrichedArticle, Branched.withConsumer(s -> s
                        .mapValues(v -> (EnrichedArticle) v, Named.as("as-enriched"))
                        .to(config.enrichedTopic(), Produced.with(Serdes.String(), serdes.enriched()).withName("enriched-articles")),
                        "articles"))
                .branch((k, v) -> v instanceof TrendingList, Branched.withConsumer(s -> s
                        .mapValues(v -> (TrendingList) v, Named.as("as-trending"))
                        .to(config.trendingTopic(), Produced.with(Serdes.String(), serdes.trending()).withName("trending-lists")),
                        "trending"));

        return builder.build();
    }
}
