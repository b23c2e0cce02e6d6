package io.newsflow.publish.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Everything the publisher needs, from a properties file (the {@code publish --config FILE} format) over defaults.
 * Keys: bootstrap.servers, schema.registry.url, publish.group.id, publish.instance.id (makes the transactional id:
 * stable per instance, so a restarted instance fences its own zombie), publish.topic.* names,
 * publish.topic.partitions, publish.topic.replication, publish.country.partitions, publish.health.port (-1 = off,
 * 0 = any free port). Keys starting with consumer. / producer. are passed to that client as they are.
 */
public record PublisherConfig(String bootstrapServers, String schemaRegistryUrl, String groupId, String instanceId,
                              PublishTopics topics, int partitions, short replication, int countryPartitions,
                              int healthPort, Duration pollTimeout, Map<String, String> consumerOverrides,
                              Map<String, String> producerOverrides) {

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    public static final String DEFAULT_REGISTRY = "http://127.0.0.1:8081/apis/ccompat/v7";
    public static final int DEFAULT_HEALTH_PORT = 8083;

    /** transactional.id: one per instance, the same across restarts of that instance. */
    public String transactionalId() {
        return groupId + "-" + instanceId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PublisherConfig fromFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read publish config " + file + ": " + e.getMessage(), e);
        }
        return fromProperties(p, file.toString());
    }

    public static PublisherConfig fromProperties(Properties p, String origin) {
        Builder b = builder();
        PublishTopics d = PublishTopics.defaults();
        b.bootstrapServers(p.getProperty("bootstrap.servers", DEFAULT_BOOTSTRAP))
                .schemaRegistryUrl(p.getProperty("schema.registry.url", DEFAULT_REGISTRY))
                .groupId(p.getProperty("publish.group.id", "newsflow-publish"))
                .instanceId(p.getProperty("publish.instance.id", "0"))
                .topics(new PublishTopics(
                        p.getProperty("publish.topic.enriched", d.enriched()),
                        p.getProperty("publish.topic.articles", d.articles()),
                        p.getProperty("publish.topic.articles.json", d.articlesJson()),
                        p.getProperty("publish.topic.latest", d.latest()),
                        p.getProperty("publish.topic.country.prefix", d.countryPrefix()),
                        p.getProperty("publish.topic.deadletter", d.deadLetter())))
                .partitions(intOf(p, "publish.topic.partitions", 6, origin))
                .replication((short) intOf(p, "publish.topic.replication", 1, origin))
                .countryPartitions(intOf(p, "publish.country.partitions", 1, origin))
                .healthPort(intOf(p, "publish.health.port", DEFAULT_HEALTH_PORT, origin))
                .pollTimeout(Duration.ofMillis(intOf(p, "publish.poll.ms", 100, origin)));
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("consumer.")) {
                b.consumerOverride(name.substring("consumer.".length()), p.getProperty(name));
            } else if (name.startsWith("producer.")) {
                b.producerOverride(name.substring("producer.".length()), p.getProperty(name));
            }
        }
        return b.build();
    }

    private static int intOf(Properties p, String key, int fallback, String origin) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(origin + ": " + key + " must be a whole number, got '" + v + "'");
        }
    }

    public static final class Builder {
        private String bootstrapServers = DEFAULT_BOOTSTRAP;
        private String schemaRegistryUrl = DEFAULT_REGISTRY;
        private String groupId = "newsflow-publish";
        private String instanceId = "0";
        private PublishTopics topics = PublishTopics.defaults();
        private int partitions = 6;
        private short replication = 1;
        private int countryPartitions = 1;
        private int healthPort = DEFAULT_HEALTH_PORT;
        private Duration pollTimeout = Duration.ofMillis(100);
        private final Map<String, String> consumerOverrides = new HashMap<>();
        private final Map<String, String> producerOverrides = new HashMap<>();

        public Builder bootstrapServers(String v) { bootstrapServers = v; return this; }
        public Builder schemaRegistryUrl(String v) { schemaRegistryUrl = v; return this; }
        public Builder groupId(String v) { groupId = v; return this; }
        public Builder instanceId(String v) { instanceId = v; return this; }
        public Builder topics(PublishTopics v) { topics = v; return this; }
        public Builder partitions(int v) { partitions = v; return this; }
        public Builder replication(short v) { replication = v; return this; }
        public Builder countryPartitions(int v) { countryPartitions = v; return this; }
        public Builder healthPort(int v) { healthPort = v; return this; }
        public Builder pollTimeout(Duration v) { pollTimeout = v; return this; }
        public Builder consumerOverride(String k, String v) { consumerOverrides.put(k, v); return this; }
        public Builder producerOverride(String k, String v) { producerOverrides.put(k, v); return this; }

        public PublisherConfig build() {
            require(bootstrapServers, "bootstrap.servers is empty: set it to the Kafka brokers, e.g. 127.0.0.1:9092");
            require(schemaRegistryUrl, "schema.registry.url is empty: set it to the registry's Confluent API URL");
            require(groupId, "publish.group.id is empty: set a consumer group name, e.g. newsflow-publish");
            require(instanceId, "publish.instance.id is empty: give each publisher instance a stable id, e.g. 0");
            if (partitions < 1 || countryPartitions < 1 || replication < 1) {
                throw new IllegalArgumentException("publish.topic.partitions, publish.country.partitions and "
                        + "publish.topic.replication must be at least 1");
            }
            if (!"read_committed".equals(consumerOverrides.getOrDefault("isolation.level", "read_committed"))) {
                throw new IllegalArgumentException("consumer.isolation.level must stay read_committed: the "
                        + "publisher must not republish aborted enrich output");
            }
            if (consumerOverrides.containsKey("enable.auto.commit")) {
                throw new IllegalArgumentException("consumer.enable.auto.commit cannot be set: offsets are committed "
                        + "inside the publish transaction");
            }
            return new PublisherConfig(bootstrapServers, schemaRegistryUrl, groupId, instanceId, topics, partitions,
                    replication, countryPartitions, healthPort, pollTimeout, Map.copyOf(consumerOverrides),
                    Map.copyOf(producerOverrides));
        }

        private static void require(String v, String message) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
