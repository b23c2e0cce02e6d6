package io.newsflow.harness.watch;

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
 * Watches news.articles.json as a downstream reader does (read_committed) on a thread of its own and notes when each
 * id/version first appeared: how long output took to flow again after a fault or a restart, and when the pipeline
 * has drained. The chaos run watches from the beginning; the restart bench from the end, at its start.
 */
public final class OutputWatch implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> idFirstSeen = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean stop;
    private volatile long lastNew = System.nanoTime();

    /** Starts watching news.articles.json: from its beginning, or from its end as it is now. */
    public OutputWatch(String bootstrap, boolean fromBeginning) {
        this(bootstrap, Topics.ARTICLES_JSON, fromBeginning);
    }

    /** Starts watching a topic of finished articles in JSON. */
    public OutputWatch(String bootstrap, String topic, boolean fromBeginning) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a fetch returns as soon as anything is committed
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(parts);
        if (fromBeginning) {
            consumer.seekToBeginning(parts);
        } else {
            consumer.seekToEnd(parts);
            parts.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30))); // fixed before anything is sent
        }
        thread = new Thread(this::run, "output-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!stop) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    try {
                        JsonNode n = JSON.readTree(r.value());
                        String id = n.path("id").asText();
                        long now = System.nanoTime();
                        if (firstSeen.putIfAbsent(key(id, n.path("version").isNumber() ? n.path("version").asLong() : null),
                                now) == null) {
                            lastNew = now;
                        }
                        idFirstSeen.putIfAbsent(id, now);
                    } catch (java.io.IOException notJson) {
                        // the chaos checker counts it; the watch only times
                    }
                }
            }
        } finally {
            consumer.close();
        }
    }

    private static String key(String id, Long version) {
        return id + "#" + version;
    }

    /** When (nanoTime) this id/version first came out; null when it has not. */
    public Long firstSeen(String id, Long version) {
        return firstSeen.get(key(id, version));
    }

    /** When (nanoTime) the first article whose id contains {@code text} came out; null when none has. */
    public Long firstSeenOfIdContaining(String text) {
        return idFirstSeen.entrySet().stream().filter(e -> e.getKey().contains(text)).map(Map.Entry::getValue)
                .min(Long::compare).orElse(null);
    }

    /** Whether all these ids are out. */
    public boolean seen(Set<String> ids) {
        return idFirstSeen.keySet().containsAll(ids);
    }

    /** Waits until every one of {@code ids} is out, or nothing new came out for {@code quiet}, at most {@code max}. */
    public void awaitQuiet(Set<String> ids, Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (seen(ids) && quietForMs() > 3000) return;
            if (quietForMs() > quiet.toMillis()) return;
            Thread.sleep(250);
        }
    }

    public long quietForMs() {
        return (System.nanoTime() - lastNew) / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(5000);
    }
}
