package io.newsflow.enrich;


import io.newsflow.enrich.errors.DeadLetterDeserializationHandler;
import io.newsflow.enrich.errors.DeadLetterProcessingHandler;
import io.newsflow.enrich.stories.StorySettings;
import io.newsflow.enrich.trending.TrendingSettings;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.ServiceProperties;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.countries.Weights;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the enrich service. Keys starting with {@code enrich.} are ours; any other key in the
 * file is passed to Kafka Streams unchanged (so operators can tune the client without a release).
 */
public record EnrichConfig(String bootstrapServers, String schemaRegistryUrl, String applicationId, String stateDir,
                           String rawTopic, String enrichedTopic, String trendingTopic, String engagementTopic,
                           String httpHost, int httpPort, Duration versionsRetention,
                           StorySettings stories, TrendingSettings trending, Properties streamsOverrides,
                           TopicContract topicContract, String instanceId, int threadReplacementsMax,
                           Duration threadReplacementsWindow, double countryMentionMin, double countryFocusMin,
                           int commitIntervalMs, int commitMaxRecords, int commitBusyIntervalMs) {

    public static final String DEFAULT_APPLICATION_ID = "newsflow-enrich";
    /**
     * How often a quiet stream thread commits its transaction (Kafka Streams' commit.interval.ms). Each commit writes
     * a marker to every partition it touched (output, changelogs, repartition) and records to __transaction_state and
     * __consumer_offsets, so at news rates it sets most of the log writes per article; output is visible downstream
     * only at the commit, so it is also the latency at those rates.
     */
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 1000;
    /**
     * A stream thread that has taken this many records since it last asked for a commit is busy
     * ({@link CommitRequests}): it asks for one, no sooner than {@link #DEFAULT_COMMIT_BUSY_INTERVAL_MS} after the last.
     * At 25 a thread is busy from about 25 records a second: at news rates it commits at the interval, from a few
     * hundred articles a second at the busy interval.
     */
    public static final int DEFAULT_COMMIT_MAX_RECORDS = 25;
    /** How often a busy stream thread commits: the latency at high rates and the commit rate flat out. */
    public static final int DEFAULT_COMMIT_BUSY_INTERVAL_MS = 100;
    /** The consumer's session timeout: how long a dead or frozen instance keeps its tasks (the brokers' minimum). */
    static final int SESSION_TIMEOUT_MS = 6_000;
    /**
     * How long a transaction may stay open past the commit interval before the coordinator aborts it. A dead or
     * frozen instance's open transaction holds every read_committed reader of its partitions until then, so it is
     * kept short; it must still outlast a broker fail-over (5-7 s), which an open transaction rides out.
     */
    static final int TRANSACTION_MARGIN_MS = 8_000;

    public static EnrichConfig defaults() {
        return fromProperties(new Properties());
    }

    public static EnrichConfig fromProperties(Properties p) {
        TopicContract contract = TopicContract.fromProperties(p);
        StorySettings s = StorySettings.defaults();
        Properties overrides = new Properties();
        for (String k : p.stringPropertyNames()) {
            if (!k.startsWith("enrich.") && !k.startsWith(TopicContract.PREFIX) && !k.equals(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)
                    && !k.equals("schema.registry.url") && !k.equals(StreamsConfig.APPLICATION_ID_CONFIG)) {
                overrides.setProperty(k, p.getProperty(k));
            }
        }
        boolean engagement = EnrichSettings.ENGAGEMENT.read(p) && !TopicContract.legacyEngagementOff(p);
        Duration storyWindow = EnrichSettings.STORY_WINDOW.read(p);
        // a window shorter than the default gap bounds it, unless the gap is set too
        Duration gap = p.getProperty(EnrichSettings.STORY_GAP.key()) != null ? EnrichSettings.STORY_GAP.read(p)
                : s.gap().compareTo(storyWindow) > 0 ? storyWindow : s.gap();
        return new EnrichConfig(
                CommonSettings.BOOTSTRAP_SERVERS.read(p),
                CommonSettings.SCHEMA_REGISTRY_URL.read(p),
                EnrichSettings.APPLICATION_ID.read(p),
                EnrichSettings.STATE_DIR.read(p),
                contract.name(TopicContract.Role.RAW),
                contract.name(TopicContract.Role.ENRICHED),
                contract.name(TopicContract.Role.TRENDING),
                engagement ? contract.name(TopicContract.Role.ENGAGEMENT) : null,
                EnrichSettings.HTTP_HOST.read(p),
                EnrichSettings.HTTP_PORT.read(p),
                EnrichSettings.VERSIONS_RETENTION.read(p),
                new StorySettings(
                        storyWindow,
                        EnrichSettings.STORY_SIMILARITY.read(p),
                        EnrichSettings.STORY_BODY_CHARS.read(p),
                        EnrichSettings.STORY_FINGERPRINTS.read(p),
                        EnrichSettings.STORY_SPECIFICS.read(p),
                        gap),
                new TrendingSettings(
                        EnrichSettings.HALF_LIFE_FAST.read(p),
                        EnrichSettings.HALF_LIFE_SLOW.read(p),
                        EnrichSettings.LATENESS.read(p),
                        EnrichSettings.REPEAT_WEIGHT.read(p),
                        EnrichSettings.TOP.read(p),
                        EnrichSettings.MIN_SCORE.read(p),
                        EnrichSettings.EMIT_INTERVAL.read(p),
                        EnrichSettings.MAX_MEMBERS.read(p)),
                overrides,
                contract,
                EnrichSettings.INSTANCE_ID.read(p),
                EnrichSettings.THREAD_REPLACEMENTS_MAX.read(p),
                EnrichSettings.THREAD_REPLACEMENTS_WINDOW.read(p),
                // the two country thresholds: being listed as mentioned, and being the focus (io.newsflow.countries.Weights)
                EnrichSettings.MENTION_MIN.read(p),
                EnrichSettings.FOCUS_MIN.read(p),
                EnrichSettings.COMMIT_INTERVAL_MS.read(p),
                EnrichSettings.COMMIT_MAX_RECORDS.read(p),
                EnrichSettings.COMMIT_BUSY_INTERVAL_MS.read(p));
    }


    /** The country tagger's weights with this service's two thresholds. */
    public Weights countryWeights() {
        return Weights.defaults().withMentionMin(countryMentionMin).withFocusMin(countryFocusMin);
    }

    public EnrichConfig withBootstrap(String servers, String registryUrl) {
        return new EnrichConfig(servers, registryUrl, applicationId, stateDir, rawTopic, enrichedTopic, trendingTopic,
                engagementTopic, httpHost, httpPort, versionsRetention, stories, trending, streamsOverrides, topicContract, instanceId,
                threadReplacementsMax, threadReplacementsWindow, countryMentionMin, countryFocusMin, commitIntervalMs, commitMaxRecords,
                commitBusyIntervalMs);
    }

    public EnrichConfig withInstance(String appId, String dir, int port) {
        return new EnrichConfig(bootstrapServers, schemaRegistryUrl, appId, dir, rawTopic, enrichedTopic, trendingTopic,
                engagementTopic, httpHost, port, versionsRetention, stories, trending, streamsOverrides, topicContract, instanceId,
                threadReplacementsMax, threadReplacementsWindow, countryMentionMin, countryFocusMin, commitIntervalMs, commitMaxRecords,
                commitBusyIntervalMs);
    }

    public EnrichConfig withTopics(String raw, String enriched, String trendingOut, String engagement) {
        return new EnrichConfig(bootstrapServers, schemaRegistryUrl, applicationId, stateDir, raw, enriched, trendingOut,
                engagement, httpHost, httpPort, versionsRetention, stories, trending, streamsOverrides, topicContract, instanceId,
                threadReplacementsMax, threadReplacementsWindow, countryMentionMin, countryFocusMin, commitIntervalMs, commitMaxRecords,
                commitBusyIntervalMs);
    }

    /** Keys the Avro serdes and their registry client get (schema.registry.url, basic.auth.*, ...). */
    public java.util.Map<String, Object> serdeSettings() {
        java.util.Map<String, Object> m = new java.util.TreeMap<>(ServiceProperties.serde(streamsOverrides));
        m.put("schema.registry.url", schemaRegistryUrl);
        m.putIfAbsent("auto.register.schemas", true);
        return m;
    }

    /** The topic contract with enrich's own topic names applied. */
    public TopicContract topics() {
        TopicContract c = topicContract.withName(TopicContract.Role.RAW, rawTopic)
                .withName(TopicContract.Role.ENRICHED, enrichedTopic)
                .withName(TopicContract.Role.TRENDING, trendingTopic);
        return engagementTopic == null ? c : c.withName(TopicContract.Role.ENGAGEMENT, engagementTopic);
    }

    /** The same settings with the topic contract's replication fixed for the cluster. */
    public EnrichConfig withTopicContract(TopicContract contract) {
        return new EnrichConfig(bootstrapServers, schemaRegistryUrl, applicationId, stateDir, rawTopic, enrichedTopic, trendingTopic,
                engagementTopic, httpHost, httpPort, versionsRetention, stories, trending, streamsOverrides, contract, instanceId,
                threadReplacementsMax, threadReplacementsWindow, countryMentionMin, countryFocusMin, commitIntervalMs, commitMaxRecords,
                commitBusyIntervalMs);
    }

    /** Streams' producers' transaction.timeout.ms: the commit interval plus {@link #TRANSACTION_MARGIN_MS}. */
    int transactionTimeoutMs() {
        return commitIntervalMs + TRANSACTION_MARGIN_MS;
    }

    /** host:port other instances use to forward interactive queries to this one. */
    public String applicationServer() {
        return httpHost + ":" + httpPort;
    }

    /** Kafka Streams settings; every value that differs from the client default says why. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // an article must reach news.articles.enriched once, with its state updates, even across crashes
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // EOS output is visible at commit: the interval trades latency for log writes (DEFAULT_COMMIT_INTERVAL_MS)
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        // interactive queries: other instances forward GET /trending to the owner of the lists at this address
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // two threads: the per-partition stage (version gate, tagging) and the one-partition newsroom stage run
        // side by side instead of taking turns on one thread
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        // keeps the lists queryable during a fail-over: a warm copy of the stores on another instance
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        // a record that cannot be read goes to the dead-letter topic (bytes, source, reason) and the service goes on,
        // rather than stopping or dropping it silently
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        // a record that makes a processor throw goes there too, with the processor and the exception, and the next
        // record is processed: one bad article must not stall the newsroom partition
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        // the same handler for global-store processing too (Kafka 5.0's default; without it Streams warns at start)
        p.put("processing.exception.handler.global.enabled", "true");
        p.put(DeadLetterDeserializationHandler.TOPIC_CONFIG, topicContract.name(TopicContract.Role.DEADLETTER));
        if (topicContract.resolved()) {
            // changelog and repartition topics replicated like the contract's own topics
            p.putAll(topicContract.streamsInternalTopicSettings());
        }
        p.put(DeadLetterDeserializationHandler.REGISTRY_CONFIG, schemaRegistryUrl);
        // bounded RocksDB memory shared by all stores (block cache + memtables), see BoundedRocksDbConfig
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
        // articles are ~2-10 KB: larger batches and lz4 cut broker round trips on the output and repartition topics
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // read only committed transactional input is implied by EOS; start from the beginning for a new app
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        if (!instanceId.isEmpty()) {
            // static membership: a restarted instance (clean stop or kill -9) takes its own tasks back at once with
            // no rebalance of the others; Streams appends the thread index to this id
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), applicationId + "-" + instanceId);
        }
        // a dead or frozen instance's tasks move to its warm standby after 6 s (the brokers' minimum) instead of 45 s:
        // the newsroom is one partition, and while a dead member holds it nothing comes out. Heartbeats every 2 s
        // keep a live one in; the cost is a rebalance when an instance stalls 6 s (README "What bounds recovery")
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), transactionTimeoutMs());
        p.putAll(streamsOverrides);
        return p;
    }

}
