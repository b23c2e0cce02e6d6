package io.newsflow.cli.demo;

import io.newsflow.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The contract's topics as the demo creates them. */
final class DemoTopics {
    /** Article topics are keyed by article id; 6 partitions let the services scale to 6 instances. */
    static final int ARTICLE_PARTITIONS = 6;

    private DemoTopics() {}

    static List<NewTopic> all() {
        return List.of(
                topic(Topics.RAW, ARTICLE_PARTITIONS, Map.of()),
                topic(Topics.ENRICHED, ARTICLE_PARTITIONS, Map.of()),
                topic(Topics.ARTICLES, ARTICLE_PARTITIONS, Map.of()),
                topic(Topics.ARTICLES_JSON, ARTICLE_PARTITIONS, Map.of()),
                // one record per region key, and only the latest list matters: compacted
                topic(Topics.TRENDING, 1, Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")),
                // kept two weeks: someone has to look at what failed
                topic(Topics.DEADLETTER, 1, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(14L * 24 * 3600 * 1000))),
                topic(Topics.ENGAGEMENT, ARTICLE_PARTITIONS, Map.of()));
    }

    private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
        return new NewTopic(name, partitions, (short) 1).configs(configs);
    }
}
