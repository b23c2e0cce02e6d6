package io.newsflow.ingest.http;


import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.ServiceProperties;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.topics.TopicContract;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of the ingest service, from a properties file, overridden by environment variables by the one rule of
 * every service ({@link ServiceProperties}: {@code ingest.http.port} -> {@code NEWSFLOW_CONFIG_INGEST_HTTP_PORT}).
 * Common Kafka client keys (security.protocol, sasl.*, ssl.*) reach the producer and the health probe; serde keys
 * (basic.auth.*, schema.registry.*) reach the Avro serializer.
 *
 * <pre>
 * ingest.http.host=127.0.0.1            # interface to listen on
 * ingest.http.port=8080                 # 0 = any free port
 * ingest.feed.NAME.key=SECRET           # one line per feed: its Bearer API key (env: NEWSFLOW_CONFIG_INGEST_FEED_NAME_KEY)
 * ingest.feed.NAME.ninjs.version=3.0    # the ninjs version the feed sends (default: each item's declared or shown one)
 * ingest.max.body.bytes=10485760        # request body limit, compressed and after gunzip (413 above)
 * ingest.max.items=1000                 # items per request (413 above)
 * topics.name.raw=news.articles.raw    # where accepted articles go (Avro, key = article id)
 * topics.name.deadletter=news.deadletter   # refused payloads with the reason (Avro DeadLetter)
 * ingest.produce.timeout.ms=15000       # wait for Kafka acks at most this long, then 503
 * ingest.retry.after.seconds=5          # Retry-After sent with 503
 * bootstrap.servers=127.0.0.1:9092      # Kafka
 * schema.registry.url=http://127.0.0.1:8081/apis/ccompat/v7   # Confluent-API schema registry
 * producer.*                            # passed to the Kafka producer (e.g. producer.linger.ms=5)
 * </pre>
 */
