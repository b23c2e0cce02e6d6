package io.newsflow.publish;

import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.publish.config.PublishTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Creates the publisher's topics when they are missing: the input and outputs up front (the latest view compacted),
 * and each country topic the first time an article is routed to it. Existing topics are left as they are.
 */
public final class TopicSetup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private final Admin admin;
    private final PublisherConfig config;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TopicSetup(Admin admin, PublisherConfig config) {
        this.admin = admin;
        this.config = config;
    }

    public void createFixedTopics() {
        PublishTopics t = config.topics();
        List<NewTopic> topics = new ArrayList<>();
        topics.add(topic(t.enriched(), config.partitions(), Map.of()));
        topics.add(topic(t.articles(), config.partitions(), Map.of()));
        topics.add(topic(t.articlesJson(), config.partitions(), Map.of()));
        topics.add(topic(t.deadLetter(), config.partitions(), Map.of()));
        // latest version per article: compaction keeps the newest record per key and drops tombstoned articles
        topics.add(topic(t.latest(), config.partitions(), Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                TopicConfig.DELETE_RETENTION_MS_CONFIG, "86400000")));
        create(topics);
        try {
            known.addAll(admin.listTopics().names().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted listing topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics on " + config.bootstrapServers() + ": "
                    + e.getCause(), e.getCause());
        }
    }

    /** Makes sure a country topic exists before the first send to it (the broker may not auto-create topics). */
    public void ensureCountryTopic(String name) {
        if (known.contains(name)) {
            return;
        }
        create(List.of(topic(name, config.countryPartitions(), Map.of())));
        known.add(name);
        log.info("country topic ready: {}", name);
    }

    private NewTopic topic(String name, int partitions, Map<String, String> configs) {
        return new NewTopic(name, partitions, config.replication()).configs(configs);
    }

    private void create(List<NewTopic> topics) {
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get();
                log.info("created topic {}", name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating topic " + name, e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
                }
            }
        });
    }

    @Override
    public void close() {
        admin.close();
    }
}
