package io.newsflow.cli.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches news.articles.json during the run as a downstream reader does (read_committed, from the beginning) and
 * notes when each id/version first appeared: how long output took to flow again after a fault, and when the
 * pipeline has drained.
 */
final class OutputWatch implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Set<String> idsSeen = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean stop;
    private volatile long lastNew = System.nanoTime();

    OutputWatch(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        thread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> parts = c.partitionsFor(Topics.ARTICLES_JSON, Duration.ofSeconds(60)).stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                while (!stop) {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                        try {
                            JsonNode n = JSON.readTree(r.value());
                            String key = key(n.path("id").asText(), n.path("version").isNumber() ? n.path("version").asLong() : null);
                            if (firstSeen.putIfAbsent(key, System.nanoTime()) == null) lastNew = System.nanoTime();
                            idsSeen.add(n.path("id").asText());
                        } catch (java.io.IOException notJson) {
                            // the checker counts it; the watch only times
                        }
                    }
                }
            }
        }, "chaos-output-watch");
        thread.setDaemon(true);
        thread.start();
    }

    static String key(String id, Long version) {
        return id + "#" + version;
    }

    /** Waits until every acknowledged id is out, or nothing new came out for {@code quiet}, at most {@code max}. */
    void awaitQuiet(Set<String> ids, Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (idsSeen.containsAll(ids) && quietForMs() > 3000) return;
            if (quietForMs() > quiet.toMillis()) return;
            Thread.sleep(250);
        }
    }

    /** Whether all these ids are out. */
    boolean seen(Set<String> ids) {
        return idsSeen.containsAll(ids);
    }

    long quietForMs() {
        return (System.nanoTime() - lastNew) / 1_000_000;
    }

    /** When (nanoTime) the first article acknowledged after {@code ackedAfter} came out; -1 when none has. */
    long firstOutputOfAckedAfter(long ackedAfter, List<Workload.Ack> acks) {
        long best = Long.MAX_VALUE;
        for (Workload.Ack a : acks) {
            if (a.atNanos() <= ackedAfter) continue;
            Long seen = firstSeen.get(key(a.id(), a.version()));
            if (seen != null && seen >= a.atNanos() - 1_000_000_000L) best = Math.min(best, seen);
        }
        return best == Long.MAX_VALUE ? -1 : best;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(5000);
    }
}
