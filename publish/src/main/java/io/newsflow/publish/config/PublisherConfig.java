package io.newsflow.publish.config;

import io.newsflow.publish.route.CountryCopies;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.ServiceProperties;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.topics.TopicContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Everything the publisher needs, from a properties file (the {@code publish --config FILE} format) over defaults.
 * Keys: bootstrap.servers, schema.registry.url, publish.group.id, publish.instance.id (makes the transactional id:
 * stable per instance, so a restarted instance fences its own zombie), publish.topic.* names,
 * topics.* (the topic contract: partitions, replication, see TopicContract), publish.health.port (-1 = off,
 * 0 = any free port). Keys starting with consumer. / producer. are passed to that client as they are.
 */
public record PublisherConfig(String bootstrapServers, String schemaRegistryUrl, String groupId, String instanceId,
                              PublishTopics topics, TopicContract topicContract,
                              int healthPort, Duration pollTimeout, Duration commitInterval, int commitMaxRecords,
                              CountryCopies countryCopies, Map<String, String> consumerOverrides,
                              Map<String, String> producerOverrides, Properties settings) {

    public static final String DEFAULT_BOOTSTRAP = CommonSettings.BOOTSTRAP_SERVERS.defaultValue();
    public static final String DEFAULT_REGISTRY = CommonSettings.SCHEMA_REGISTRY_URL.defaultValue();
    public static final int DEFAULT_HEALTH_PORT = 8083;
    /**
     * Measured on the demo (13 articles/s): one publish commit per 0.36 articles' worth of polls became one per 21,
     * 27.9 log appends per article became 23.9, for at most a second more on the way out.
     */
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 1000;
    /**
     * A transaction is committed once it holds this many records, before its interval is up: at high rates the
     * commits are amortised over many articles anyway, and the latency stays that of this many records.
     */
    public static final int DEFAULT_COMMIT_MAX_RECORDS = 50;

    public static final Setting<String> GROUP_ID = Setting.string("publish.group.id", "newsflow-publish",
            "consumer group of the publishers").example("pub");
    public static final Setting<String> INSTANCE_ID = Setting.string("publish.instance.id", "0",
            "stable id: transactional.id and group.instance.id").example("1");
    public static final Setting<Integer> HEALTH_PORT = Setting.integer("publish.health.port", DEFAULT_HEALTH_PORT,
            "/health and /metrics; -1: off").atLeast(-1).example("9083");
    public static final Setting<Integer> POLL_MS = Setting.integer("publish.poll.ms", 100, "longest poll")
            .atLeast(1).example("50");
    public static final Setting<Integer> COMMIT_INTERVAL_MS = Setting.integer("publish.commit.interval.ms",
            DEFAULT_COMMIT_INTERVAL_MS, "how long a transaction stays open across polls from its first record; 0: one per poll")
            .atLeast(0).example("500");
    public static final Setting<Integer> COMMIT_MAX_RECORDS = Setting.integer("publish.commit.max.records",
            DEFAULT_COMMIT_MAX_RECORDS, "records a transaction holds before it is committed sooner than the interval")
            .atLeast(1).example("20");
    public static final Setting<CountryCopies> COUNTRY_TOPICS = Setting.choice(CountryCopies.KEY, CountryCopies.ALL,
            "which tagged countries get a copy on news.articles.country.<CC>").example("focus");
    /** Publish's own settings, in the reference's order (the shared ones are in CommonSettings and TopicContract). */
    public static final java.util.List<Setting<?>> SETTINGS = java.util.List.of(GROUP_ID, INSTANCE_ID, HEALTH_PORT,
            POLL_MS, COMMIT_INTERVAL_MS, COMMIT_MAX_RECORDS, COUNTRY_TOPICS);

    /** The topic contract with the publisher's own topic names applied. */
    public TopicContract contractWithNames() {
        return topicContract.withName(TopicContract.Role.ENRICHED, topics.enriched())
                .withName(TopicContract.Role.ARTICLES, topics.articles())
                .withName(TopicContract.Role.ARTICLES_JSON, topics.articlesJson())
                .withName(TopicContract.Role.LATEST, topics.latest())
                .withName(TopicContract.Role.DEADLETTER, topics.deadLetter())
                .withCountryPrefix(topics.countryPrefix());
    }

    /** transactional.id: one per instance, the same across restarts of that instance. */
    public String transactionalId() {
        return groupId + "-" + instanceId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The file with the environment over it ({@link ServiceProperties}), as every service reads its settings. */
    public static PublisherConfig fromFile(Path file) {
        return fromProperties(ServiceProperties.load(file, System.getenv()));
    }

    /** Keys every Kafka client of the publisher gets (bootstrap.servers, security), before its own settings. */
    public Properties kafkaClientSettings() {
        Properties p = ServiceProperties.kafkaClient(settings);
        p.setProperty("bootstrap.servers", bootstrapServers);
        return p;
    }

    /** Keys the Avro serdes and their registry client get. */
    public Map<String, Object> serdeSettings() {
        Map<String, Object> m = new java.util.TreeMap<>(ServiceProperties.serde(settings));
        m.put("schema.registry.url", schemaRegistryUrl);
        m.putIfAbsent("auto.register.schemas", true);
        return m;
    }

    public static PublisherConfig fromProperties(Properties p) {
        Builder b = builder();
        TopicContract contract = TopicContract.fromProperties(p);
        b.bootstrapServers(CommonSettings.BOOTSTRAP_SERVERS.read(p))
                .schemaRegistryUrl(CommonSettings.SCHEMA_REGISTRY_URL.read(p))
                .groupId(GROUP_ID.read(p))
                .instanceId(INSTANCE_ID.read(p))
                .topics(PublishTopics.from(contract))
                .topicContract(contract)
                .healthPort(HEALTH_PORT.read(p))
                .pollTimeout(Duration.ofMillis(POLL_MS.read(p)))
                .commitInterval(Duration.ofMillis(COMMIT_INTERVAL_MS.read(p)))
                .commitMaxRecords(COMMIT_MAX_RECORDS.read(p))
                .countryCopies(COUNTRY_TOPICS.read(p))
                .settings(p);
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("consumer.")) {
                b.consumerOverride(name.substring("consumer.".length()), p.getProperty(name));
            } else if (name.startsWith("producer.")) {
                b.producerOverride(name.substring("producer.".length()), p.getProperty(name));
            }
        }
        return b.build();
    }

    public static final class Builder {
        private String bootstrapServers = DEFAULT_BOOTSTRAP;
        private String schemaRegistryUrl = DEFAULT_REGISTRY;
        private String groupId = "newsflow-publish";
        private String instanceId = "0";
        private PublishTopics topics = PublishTopics.defaults();
        private TopicContract topicContract = TopicContract.defaults();
        private int healthPort = DEFAULT_HEALTH_PORT;
        private Duration pollTimeout = Duration.ofMillis(100);
        private Duration commitInterval = Duration.ofMillis(DEFAULT_COMMIT_INTERVAL_MS);
        private int commitMaxRecords = DEFAULT_COMMIT_MAX_RECORDS;
        private CountryCopies countryCopies = CountryCopies.ALL;
        private final Map<String, String> consumerOverrides = new HashMap<>();
        private final Map<String, String> producerOverrides = new HashMap<>();
        private final Properties settings = new Properties();

        public Builder bootstrapServers(String v) { bootstrapServers = v; return this; }
        public Builder schemaRegistryUrl(String v) { schemaRegistryUrl = v; return this; }
        public Builder groupId(String v) { groupId = v; return this; }
        public Builder instanceId(String v) { instanceId = v; return this; }
        public Builder topics(PublishTopics v) { topics = v; return this; }
        public Builder topicContract(TopicContract v) { topicContract = v; return this; }
        /** Partitions of the article topics, as topics.partitions. */
        public Builder partitions(int v) { topicContract = topicContract.withPartitions(v); return this; }
        public Builder healthPort(int v) { healthPort = v; return this; }
        public Builder pollTimeout(Duration v) { pollTimeout = v; return this; }
        /** How long a transaction stays open across polls from its first record; 0: one per poll. */
        public Builder commitInterval(Duration v) { commitInterval = v; return this; }
        /** A transaction is committed once it holds this many records, even before its interval is up. */
        public Builder commitMaxRecords(int v) { commitMaxRecords = v; return this; }
        /** Which countries of an article get a copy on their country topic. */
        public Builder countryCopies(CountryCopies v) { countryCopies = v; return this; }
        /** The service's whole properties: common client keys (security) and serde keys are taken from them. */
        public Builder settings(Properties v) { settings.putAll(v); return this; }
        public Builder consumerOverride(String k, String v) { consumerOverrides.put(k, v); return this; }
        public Builder producerOverride(String k, String v) { producerOverrides.put(k, v); return this; }

        public PublisherConfig build() {
            require(bootstrapServers, "bootstrap.servers is empty: set it to the Kafka brokers, e.g. 127.0.0.1:9092");
            require(schemaRegistryUrl, "schema.registry.url is empty: set it to the registry's Confluent API URL");
            require(groupId, "publish.group.id is empty: set a consumer group name, e.g. newsflow-publish");
            require(instanceId, "publish.instance.id is empty: give each publisher instance a stable id, e.g. 0");
            if (commitInterval.isNegative()) {
                throw new IllegalArgumentException("publish.commit.interval.ms must be 0 or more, got "
                        + commitInterval.toMillis());
            }
            if (commitMaxRecords < 1) {
                throw new IllegalArgumentException("publish.commit.max.records must be 1 or more, got " + commitMaxRecords);
            }
            if (!"read_committed".equals(consumerOverrides.getOrDefault("isolation.level", "read_committed"))) {
                throw new IllegalArgumentException("consumer.isolation.level must stay read_committed: the "
                        + "publisher must not republish aborted enrich output");
            }
            if (consumerOverrides.containsKey("enable.auto.commit")) {
                throw new IllegalArgumentException("consumer.enable.auto.commit cannot be set: offsets are committed "
                        + "inside the publish transaction");
            }
            return new PublisherConfig(bootstrapServers, schemaRegistryUrl, groupId, instanceId, topics, topicContract,
                    healthPort, pollTimeout, commitInterval, commitMaxRecords, countryCopies, Map.copyOf(consumerOverrides),
                    Map.copyOf(producerOverrides), copy(settings));
        }

        private static Properties copy(Properties p) {
            Properties c = new Properties();
            c.putAll(p);
            return c;
        }

        private static void require(String v, String message) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
