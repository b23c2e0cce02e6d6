package io.newsflow.cli.bench;

import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublishTopics;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;

/**
 * The publish hop alone: a second publisher (own group, own output topics) replays the enriched articles the
 * pipeline left in news.articles.enriched. Tells whether publish or the hops before it limit the pipeline.
 */
final class PublishReplayStage {
    private PublishReplayStage() {}

    static Measurement measure(String bootstrap, String registryUrl) throws InterruptedException {
        long expected = committedRecords(bootstrap, Topics.ENRICHED);
        PublishTopics out = new PublishTopics(Topics.ENRICHED, "bench.replay.articles", "bench.replay.articles.json",
                "bench.replay.latest", "bench.replay.country.", "bench.replay.deadletter");
        PublisherConfig config = PublisherConfig.builder().bootstrapServers(bootstrap).schemaRegistryUrl(registryUrl)
                .groupId("bench-publish-replay").topics(out).healthPort(-1).build();
        try (PublisherService publisher = new PublisherService(config).start()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            long first = 0;
            double done = 0;
            while (System.nanoTime() < deadline) {
                done = publisher.metrics().publishedCount() + publisher.metrics().deadLetteredCount();
                if (first == 0 && done > 0) {
                    first = System.nanoTime(); // start-up (topics, group join, initTransactions) is not throughput
                }
                if (done >= expected) {
                    break;
                }
                Thread.sleep(5);
            }
            double seconds = first == 0 ? Double.NaN : (System.nanoTime() - first) / 1e9;
            return new Measurement("publish alone", (long) done, expected, seconds, Measurement.newHistogram());
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
