package io.newsflow.harness.bench;

import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublishTopics;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The publish hop alone: a second publisher (own group, own output topics) replays the enriched articles the
 * pipeline left in news.articles.enriched. Tells whether publish or the hops before it limit the pipeline. Timed on
 * the broker's clock: its articles and dead-letter topics are created up front with LogAppendTime (the publisher
 * leaves existing topics as they are).
 */
final class PublishReplayStage {
    static final String ARTICLES = "bench.replay.articles";
    static final String DEADLETTER = "bench.replay.deadletter";

    private PublishReplayStage() {}

    static Measurement measure(String bootstrap, String registryUrl) {
        long expected = committedRecords(bootstrap, Topics.ENRICHED);
        PublishTopics out = new PublishTopics(Topics.ENRICHED, ARTICLES, "bench.replay.articles.json",
                "bench.replay.latest", "bench.replay.country.", DEADLETTER);
        PublisherConfig config = PublisherConfig.builder().bootstrapServers(bootstrap).schemaRegistryUrl(registryUrl)
                .groupId("bench-publish-replay").topics(out).healthPort(-1).build();
        // every enriched article comes out once: on the articles topic, or as a dead letter
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, List.of(ARTICLES, DEADLETTER), r -> -1);
             PublisherService publisher = new PublisherService(config).start()) {
            watcher.awaitCount(expected, Duration.ofMinutes(10), Duration.ofSeconds(30));
            return watcher.brokerClock("publish alone", expected);
        }
    }

    /** Records a read_committed consumer finds in the topic now. */
    private static long committedRecords(String bootstrap, String topic) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("isolation.level", "read_committed");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(p,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long n = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                n += consumer.poll(Duration.ofMillis(100)).count();
            }
            return n;
        }
    }
}