public record IngestConfig(String host, int port, Map<String, String> feedKeys, long maxBodyBytes, int maxItems,
                           String rawTopic, String deadLetterTopic, long produceTimeoutMs, int retryAfterSeconds,
                           String bootstrapServers, String schemaRegistryUrl, Map<String, String> producerOverrides,
                           Properties settings) {

    public static final Setting<String> HTTP_HOST = Setting.string("ingest.http.host", "127.0.0.1",
            "interface the HTTP server listens on").example("0.0.0.0");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("ingest.http.port", 8080, "HTTP port; 0: any free one")
            .atLeast(0).example("9080");
    public static final Setting<Long> MAX_BODY_BYTES = Setting.longInteger("ingest.max.body.bytes", 10L * 1024 * 1024,
            "largest request body, as sent and once gunzipped").atLeast(1).example("1048576");
    public static final Setting<Integer> MAX_ITEMS = Setting.integer("ingest.max.items", 1000, "most items in one request")
            .atLeast(1).example("100");
    public static final Setting<Long> PRODUCE_TIMEOUT_MS = Setting.longInteger("ingest.produce.timeout.ms", 15_000,
            "how long a request waits for Kafka").atLeast(1).example("5000");
    public static final Setting<Integer> RETRY_AFTER_SECONDS = Setting.integer("ingest.retry.after.seconds", 5,
            "Retry-After of a 503").atLeast(1).example("10");
    /** Ingest's own scalar settings (the families ingest.feed.*, ingest.pull.*, ingest.sources.* are listed apart). */
    public static final java.util.List<Setting<?>> SETTINGS = java.util.List.of(HTTP_HOST, HTTP_PORT, MAX_BODY_BYTES,
            MAX_ITEMS, PRODUCE_TIMEOUT_MS, RETRY_AFTER_SECONDS);

    public static final String FEED_PREFIX = "ingest.feed.";
    static final String NINJS_VERSION_SUFFIX = ".ninjs.version";

    public IngestConfig {
        feedKeys = Map.copyOf(feedKeys);
        producerOverrides = Map.copyOf(producerOverrides);
        Properties copy = new Properties();
        copy.putAll(settings);
        settings = copy;
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("ingest.max.body.bytes must be > 0, got " + maxBodyBytes);
        if (maxItems <= 0) throw new IllegalArgumentException("ingest.max.items must be > 0, got " + maxItems);
        // no feed at all is refused when the service starts (IngestService.requireFeeds): polled feeds need no key
        for (String k : settings.stringPropertyNames()) {
            if (k.startsWith(FEED_PREFIX) && k.endsWith(NINJS_VERSION_SUFFIX)) {
                try {
                    io.newsflow.ingest.ninjs.NinjsSchemas.forVersion(settings.getProperty(k).trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(k + ": " + e.getMessage());
                }
            }
        }
    }

    /** Defaults for one machine: the demo feed with key {@code demo}. */
    public static IngestConfig defaults() {
        return from(new Properties(), Map.of());
    }

    public static IngestConfig load(Path file, Map<String, String> env) {
        return from(ServiceProperties.load(file, env), Map.of());
    }

    public static IngestConfig from(Properties props, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> all.put(k, props.getProperty(k).trim()));
        all.putAll(ServiceProperties.fromEnvironment(env));
        Properties settings = new Properties();
        settings.putAll(all);
        TopicContract topics = TopicContract.fromProperties(settings);
        Map<String, String> feeds = new LinkedHashMap<>();
        Map<String, String> producer = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(FEED_PREFIX) && k.endsWith(".key")) {
                String feed = k.substring(FEED_PREFIX.length(), k.length() - 4);
                if (feed.isEmpty() || v.isEmpty()) throw new IllegalArgumentException(k + ": feed name and key must not be empty");
                feeds.put(feed, v);
            } else if (k.startsWith("producer.")) {
                producer.put(k.substring(9), v);
            }
        });
        // no default key: a deployment names its feeds (the demo sets its own, feed demo with key demo)
        return new IngestConfig(
                HTTP_HOST.read(settings),
                HTTP_PORT.read(settings),
                feeds,
                MAX_BODY_BYTES.read(settings),
                MAX_ITEMS.read(settings),
                topics.name(TopicContract.Role.RAW),
                topics.name(TopicContract.Role.DEADLETTER),
                PRODUCE_TIMEOUT_MS.read(settings),
                RETRY_AFTER_SECONDS.read(settings),
                CommonSettings.BOOTSTRAP_SERVERS.read(settings),
                CommonSettings.SCHEMA_REGISTRY_URL.read(settings),
                producer,
                settings);
    }

    /** Keys every Kafka client of the service gets (bootstrap, security). */
    public Properties kafkaClientSettings() {
        Properties p = ServiceProperties.kafkaClient(settings);
        p.setProperty("bootstrap.servers", bootstrapServers);
        return p;
    }

    /** Keys the Avro serializer and its registry client get. */
    public Map<String, Object> serdeSettings() {
        Map<String, Object> m = new java.util.TreeMap<>(ServiceProperties.serde(settings));
        m.put("schema.registry.url", schemaRegistryUrl);
        m.putIfAbsent("auto.register.schemas", true);
        return m;
    }

    /** Feed name to the ninjs schema version its items are validated against, for feeds that set one. */
    public Map<String, String> feedNinjsVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : settings.stringPropertyNames()) {
            if (k.startsWith(FEED_PREFIX) && k.endsWith(NINJS_VERSION_SUFFIX)) {
                String feed = k.substring(FEED_PREFIX.length(), k.length() - NINJS_VERSION_SUFFIX.length());
                out.put(feed, settings.getProperty(k).trim());
            }
        }
        return out;
    }

    public IngestConfig withPort(int newPort) {
        return new IngestConfig(host, newPort, feedKeys, maxBodyBytes, maxItems, rawTopic, deadLetterTopic,
                produceTimeoutMs, retryAfterSeconds, bootstrapServers, schemaRegistryUrl, producerOverrides, settings);
    }
}
