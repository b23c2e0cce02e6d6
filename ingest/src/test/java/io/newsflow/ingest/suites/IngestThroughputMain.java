package io.newsflow.ingest.suites;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ninjs.NinjsParser;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.schemas.avro.Article;
import io.newsflow.testkit.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Articles/s accepted over HTTP (batch and single-item requests) against Kafka's own producer sending the
 * same Article records with the same producer settings, in one run on one broker (TestKafka: local broker
 * without Docker). Values are Avro with an in-memory (mock://) registry on both sides, so the registry is
 * not what is measured. Usage: IngestThroughputMain [articles=20000] [batch=100] [clients=4]
 */
public final class IngestThroughputMain {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String bootstrap = TestKafka.bootstrapServers();
        String topic = TestKafka.uniqueTopic("bench-raw");
        String dead = TestKafka.uniqueTopic("bench-dead");
        TestKafka.createTopics(6, topic, dead);

        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(item(i));
        // the raw side gets the very records ingest would produce: parsed once up front
        List<Article> articles = new NinjsParser().parse(new Document("bench", "application/json", bytes(array(items, 0, n)))).articles();

        Properties p = new Properties();
        p.setProperty("ingest.http.port", "0");
        p.setProperty("ingest.max.items", Integer.toString(Math.max(batch, 1000)));
        p.setProperty("ingest.topic.raw", topic);
        p.setProperty("ingest.topic.deadletter", dead);
        p.setProperty("bootstrap.servers", bootstrap);
        p.setProperty("schema.registry.url", "mock://ingest-bench");
        IngestConfig config = IngestConfig.from(p, Map.of());

        for (int round = 1; round <= 2; round++) { // round 1 warms the JIT; round 2 is reported
            double raw = rawProducer(config, articles);
            double viaBatch;
            double viaSingle;
            try (IngestService service = IngestService.start(config)) {
                String url = "http://127.0.0.1:" + service.port() + "/v1/articles";
                viaBatch = http(url, items, batch, clients);
                viaSingle = http(url, items.subList(0, Math.min(n, 5000)), 1, clients * 2);
            }
            System.out.printf("round %d: raw producer %.0f articles/s | HTTP batch of %d (%d clients) %.0f/s = %.2f of raw | "
                            + "HTTP single (%d clients) %.0f/s = %.2f of raw%n",
                    round, raw, batch, clients, viaBatch, viaBatch / raw, clients * 2, viaSingle, viaSingle / raw);
        }
        System.exit(0);
    }

    private static double rawProducer(IngestConfig config, List<Article> articles) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(IngestService.producerProperties(config))) {
            long t0 = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size());
            for (Article a : articles) acks.add(producer.send(new ProducerRecord<>(config.rawTopic(), a.getId(), a)));
            for (Future<RecordMetadata> f : acks) f.get();
            return articles.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double http(String url, List<ObjectNode> items, int batch, int clients) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < items.size(); i += batch) {
            bodies.add(batch == 1 ? bytes(items.get(i).toString()) : bytes(array(items, i, Math.min(items.size(), i + batch))));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer demo").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                    accepted.addAndGet(JSON.readTree(r.body()).get("accepted").asInt());
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        double perSecond = accepted.get() / ((System.nanoTime() - t0) / 1e9);
        pool.shutdown();
        return perSecond;
    }

    private static ObjectNode item(int i) {
        ObjectNode o = JSON.createObjectNode();
        o.put("uri", "urn:bench:item:" + i);
        o.put("type", "text");
        o.put("version", "1");
        o.put("versioncreated", "2026-02-18T09:00:00Z");
        o.put("language", "en");
        o.putArray("headlines").addObject().put("role", "main").put("value", "Benchmark story number " + i + " about markets and weather");
        StringBuilder body = new StringBuilder();
        while (body.length() < 2000) body.append("Paragraph text of a wire story with ordinary words in it, number ").append(i).append(". ");
        o.putArray("bodies").addObject().put("role", "main").put("contenttype", "text/plain").put("value", body.toString());
        o.put("by", "Bench Desk");
        return o;
    }

    private static String array(List<ObjectNode> items, int from, int to) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = from; i < to; i++) a.add(items.get(i));
        return a.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
