package io.newsflow.schemas.topics;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of the pipeline, beside the Avro contract: name, key, value, partitions and configs. Each service, the
 * demo, the {@code topics} command and the tests provision through this one description, so a topic means the same
 * thing wherever it was first created.
 *
 * <p>Keys (all optional, in any service's properties file):
 * <ul>
 *   <li>{@code topics.partitions}: partitions of the article topics (6: up to 6 instances of a service share the
 *       work);</li>
 *   <li>{@code topics.replication.factor}: -1 (default) takes 3 on a cluster of three brokers or more, else the
 *       number of brokers;</li>
 *   <li>{@code topics.min.insync.replicas}: -1 (default) takes 2 when the replication factor is 3 or more, else 1;</li>
 *   <li>{@code topics.country.partitions}: partitions of each {@code news.articles.country.<CC>} topic (1);</li>
 *   <li>{@code topics.deadletter.retention.ms}: how long dead letters stay (14 days);</li>
 *   <li>{@code topics.name.<role>}: a topic's name, roles {@code raw enriched articles articles.json latest trending
 *       deadletter engagement country.prefix}.</li>
 * </ul>
 */
public final class TopicContract {
    public static final String PREFIX = "topics.";
    public static final String PARTITIONS = "topics.partitions";
    public static final String REPLICATION_FACTOR = "topics.replication.factor";
    public static final String MIN_INSYNC_REPLICAS = "topics.min.insync.replicas";
    public static final String COUNTRY_PARTITIONS = "topics.country.partitions";
    public static final String DEADLETTER_RETENTION_MS = "topics.deadletter.retention.ms";
    public static final String NAME_PREFIX = "topics.name.";

    public static final String DEFAULT_LATEST = "news.articles.latest";
    public static final String DEFAULT_COUNTRY_PREFIX = "news.articles.country.";
    static final long TWO_WEEKS_MS = 14L * 24 * 3600 * 1000;
    static final String LOG_APPEND_TIME = "LogAppendTime";

    public static final Setting<Integer> ARTICLE_PARTITIONS = Setting.integer(PARTITIONS, 6,
            "partitions of every topic but the one-partition ones").atLeast(1).example("12");
    public static final Setting<Integer> REPLICATION = Setting.integer(REPLICATION_FACTOR, -1,
            "-1: 3, or the broker count when fewer").validate(v -> v == -1 || (v >= 1 && v <= Short.MAX_VALUE),
            "-1 (from the cluster) or at least 1").example("3");
    public static final Setting<Integer> MIN_ISR = Setting.integer(MIN_INSYNC_REPLICAS, -1,
            "-1: 2 when replication is 3 or more, else 1").validate(v -> v == -1 || v >= 1,
            "-1 (from the replication factor) or at least 1").example("1");
    public static final Setting<Integer> COUNTRY_TOPIC_PARTITIONS = Setting.integer(COUNTRY_PARTITIONS, 1,
            "partitions of each news.articles.country.<CC>").atLeast(1).example("3");
    public static final Setting<Long> DEADLETTER_RETENTION = Setting.longInteger(DEADLETTER_RETENTION_MS, TWO_WEEKS_MS,
            "how long dead letters are kept (14 days)").atLeast(1).example("86400000");
    /** The contract's settings besides the topic names, in the reference's order. */
    public static final List<Setting<?>> SETTINGS = List.of(ARTICLE_PARTITIONS, REPLICATION, MIN_ISR,
            COUNTRY_TOPIC_PARTITIONS, DEADLETTER_RETENTION);

    /** The roles a topic plays; the name of each is configurable. */
    public enum Role {
        RAW("raw", Topics.RAW), ENRICHED("enriched", Topics.ENRICHED), ARTICLES("articles", Topics.ARTICLES),
        ARTICLES_JSON("articles.json", Topics.ARTICLES_JSON), LATEST("latest", DEFAULT_LATEST),
        TRENDING("trending", Topics.TRENDING), DEADLETTER("deadletter", Topics.DEADLETTER),
        ENGAGEMENT("engagement", Topics.ENGAGEMENT), SOURCE_STATE("sources.state", "news.sources.state"), SOURCES("sources", "news.sources");

        final String key;
        final String defaultName;

        Role(String key, String defaultName) {
            this.key = key;
            this.defaultName = defaultName;
        }

        public String configKey() {
            return NAME_PREFIX + key;
        }
    }

