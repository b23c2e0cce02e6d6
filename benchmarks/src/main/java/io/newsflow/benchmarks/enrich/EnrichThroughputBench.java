package io.newsflow.benchmarks.enrich;

import io.newsflow.benchmarks.support.StackSampler;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import io.newsflow.stack.LocalKafkaBroker;
import io.newsflow.stack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Throughput of the enrich app against pass-through Kafka Streams apps, on one real local broker, over the
 * same input topic in the same run, plus the enrich state size per 100k articles.
 * <pre>
 *   java -cp ... io.newsflow.benchmarks.enrich.EnrichThroughputBench [articles=100000] [rounds=1]
 * </pre>
 * Every app uses the same Streams settings (exactly_once_v2, commit 100 ms, producer batching) from
 * {@link EnrichConfig#streamsProperties()}. Timing runs from the app reaching RUNNING until a read_committed
 * consumer has seen every expected output record.
 */
public final class EnrichThroughputBench {
    static final int PARTITIONS = 6;
    static final String RAW = "bench-raw";
    static final String REGISTRY = "mock://enrich-bench";

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path work = Files.createTempDirectory("enrich-bench");
        try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().workDir(work.resolve("kafka")).maxHeap("1g").start()) {
            String bootstrap = kafka.bootstrapServers();
            System.out.printf("broker %s up in %d ms%n", bootstrap, kafka.startupTime().toMillis());
            WireDay.Traffic traffic = WireDay.generate(articles, 42);
            createTopics(bootstrap, RAW);
            long produceMs = produce(bootstrap, traffic.articles());
            System.out.printf("input: %d articles (%d expected through the version gate) produced in %d ms%n",
                    articles, traffic.expectedPasses(), produceMs);
            List<String> lines = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // -Dbench.enrichOnly=true: skip the pass-through apps (for profiling the enrich app alone)
                boolean enrichOnly = Boolean.getBoolean("bench.enrichOnly");
                double bytes = enrichOnly ? Double.NaN : passThroughBytes(bootstrap, work, round, articles);
                double avro = enrichOnly ? Double.NaN : passThroughAvro(bootstrap, work, round, articles);
                EnrichRun enrich = enrich(bootstrap, work, round, articles, traffic.expectedPasses());
                lines.add(String.format("round %d: pass-through bytes %.0f rec/s, pass-through avro %.0f rec/s, enrich %.0f rec/s;"
                                + " enrich/bytes %.2f, enrich/avro %.2f; state %s local (RocksDB), %s changelogs per 100k articles",
                        round, bytes, avro, enrich.recordsPerSecond, enrich.recordsPerSecond / bytes,
                        enrich.recordsPerSecond / avro, mb(enrich.localStateBytes * 100_000.0 / articles),
                        mb(enrich.changelogBytes * 100_000.0 / articles)));
                System.out.println(lines.get(lines.size() - 1));
            }
            System.out.println("== summary (" + articles + " articles, " + PARTITIONS + " partitions) ==");
            lines.forEach(System.out::println);
        }
    }

    record EnrichRun(double recordsPerSecond, long localStateBytes, long changelogBytes) {}

    static double passThroughBytes(String bootstrap, Path work, int round, int expected) throws Exception {
        String appId = "bench-pass-bytes-" + round;
        String out = appId + "-out";
        createTopics(bootstrap, out);
        StreamsBuilder b = new StreamsBuilder();
        b.stream(RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return timeStreams(() -> new KafkaStreams(b.build(), props(bootstrap, work, appId)), bootstrap, out, expected, "pass-through bytes");
    }

    static double passThroughAvro(String bootstrap, Path work, int round, int expected) throws Exception {
        String appId = "bench-pass-avro-" + round;
        String out = appId + "-out";
        createTopics(bootstrap, out);
        Serde<Article> serde = serde();
        StreamsBuilder b = new StreamsBuilder();
        b.stream(RAW, Consumed.with(Serdes.String(), serde)).to(out, Produced.with(Serdes.String(), serde));
        return timeStreams(() -> new KafkaStreams(b.build(), props(bootstrap, work, appId)), bootstrap, out, expected, "pass-through avro");
    }

    static EnrichRun enrich(String bootstrap, Path work, int round, int articles, int expected) throws Exception {
        String appId = "bench-enrich-" + round;
        Path stateDir = work.resolve("state-" + appId);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("schema.registry.url", REGISTRY);
        p.put("application.id", appId);
        p.put("enrich.state.dir", stateDir.toString());
        p.put("enrich.topic.raw", RAW);
        p.put("enrich.topic.enriched", appId + "-enriched");
        p.put("enrich.topic.trending", appId + "-trending");
        p.put("enrich.topic.engagement", "");
        p.put("enrich.http.port", String.valueOf(Ports.freePort()));
        // one instance here: a standby would have nowhere to go
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0");
        // -Dbench.enrich.threads=N: another thread count for the enrich app than the service's default
        if (System.getProperty("bench.enrich.threads") != null) {
            p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, System.getProperty("bench.enrich.threads"));
        }
        EnrichConfig config = EnrichConfig.fromProperties(p);
        long began;
        double rate;
        try (EnrichService service = EnrichService.start(config, new StandardCountryTagging())) {
            began = awaitRunning(service.streams());
            long done;
            // -Dbench.sample=true: where the stream threads spend their time while enrich runs
            try (var sampler = Boolean.getBoolean("bench.sample") ? new StackSampler(System.getProperty("bench.sample.threads", ".*StreamThread-\\d+"), 7) : null) {
                done = awaitCount(bootstrap, config.enrichedTopic(), expected);
            }
            rate = articles * 1000.0 / (done - began);
            printThreadMetrics(service.streams());
            System.out.printf("enrich: %d in -> %d out in %d ms = %.0f rec/s; stories: %.0f new, %.0f joins (generated: %d stories)%n",
                    articles, expected, done - began, rate, count("new"), count("joined"), WireDay.lastStoryCount);
        }
        return new EnrichRun(rate, directorySize(stateDir), changelogBytes(bootstrap, appId));
    }

    /** Where the stream threads spent their time: poll, process, commit, punctuate (ratios of wall time). */
    static void printThreadMetrics(KafkaStreams streams) {
        Set<String> wanted = Set.of("poll-ratio", "process-ratio", "commit-ratio", "punctuate-ratio", "blocked-time-ns-total",
                "commit-latency-avg", "poll-latency-avg", "poll-records-avg", "process-records-avg", "process-latency-avg");
        streams.metadataForLocalThreads().forEach(t -> System.out.printf("  %s tasks %s%n",
                shortName(t.threadName()), t.activeTasks().stream().map(x -> x.taskId().toString()).sorted().toList()));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("StreamThread")) {
                System.out.printf("  %s cpu = %.1f s%n", shortName(info.getThreadName()),
                        threads.getThreadCpuTime(info.getThreadId()) / 1e9);
            }
        }
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-thread-metrics") && wanted.contains(name.name())) {
                System.out.printf("  %s %s = %s%n", shortName(name.tags().get("thread-id")),
                        name.name(), metric.metricValue());
            }
        });
    }

    /** "app-uuid-StreamThread-1[-producer]" -> "StreamThread-1[-producer]" */
    static String shortName(String thread) {
        return thread.replaceAll(".*-(StreamThread-\\d+)", "$1");
    }

    static double count(String outcome) {
        var c = io.micrometer.core.instrument.Metrics.globalRegistry.find("newsflow.enrich.stories").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    static double timeStreams(Supplier<KafkaStreams> app, String bootstrap, String out, int expected, String name) throws Exception {
        try (KafkaStreams streams = app.get()) {
            streams.start();
            long began = awaitRunning(streams);
            long done = awaitCount(bootstrap, out, expected);
            double rate = expected * 1000.0 / (done - began);
            System.out.printf("%s: %d records in %d ms = %.0f rec/s%n", name, expected, done - began, rate);
            streams.close(Duration.ofSeconds(30));
            return rate;
        }
    }

    static Properties props(String bootstrap, Path work, String appId) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("application.id", appId);
        p.put("enrich.state.dir", work.resolve("state-" + appId).toString());
        Properties streams = EnrichConfig.fromProperties(p).streamsProperties();
        streams.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
        streams.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        return streams;
    }

    static long awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("app not RUNNING after 120 s: " + streams.state());
            Thread.sleep(5);
        }
        return System.currentTimeMillis();
    }

    /** Time at which a read_committed consumer has seen {@code expected} records on the topic. */
    static long awaitCount(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) parts.add(new TopicPartition(topic, i));
            c.assign(parts);
            c.seekToBeginning(parts);
            long seen = 0;
            long deadline = System.currentTimeMillis() + 600_000;
            while (seen < expected) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException(topic + ": only " + seen + " of " + expected);
                for (ConsumerRecord<byte[], byte[]> ignored : c.poll(Duration.ofMillis(50))) seen++;
            }
            return System.currentTimeMillis();
        }
    }

    static long produce(String bootstrap, List<Article> articles) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Serde<Article> serde = serde();
        long began = System.currentTimeMillis();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer())) {
            for (Article a : articles) producer.send(new ProducerRecord<>(RAW, a.getId(), a));
            producer.flush();
        }
        return System.currentTimeMillis() - began;
    }

    static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde() {
        SpecificAvroSerde<T> s = new SpecificAvroSerde<>();
        s.configure(Map.of("schema.registry.url", REGISTRY, "auto.register.schemas", true), false);
        return s;
    }

    static void createTopics(String bootstrap, String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String n : names) topics.add(new NewTopic(n, Optional.of(PARTITIONS), Optional.empty()));
            admin.createTopics(topics).all().get();
        }
    }

    static long changelogBytes(String bootstrap, String appId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<Integer> brokers = new HashSet<>();
            admin.describeCluster().nodes().get().forEach(n -> brokers.add(n.id()));
            long total = 0;
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
                for (LogDirDescription d : dirs.values()) {
                    for (var e : d.replicaInfos().entrySet()) {
                        String t = e.getKey().topic();
                        if (t.startsWith(appId + "-") && t.endsWith("-changelog")) total += e.getValue().size();
                    }
                }
            }
            return total;
        }
    }

    static long directorySize(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static String mb(double bytes) {
        return String.format("%.1f MB", bytes / (1024 * 1024));
    }
}
