package io.newsflow.cli.demo.status;

import io.newsflow.harness.watch.KafkaOffsets;
import io.newsflow.harness.watch.RecordLag;
import io.newsflow.harness.watch.StallWatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.serde.AvroSerdeConfig;
import io.newsflow.schemas.serde.AvroSerdeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples the running pipeline for the status board: what came in (records on the raw topic), what came out
 * (finished articles a read_committed consumer of news.articles sees), each service's lag in records, dead
 * letters by reason, each part's health endpoint and the top of the trending list. Everything is read the way an
 * operator's tools would read it, from Kafka and over HTTP, not from inside the services.
 */
public final class PipelineStatus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where to look.
     *
     * @param groups  consumer group per service name, for the lag
     * @param inputs  topics each service reads (same names as {@code groups}), for the stall watch
     * @param writers topic to the service that writes it, to name who holds a transaction open
     * @param health  part name to its health URL (Kafka's health is an admin call)
     */
    public record Sources(String bootstrapServers, String registryUrl, String rawTopic, String articlesTopic,
                          String deadLetterTopic, Map<String, String> groups, Map<String, List<String>> inputs,
                          Map<String, String> writers, Map<String, String> health, String trendingUrl, String sourcesUrl) {}

    /** How long a stage may hold records it has not delivered before the board says it is stalled. */
    public static final Duration STALL_BOUND = Duration.ofSeconds(60);

    private final Sources sources;
    private final Admin admin;
    private final RecordLag lag;
    private final StallWatch stalls;
    private final DeadLetterTally deadLetters;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong published = new AtomicLong();
    private final Thread counter;
    private volatile boolean running = true;
    private final long startedNanos = System.nanoTime();
    private long rawBaseline = -1;
    private long lastAccepted;
    private long lastPublished;
    private long lastNanos = System.nanoTime();

    public PipelineStatus(Sources sources) {
        this.sources = sources;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sources.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-demo-status"));
        this.lag = new RecordLag(admin, consumer("newsflow-demo-lag"));
        List<StallWatch.Stage> stages = new ArrayList<>();
        sources.groups().forEach((service, group) ->
                stages.add(new StallWatch.Stage(service, group, sources.inputs().getOrDefault(service, List.of()))));
        this.stalls = new StallWatch(new KafkaOffsets(admin, lag), stages, sources.writers(), STALL_BOUND, System::nanoTime);
        this.deadLetters = new DeadLetterTally(consumer("newsflow-demo-deadletters"),
                AvroSerdeFactory.deserializer(Map.of("schema.registry.url", sources.registryUrl(),
                        AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false), sources.deadLetterTopic());
        acceptedSinceStart(); // the baseline: counts start with the board, like the published count
        this.counter = new Thread(this::countPublished, "demo-status-published");
        counter.setDaemon(true);
        counter.start();
    }

    /** A read_committed reader of no group: what downstream consumers see. */
    private KafkaConsumer<byte[], byte[]> consumer(String clientId) {
        return RecordLag.reader(sources.bootstrapServers(), clientId);
    }

    private void countPublished() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("newsflow-demo-published")) {
            List<TopicPartition> partitions = consumer.partitionsFor(sources.articlesTopic(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            while (running) {
                published.addAndGet(consumer.poll(Duration.ofMillis(500)).count());
            }
        } catch (RuntimeException e) {
            if (running) {
                org.slf4j.LoggerFactory.getLogger(PipelineStatus.class).warn("counting {} stopped: {}", sources.articlesTopic(), e.toString());
            }
        }
    }

    /** One sample; rates are over the time since the previous one. */
    public synchronized Snapshot sample() {
        long now = System.nanoTime();
        long accepted = acceptedSinceStart();
        long out = published.get();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double inRate = (accepted - lastAccepted) / seconds;
        double outRate = (out - lastPublished) / seconds;
        lastAccepted = accepted;
        lastPublished = out;
        lastNanos = now;
        Map<String, RecordLag.Lag> lags = new LinkedHashMap<>();
        sources.groups().forEach((service, group) -> lags.put(service, lag.of(group)));
        Map<String, Long> dead;
        try {
            dead = deadLetters.poll();
        } catch (RuntimeException e) {
            dead = Map.of("unknown", -1L);
        }
        List<String> stalled;
        try {
            stalled = stalls.check();
        } catch (RuntimeException e) {
            stalled = List.of("stall watch: " + e.getMessage());
        }
        return new Snapshot(Instant.now(), Duration.ofNanos(now - startedNanos), accepted, out, Math.max(0, inRate),
                Math.max(0, outRate), lags, dead, health(), trending(), sources(), stalled);
    }

    private long acceptedSinceStart() {
        try {
            var partitions = admin.describeTopics(List.of(sources.rawTopic())).allTopicNames().get(2, TimeUnit.SECONDS)
                    .get(sources.rawTopic()).partitions();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(sources.rawTopic(), p.partition()), OffsetSpec.latest()));
            long sum = 0;
            for (var info : admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS).values()) {
                sum += info.offset(); // ingest's producer is not transactional: no markers on the raw topic
            }
            if (rawBaseline < 0) {
                rawBaseline = sum;
            }
            return sum - rawBaseline;
        } catch (Exception e) {
            return lastAccepted;
        }
    }

    private Map<String, String> health() {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
            out.put("kafka", "UP");
        } catch (Exception e) {
            out.put("kafka", "DOWN");
        }
        sources.health().forEach((part, url) -> out.put(part, probe(url)));
        return out;
    }

    private String probe(String url) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 ? "UP" : "DOWN(" + r.statusCode() + ")";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "DOWN";
        }
    }

    /** GET /v1/sources of ingest: name to state. */
    private Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sources.sourcesUrl()))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                for (JsonNode n : JSON.readTree(r.body()).path("sources")) {
                    out.put(n.path("name").asText(), n.path("state").asText());
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return out;
    }

    private List<String> trending() {
        List<String> lines = new ArrayList<>();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sources.trendingUrl()))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                for (JsonNode e : JSON.readTree(r.body()).path("entries")) {
                    if (lines.size() == 3) {
                        break;
                    }
                    lines.add(String.format(Locale.ROOT, "%s  (score %.2f, %d articles, %d sources)", e.path("headline").asText("?"),
                            e.path("score").asDouble(), e.path("articles").asInt(), e.path("sources").asInt()));
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        counter.join(2000);
        lag.close();
        deadLetters.close();
        admin.close(Duration.ofSeconds(2));
    }
}
