package io.newsflow.frontpage.kafka;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.frontpage.state.LatestArticles;
import io.newsflow.frontpage.state.TrendingBoard;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingList;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the finished-article and trending topics from the beginning into {@link LatestArticles} and
 * {@link TrendingBoard}, on its own thread. Values are decoded here rather than by the consumer so that one
 * record that cannot be decoded is counted and skipped instead of stopping the page.
 */
public final class FeedConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedConsumer.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final org.apache.kafka.common.serialization.Deserializer<Object> articleDecoder;
    private final org.apache.kafka.common.serialization.Deserializer<Object> trendingDecoder;
    private final String articlesTopic;
    private final String trendingTopic;
    private final LatestArticles articles;
    private final TrendingBoard trending;
    private final MeterRegistry metrics;
    private final KafkaClientMetrics clientMetrics;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile boolean assigned;
    private volatile Throwable failure;

    public FeedConsumer(Properties consumerProperties, Map<String, Object> serdeConfig, String articlesTopic,
                        String trendingTopic, LatestArticles articles, TrendingBoard trending, MeterRegistry metrics) {
        this.articlesTopic = articlesTopic;
        this.trendingTopic = trendingTopic;
        this.articles = articles;
        this.trending = trending;
        this.metrics = metrics;
        Map<String, Object> serde = new HashMap<>(serdeConfig);
        serde.put("specific.avro.reader", true);
        this.articleDecoder = io.newsflow.schemas.serde.AvroSerdeFactory.deserializer(serde, false);
        this.trendingDecoder = io.newsflow.schemas.serde.AvroSerdeFactory.deserializer(serde, false);
        this.consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        // the consumer's own metrics (fetch latency, records lag) beside the page's
        this.clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(metrics);
        this.thread = new Thread(this::run, "frontpage-consumer");
        this.thread.setDaemon(true);
    }

    /**
     * Consumer settings for a view that is rebuilt from the topics on every start. No consumer group: every front
     * page needs every partition and shares no work, so partitions are assigned, not subscribed; a restarted page
     * (even after kill -9) reads at once instead of waiting for a group's rebalance or a dead member's session.
     */
    public static Properties consumerProperties(String bootstrapServers, Map<String, Object> overrides) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-frontpage");
        // articles of aborted publisher transactions must never reach the page
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // the page is rebuilt from what the topics hold, so start at the beginning and never commit
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a fetch returns as soon as anything is committed: new articles show within a poll, not after 500 ms
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        // the page reads topics; creating them is the pipeline's job
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.putAll(overrides);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }

    public void start() {
        started = true;
        thread.start();
    }

    /** True once partitions are assigned and the loop is alive. */
    public boolean healthy() {
        return thread.isAlive() && assigned && failure == null;
    }

    public String state() {
        if (failure != null) {
            return "FAILED: " + failure;
        }
        if (!thread.isAlive()) {
            return running ? "NOT_STARTED" : "STOPPED";
        }
        return assigned ? "RUNNING" : "WAITING_FOR_TOPICS";
    }

    private void run() {
        try {
            long nextLook = 0;
            while (running) {
                if (System.nanoTime() >= nextLook) {
                    // topics created after start (a fresh demo), or given more partitions, are picked up here
                    assignNewPartitions();
                    nextLook = System.nanoTime() + (assigned ? 10_000_000_000L : 500_000_000L);
                }
                if (!assigned) {
                    Thread.sleep(100);
                    continue;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(250));
                for (ConsumerRecord<String, byte[]> r : records) {
                    handle(r);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // close() woke the poll
        } catch (Throwable t) {
            failure = t;
            log.error("front page consumer stopped: {}", t.toString(), t);
        } finally {
            clientMetrics.close();
            consumer.close(Duration.ofSeconds(5));
            articleDecoder.close();
            trendingDecoder.close();
        }
    }

    private void assignNewPartitions() {
        java.util.Set<TopicPartition> all = new java.util.HashSet<>();
        for (String topic : List.of(articlesTopic, trendingTopic)) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            } catch (org.apache.kafka.common.errors.TimeoutException kafkaNotAnswering) {
                return; // /health says WAITING_FOR_TOPICS meanwhile
            }
            if (infos == null || infos.isEmpty()) return; // not there yet: look again soon
            infos.forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
        }
        java.util.Set<TopicPartition> added = new java.util.HashSet<>(all);
        added.removeAll(consumer.assignment());
        if (added.isEmpty()) return;
        consumer.assign(all);
        consumer.seekToBeginning(added);
        assigned = true;
        log.info("front page reading {} partitions of {} and {} from the beginning", all.size(), articlesTopic,
                trendingTopic);
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        Instant recordTime = Instant.ofEpochMilli(r.timestamp());
        if (r.topic().equals(articlesTopic)) {
            EnrichedArticle article;
            try {
                article = r.value() == null ? null : (EnrichedArticle) articleDecoder.deserialize(r.topic(), r.value());
            } catch (RuntimeException e) {
                undecodable(r, e);
                return;
            }
            LatestArticles.Outcome outcome = articles.apply(r.key(), article, recordTime);
            count(articlesTopic, outcome.name().toLowerCase(java.util.Locale.ROOT));
            if (outcome == LatestArticles.Outcome.REMOVED) {
                log.info("article {} taken down ({})", r.key(), article == null ? "tombstone" : article.getArticle().getStatus());
            }
        } else {
            TrendingList list;
            try {
                list = r.value() == null ? null : (TrendingList) trendingDecoder.deserialize(r.topic(), r.value());
            } catch (RuntimeException e) {
                undecodable(r, e);
                return;
            }
            count(trendingTopic, trending.apply(r.key(), list) ? "applied" : "stale");
        }
    }

    private void undecodable(ConsumerRecord<String, byte[]> r, RuntimeException e) {
        count(r.topic(), "undecodable");
        log.warn("skipped record {}-{}@{} key {}: {}", r.topic(), r.partition(), r.offset(), r.key(), e.toString());
    }

    private void count(String topic, String outcome) {
        counters.computeIfAbsent(topic + '|' + outcome, k -> io.newsflow.frontpage.FrontPageMetrics.RECORDS.counter(metrics, topic, outcome)).increment();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (!started) {
            clientMetrics.close();
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        thread.join(10_000);
    }
}
