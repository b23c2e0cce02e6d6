package io.newsflow.cli.demo;

import io.newsflow.generator.TrafficGenerator;
import java.nio.file.Path;

/** What the demo's components share: the options, and the addresses of what already runs. */
public final class DemoContext {
    private final DemoOptions options;
    private volatile String kafkaBootstrapServers;
    private volatile String schemaRegistryUrl;
    private volatile String ingestUrl;
    private volatile String enrichUrl;
    private volatile TrafficGenerator generator;
    private volatile java.util.Map<String, String> pulledFeeds = java.util.Map.of();
    private final java.util.Properties serviceSettings = new java.util.Properties();

    public DemoContext(DemoOptions options) {
        this.options = options;
    }

    public DemoOptions options() {
        return options;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    public String kafkaBootstrapServers() {
        return require(kafkaBootstrapServers, "Kafka");
    }

    void kafkaBootstrapServers(String bootstrapServers) {
        this.kafkaBootstrapServers = bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return require(schemaRegistryUrl, "the schema registry");
    }

    void schemaRegistryUrl(String url) {
        this.schemaRegistryUrl = url;
    }

    public String ingestUrl() {
        return require(ingestUrl, "the ingest service");
    }

    void ingestUrl(String url) {
        this.ingestUrl = url;
    }

    /** Enrich's interactive-query root, or null before enrich runs. */
    public String enrichUrl() {
        return enrichUrl;
    }

    void enrichUrl(String url) {
        this.enrichUrl = url;
    }

    /** The traffic generator, or null with --rate 0. */
    public TrafficGenerator generator() {
        return generator;
    }

    void generator(TrafficGenerator generator) {
        this.generator = generator;
    }

    /** Feeds of the demo's own that ingest polls: name to URL. */
    public java.util.Map<String, String> pulledFeeds() {
        return pulledFeeds;
    }

    void pulledFeeds(java.util.Map<String, String> feeds) {
        this.pulledFeeds = java.util.Map.copyOf(feeds);
    }

    /** Service keys from {@code demo --config FILE}. */
    void serviceSettings(java.util.Properties settings) {
        serviceSettings.putAll(settings);
    }

    /** The {@code --config} keys of one service ({@code prefix} "ingest.", "enrich." or "publish."). */
    public java.util.Properties settingsFor(String prefix) {
        return io.newsflow.schemas.config.ServiceConfigFile.keysOf(serviceSettings, prefix);
    }

    private static String require(String value, String what) {
        if (value == null) {
            throw new IllegalStateException(what + " is not started yet: put its component earlier in the demo");
        }
        return value;
    }
}