    private final int partitions;
    private final short replicationFactor;
    private final int minInsyncReplicas;
    private final int countryPartitions;
    private final long deadLetterRetentionMs;
    private final Map<Role, String> names;
    private final String countryPrefix;

    private TopicContract(int partitions, short replicationFactor, int minInsyncReplicas, int countryPartitions,
                          long deadLetterRetentionMs, Map<Role, String> names, String countryPrefix) {
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
        this.countryPartitions = countryPartitions;
        this.deadLetterRetentionMs = deadLetterRetentionMs;
        this.names = Map.copyOf(names);
        this.countryPrefix = countryPrefix;
    }

    public static TopicContract defaults() {
        return fromProperties(new Properties());
    }

    /**
     * Reads the {@code topics.*} keys of a service's properties (and, for this release, the per-service topic keys
     * they replace, with a warning); the rest is ignored.
     */
    public static TopicContract fromProperties(Properties settings) {
        Properties p = LegacyTopicKeys.apply(settings);
        Map<Role, String> names = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            String n = p.getProperty(r.configKey(), r.defaultName).trim();
            if (n.isEmpty()) throw new IllegalArgumentException(r.configKey() + " cannot be empty");
            names.put(r, n);
        }
        int rf = REPLICATION.read(p);
        int isr = MIN_ISR.read(p);
        if (rf > 0 && isr > rf) {
            throw new IllegalArgumentException(MIN_INSYNC_REPLICAS + "=" + isr + " is more than " + REPLICATION_FACTOR + "=" + rf
                    + ": no write could ever succeed; lower it");
        }
        int parts = ARTICLE_PARTITIONS.read(p);
        int country = COUNTRY_TOPIC_PARTITIONS.read(p);
        long retention = DEADLETTER_RETENTION.read(p);
        String prefix = p.getProperty(NAME_PREFIX + "country.prefix", DEFAULT_COUNTRY_PREFIX).trim();
        return new TopicContract(parts, (short) rf, isr, country, retention, names, prefix);
    }

    /**
     * Whether the previous release's way of turning enrich's engagement input off (a blank topic key) is used; reading
     * the contract ({@link #fromProperties}) has warned about it, naming enrich.engagement.enabled.
     */
    public static boolean legacyEngagementOff(Properties p) {
        String legacy = p.getProperty("enrich.topic.engagement");
        return legacy != null && legacy.isBlank();
    }

    /** The same contract with the replication settings fixed for a cluster of {@code brokers} brokers. */
    public TopicContract resolvedFor(int brokers) {
        if (brokers < 1) throw new IllegalArgumentException("a cluster has at least one broker, got " + brokers);
        short rf = replicationFactor > 0 ? replicationFactor : (short) Math.min(3, brokers);
        if (rf > brokers) {
            throw new IllegalArgumentException(REPLICATION_FACTOR + "=" + rf + " needs " + rf + " brokers; the cluster has "
                    + brokers + ". Lower it or add brokers");
        }
        int isr = minInsyncReplicas > 0 ? minInsyncReplicas : (rf >= 3 ? 2 : 1);
        return new TopicContract(partitions, rf, isr, countryPartitions, deadLetterRetentionMs, names, countryPrefix);
    }

    public boolean resolved() {
        return replicationFactor > 0 && minInsyncReplicas > 0;
    }

    public String name(Role role) {
        return names.get(role);
    }

    /** The same contract with one topic renamed (a service's own topic key takes precedence over topics.name.*). */
    public TopicContract withName(Role role, String name) {
        if (name == null || name.isBlank()) return this;
        Map<Role, String> n = new LinkedHashMap<>(names);
        n.put(role, name.trim());
        return new TopicContract(partitions, replicationFactor, minInsyncReplicas, countryPartitions, deadLetterRetentionMs, n,
                countryPrefix);
    }

    /** The same contract with another partition count for the article topics (tests, small set-ups). */
    public TopicContract withPartitions(int articlePartitions) {
        if (articlePartitions < 1) throw new IllegalArgumentException(PARTITIONS + " must be at least 1");
        return new TopicContract(articlePartitions, replicationFactor, minInsyncReplicas, countryPartitions, deadLetterRetentionMs,
                names, countryPrefix);
    }

    public TopicContract withCountryPrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) return this;
        return new TopicContract(partitions, replicationFactor, minInsyncReplicas, countryPartitions, deadLetterRetentionMs,
                names, prefix.trim());
    }

    public int partitions() {
        return partitions;
    }

    public short replicationFactor() {
        return replicationFactor;
    }

    public int minInsyncReplicas() {
        return minInsyncReplicas;
    }

    public String countryPrefix() {
        return countryPrefix;
    }

    public String countryTopic(String isoCode) {
        return countryPrefix + isoCode.toUpperCase(Locale.ROOT);
    }

    public TopicSpec spec(Role role) {
        String n = names.get(role);
        return switch (role) {
            case RAW -> spec(n, "article id", "Avro Article (ingest -> enrich)", partitions, Map.of());
            case ENRICHED -> spec(n, "article id", "Avro EnrichedArticle (enrich -> publish)", partitions, Map.of());
            case ARTICLES -> spec(n, "article id", "Avro EnrichedArticle, finished", partitions, Map.of());
            case ARTICLES_JSON -> spec(n, "article id", "finished article JSON", partitions, Map.of());
            // the newest record per article is all a reader needs; tombstones of withdrawn articles stay a day
            case LATEST -> spec(n, "article id", "Avro EnrichedArticle, latest version; tombstone when withdrawn", partitions,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                            TopicConfig.DELETE_RETENTION_MS_CONFIG, "86400000"));
            // one record per region and only the latest list matters; one partition keeps all lists in one place
            case TRENDING -> spec(n, "region", "Avro TrendingList", 1,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"));
            // someone has to look at what failed: kept two weeks by default, in one ordered log
            case DEADLETTER -> spec(n, "item id or none", "Avro DeadLetter (original bytes, stage, reason)", 1,
                    Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(deadLetterRetentionMs)));
            case ENGAGEMENT -> spec(n, "article id", "Avro EngagementEvent", partitions, Map.of());
            // ingest's polling state (validators, backoff) per pulled source: only the latest per source matters
            case SOURCES -> spec(n, "source name", "Avro SourceEvent: a source became ok, quiet, failing or disabled", 1,
                    Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(deadLetterRetentionMs)));
            case SOURCE_STATE -> spec(n, "source name", "polling state JSON (ingest's pulled sources)", 1,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"));
        };
    }

    /** The topic of one country, made when the first article is routed to it. */
    public TopicSpec countrySpec(String isoCode) {
        return spec(countryTopic(isoCode), "article id", "finished article JSON of one country", countryPartitions, Map.of());
    }

    /**
     * A topic of the bench ({@code newsflow bench}): as many partitions as the pipeline's topics, so raw Kafka and
     * the pipeline are measured on the same layout; with {@code brokerClock}, record times are the broker's append
     * times (LogAppendTime), which time a stage's throughput on the broker's clock.
     */
    public TopicSpec benchSpec(String name, boolean brokerClock) {
        return specAsGiven(name, "bench record id", brokerClock ? "bench output, broker-clock timestamps" : "bench input",
                partitions, brokerClock ? Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME) : Map.of());
    }

    /** Every fixed topic of the pipeline, in the order of the flow. */
    public List<TopicSpec> all() {
        List<TopicSpec> out = new ArrayList<>();
        for (Role r : Role.values()) out.add(spec(r));
        return out;
    }

    /** Settings Kafka Streams needs so its internal topics (changelogs, repartitions) follow the same replication. */
    public Map<String, String> streamsInternalTopicSettings() {
        if (!resolved()) throw new IllegalStateException("resolve the contract for the cluster first (resolvedFor)");
        return Map.of("replication.factor", Short.toString(replicationFactor),
                "topic." + TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
    }

    /**
     * A topic of the pipeline. Its records are timed when the broker appends them (LogAppendTime), whatever the
     * producer set: Kafka Streams stamps what it writes with the article's event time, and an article days older than
     * {@code retention.ms} would otherwise roll its segment at the next append and be deleted by the next retention
     * check, before any reader got to it. The article's own times travel in the value.
     */
    private TopicSpec spec(String name, String key, String value, int parts, Map<String, String> configs) {
        Map<String, String> c = new LinkedHashMap<>(configs);
        c.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME);
        return specAsGiven(name, key, value, parts, c);
    }

    private TopicSpec specAsGiven(String name, String key, String value, int parts, Map<String, String> configs) {
        Map<String, String> c = new LinkedHashMap<>(configs);
        if (minInsyncReplicas > 0) c.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
        return new TopicSpec(name, key, value, parts, replicationFactor, c);
    }

}
