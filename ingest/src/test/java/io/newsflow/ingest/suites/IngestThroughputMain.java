package io.newsflow.ingest.suites;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.ingest.ninjs.NinjsParser;
import io.newsflow.schemas.avro.Article;
import io.newsflow.testkit.TestKafka;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Articles/s accepted over HTTP (batch and single-item requests) against Kafka's own producer sending the
 * same Article records (feed and received time set as the service sets them) with the same producer settings
 * ({@link IngestService#producerProperties}: idempotent, acks=all, lz4), in one run on one broker (TestKafka:
 * the local broker without Docker). Values are Avro with an in-memory (mock://) registry on both sides, so the
 * registry is not what is measured.
 *
 * <p>Two raw baselines, measured in every round next to the HTTP figures:
 * <ul>
 *   <li><b>raw streaming</b>: one thread sends every record without waiting, then flushes: the producer's ceiling.</li>
 *   <li><b>raw same contract</b>: as many threads as HTTP clients, each sending a batch of the request's size and
 *       waiting for every acknowledgement before its next batch, which is what the service promises (202 only
 *       after Kafka acknowledged every record of the request).</li>
 * </ul>
 * The HTTP clients run in this JVM, so on a small machine they take CPU from the service: each is a plain
 * kept-alive HTTP/1.1 connection ({@link KeepAliveClient}), far cheaper per request than the JDK HttpClient
 * ({@code -Dbench.client=jdk} to compare).
 * Round 1 warms the JIT; every round is printed, then the median of the later rounds.
 *
 * <p>Usage: {@code IngestThroughputMain [articles=20000] [batch=100] [clients=4] [rounds=4]};
 * {@code -Dbench.jfr=FILE} then records a JFR profile of five more HTTP batch passes (not part of the figures;
 * {@code -Dbench.profile=single} for single-item requests), to read with
 * {@code jfr print --events jdk.ExecutionSample FILE}; {@code -Dbench.threads=true} adds the CPU per article of the
 * busiest thread groups per phase; {@code -Dproducer.linger.ms=0} (any {@code producer.*} key) overrides the
 * producer settings of both sides.
 */
public final class IngestThroughputMain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient JDK_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One measured phase: articles per wall-clock second and this JVM's CPU microseconds per article. */
    record Rate(double perSecond, double cpuMicrosPerArticle) {}

    /** Client and raw sender threads, kept between phases so that their CPU time stays countable. */
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-client");
        t.setDaemon(true);
        return t;
    });

    /** -Dbench.threads=true: also the CPU per article of the busiest thread groups, per phase. */
    private static final boolean THREAD_CPU = Boolean.getBoolean("bench.threads");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int singles = Math.min(n, 5000);
        int singleClients = clients * 2;
        String jfr = System.getProperty("bench.jfr");

        String bootstrap = TestKafka.bootstrapServers();
        String topic = TestKafka.uniqueTopic("bench-raw");
        String dead = TestKafka.uniqueTopic("bench-dead");
        TestKafka.createTopics(6, topic, dead);

        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(item(i));
        List<byte[]> batchBodies = bodies(items, batch);
        List<byte[]> singleBodies = bodies(items.subList(0, singles), 1);
        // the raw side sends the very records the service produces: parsed once up front, feed and time set as it does
        Instant now = Instant.now();
        List<Article> articles = new NinjsParser().parse(new Document("bench", "application/json", bytes(array(items, 0, n))))
                .articles().stream().map(a -> Article.newBuilder(a).setFeed("demo").setReceivedAt(now).build()).toList();

        Properties p = new Properties();
        p.setProperty("ingest.http.port", "0");
        p.setProperty("ingest.feed.demo.key", "demo");
        p.setProperty("ingest.max.items", Integer.toString(Math.max(batch, 1000)));
        p.setProperty("topics.name.raw", topic);
        p.setProperty("topics.name.deadletter", dead);
        p.setProperty("bootstrap.servers", bootstrap);
        p.setProperty("schema.registry.url", "mock://ingest-bench");
        // -Dproducer.linger.ms=0 etc.: the service's producer.* overrides, applied to the raw producer as well
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("producer."))
                .forEach(k -> p.setProperty(k, System.getProperty(k)));
        IngestConfig config = IngestConfig.from(p, Map.of());
        System.out.printf("load average %.2f at start; %d articles, batches of %d, %d clients (single items: %d with %d clients), %d rounds; "
                        + "producer overrides %s%n", OS.getSystemLoadAverage(), n, batch, clients, singles, singleClients, rounds, config.producerOverrides());

        String[] names = {"raw streaming", "raw same contract, batch", "raw same contract, single", "HTTP batch", "HTTP single"};
        List<Rate[]> results = new ArrayList<>();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(IngestService.producerProperties(config));
             IngestService service = IngestService.start(config)) {
            URI url = URI.create("http://127.0.0.1:" + service.port() + "/v1/articles");
            producer.send(new ProducerRecord<>(config.rawTopic(), articles.get(0).getId(), articles.get(0))).get(); // metadata, registry
            http(url, singleBodies.subList(0, 1), 1);
            for (int round = 1; round <= rounds; round++) {
                Rate[] r = new Rate[5];
                r[0] = measure(articles.size(), () -> rawStreaming(producer, config.rawTopic(), articles));
                r[1] = measure(articles.size(), () -> rawSameContract(producer, config.rawTopic(), articles, batch, clients));
                r[2] = measure(singles, () -> rawSameContract(producer, config.rawTopic(), articles.subList(0, singles), 1, singleClients));
                r[3] = measure(n, () -> http(url, batchBodies, clients));
                r[4] = measure(singles, () -> http(url, singleBodies, singleClients));
                results.add(r);
                System.out.printf("round %d (load %.2f):%n", round, OS.getSystemLoadAverage());
                print(names, r, batch, clients, singleClients);
            }
            if (jfr != null) {
                // a separate pass, so that starting the recorder costs none of the reported phases
                boolean single = "single".equals(System.getProperty("bench.profile"));
                try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                    recording.start();
                    for (int k = 0; k < 5; k++) {
                        if (single) http(url, singleBodies, singleClients);
                        else http(url, batchBodies, clients);
                    }
                    recording.stop();
                    recording.dump(Path.of(jfr));
                }
                System.out.printf("JFR profile of 5 passes of HTTP %s written to %s%n", single ? "single" : "batch", jfr);
            }
        }
        if (rounds > 1) {
            List<Rate[]> warm = results.subList(1, results.size());
            Rate[] median = new Rate[5];
            for (int k = 0; k < 5; k++) {
                int phase = k;
                median[k] = new Rate(median(warm, r -> r[phase].perSecond()), median(warm, r -> r[phase].cpuMicrosPerArticle()));
            }
            System.out.printf("median of rounds 2-%d (load %.2f at the end):%n", rounds, OS.getSystemLoadAverage());
            print(names, median, batch, clients, singleClients);
            // ratios paired within each round (both sides saw the same machine), then their median
            System.out.printf("  per-round ratios, median: HTTP batch = %.2f of raw streaming, %.2f of raw same contract; "
                            + "HTTP single = %.3f of raw streaming, %.2f of raw same contract (single)%n",
                    median(warm, r -> r[3].perSecond() / r[0].perSecond()), median(warm, r -> r[3].perSecond() / r[1].perSecond()),
                    median(warm, r -> r[4].perSecond() / r[0].perSecond()), median(warm, r -> r[4].perSecond() / r[2].perSecond()));
        }
        System.exit(0);
    }

    private static double median(List<Rate[]> rounds, java.util.function.ToDoubleFunction<Rate[]> value) {
        double[] v = rounds.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void print(String[] names, Rate[] r, int batch, int clients, int singleClients) {
        String[] how = {"1 thread, send all then flush", clients + " threads, " + batch + " records then wait for every ack",
                singleClients + " threads, 1 record then wait for its ack", clients + " clients, " + batch + " items per request",
                singleClients + " clients, 1 item per request"};
        for (int k = 0; k < 5; k++) {
            System.out.printf("  %-26s %9.0f articles/s  %7.1f µs CPU/article  (%s)%n", names[k], r[k].perSecond(), r[k].cpuMicrosPerArticle(), how[k]);
        }
        System.out.printf("  HTTP batch  = %.2f of raw streaming, %.2f of raw same contract%n", r[3].perSecond() / r[0].perSecond(), r[3].perSecond() / r[1].perSecond());
        System.out.printf("  HTTP single = %.3f of raw streaming, %.2f of raw same contract (single)%n", r[4].perSecond() / r[0].perSecond(), r[4].perSecond() / r[2].perSecond());
    }

    /** Runs one phase that must account for {@code expected} articles; wall-clock rate and process CPU per article. */
    private static Rate measure(int expected, Callable<Integer> phase) throws Exception {
        Map<String, Long> threads0 = THREAD_CPU ? threadCpu() : null;
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        int done = phase.call();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMicros = (OS.getProcessCpuTime() - cpu0) / 1e3;
        if (threads0 != null) {
            Map<String, Long> threads1 = threadCpu();
            StringBuilder sb = new StringBuilder("    CPU µs/article by thread:");
            threads1.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue() - threads0.getOrDefault(b.getKey(), 0L),
                    a.getValue() - threads0.getOrDefault(a.getKey(), 0L))).limit(6).forEach(e -> sb.append(String.format(" %s %.1f",
                    e.getKey(), (e.getValue() - threads0.getOrDefault(e.getKey(), 0L)) / 1e3 / Math.max(1, done))));
            System.out.println(sb);
        }
        if (done != expected) throw new IllegalStateException(done + " articles acknowledged, expected " + expected);
        return new Rate(done / seconds, cpuMicros / done);
    }

    /** Java threads' CPU nanoseconds by name with digits dropped (pools summed); GC and JIT threads are not Java threads. */
    private static Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) continue;
            long ns = mx.getThreadCpuTime(t.getThreadId());
            if (ns > 0) out.merge(t.getThreadName().replaceAll("[0-9]+", "#"), ns, Long::sum);
        }
        return out;
    }

    /** The producer's ceiling: every record sent without waiting, then one flush. */
    private static int rawStreaming(KafkaProducer<String, Object> producer, String topic, List<Article> articles) {
        AtomicInteger acked = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (Article a : articles) {
            producer.send(new ProducerRecord<>(topic, a.getId(), a), (md, e) -> {
                if (e != null) failure.compareAndSet(null, e);
                else acked.incrementAndGet();
            });
        }
        producer.flush();
        if (failure.get() != null) throw new IllegalStateException("raw send failed", failure.get());
        return acked.get();
    }

    /** The service's contract without HTTP: each thread sends a batch and waits for every ack before the next. */
    private static int rawSameContract(KafkaProducer<String, Object> producer, String topic, List<Article> articles,
                                       int batch, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return inParallel(threads, () -> {
            int acked = 0;
            int from;
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch);
            while ((from = next.getAndAdd(batch)) < articles.size()) {
                acks.clear();
                for (Article a : articles.subList(from, Math.min(articles.size(), from + batch))) {
                    acks.add(producer.send(new ProducerRecord<>(topic, a.getId(), a)));
                }
                for (Future<RecordMetadata> f : acks) f.get();
                acked += acks.size();
            }
            return acked;
        });
    }

    /**
     * Posts every body with {@code clients} concurrent clients, each on its own kept-alive connection
     * ({@link KeepAliveClient}, or the JDK HttpClient with {@code -Dbench.client=jdk}); the articles accepted.
     */
    private static int http(URI url, List<byte[]> bodies, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        boolean jdk = "jdk".equals(System.getProperty("bench.client"));
        return inParallel(clients, () -> {
            int accepted = 0;
            int i;
            try (KeepAliveClient own = new KeepAliveClient(url.getHost(), url.getPort())) {
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    accepted += jdk ? post(JDK_CLIENT, url, bodies.get(i)) : post(own, url, bodies.get(i));
                }
            }
            return accepted;
        });
    }

    private static int post(KeepAliveClient client, URI url, byte[] body) throws Exception {
        KeepAliveClient.Answer r = client.post(url.getPath(), "application/json", "Bearer demo", body);
        return accepted(r.status(), r.body());
    }

    private static int post(HttpClient client, URI url, byte[] body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer demo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return accepted(r.statusCode(), r.body());
    }

    private static int accepted(int status, String body) throws Exception {
        if (status != 202) throw new IllegalStateException("HTTP " + status + ": " + body);
        return JSON.readTree(body).get("accepted").asInt();
    }

    private static int inParallel(int threads, Callable<Integer> task) throws Exception {
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) done.add(CLIENTS.submit(task));
        int total = 0;
        for (Future<Integer> f : done) total += f.get();
        return total;
    }

    private static List<byte[]> bodies(List<ObjectNode> items, int batch) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += batch) {
            out.add(batch == 1 ? bytes(items.get(i).toString()) : bytes(array(items, i, Math.min(items.size(), i + batch))));
        }
        return out;
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
