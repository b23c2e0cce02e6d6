package io.newsflow.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.generator.TrafficGenerator;
import io.newsflow.schemas.Topics;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Live progress on stdout every few seconds: items sent and accepted, finished articles out (counted by a
 * read_committed consumer of news.articles, so aborted output never counts), the lag of enrich and publish, and
 * the top of the global trending list (from enrich's interactive queries).
 */
final class ProgressComponent implements DemoComponent {
    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final AtomicLong articlesOut = new AtomicLong();
    private ScheduledExecutorService ticker;
    private Thread counter;
    private volatile boolean running;
    private Admin admin;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    ProgressComponent(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "progress";
    }

    @Override
    public void start(DemoContext context) {
        running = true;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, context.kafkaBootstrapServers()));
        counter = new Thread(() -> countArticles(context.kafkaBootstrapServers()), "demo-progress-counter");
        counter.setDaemon(true);
        counter.start();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> report(context), EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void countArticles(String bootstrap) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", // what downstream consumers see
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",       // this run's articles only
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            while (running) {
                articlesOut.addAndGet(consumer.poll(Duration.ofMillis(500)).count());
            }
        } catch (RuntimeException e) {
            if (running) {
                out.println("progress: counting news.articles stopped: " + e.getMessage());
            }
        }
    }

    private void report(DemoContext context) {
        try {
            StringBuilder line = new StringBuilder(LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")));
            TrafficGenerator generator = context.generator();
            if (generator != null) {
                TrafficGenerator.Stats s = generator.stats();
                line.append(String.format("  in: sent %d, accepted %d, refused %d", s.sent(), s.accepted(), s.rejected()));
            }
            line.append(String.format("  out: %d finished", articlesOut.get()));
            line.append(String.format("  lag: enrich %d, publish %d", lag("newsflow-enrich"), lag("newsflow-publish")));
            out.println(line);
            List<String> top = topTrending(context.enrichUrl());
            for (int i = 0; i < top.size(); i++) {
                out.println("    " + (i + 1) + ". " + top.get(i));
            }
        } catch (RuntimeException e) {
            out.println("progress: " + e.getMessage());
        }
    }

    /** Records the group has not yet consumed, over all its partitions; -1 when unknown. */
    private long lag(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : committed.entrySet()) {
                if (e.getValue() != null && ends.containsKey(e.getKey())) {
                    lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    private List<String> topTrending(String enrichUrl) {
        List<String> lines = new ArrayList<>();
        if (enrichUrl == null) {
            return lines;
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(enrichUrl + "/trending?region=global"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return lines;
            }
            for (JsonNode e : JSON.readTree(r.body()).path("entries")) {
                if (lines.size() == 3) {
                    break;
                }
                lines.add(String.format("%s  (score %.2f, %d articles, %d sources)", e.path("headline").asText("?"),
                        e.path("score").asDouble(), e.path("articles").asInt(), e.path("sources").asInt()));
            }
        } catch (Exception e) {
            // enrich still starting: no list this time
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        ticker.shutdownNow();
        counter.join(2000);
        admin.close(Duration.ofSeconds(2));
    }
}
