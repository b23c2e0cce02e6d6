package io.newsflow.benchmarks.enrich;

import io.newsflow.benchmarks.support.StackSampler;
import io.newsflow.harness.bench.CpuSampler;
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
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Throughput of the enrich app against pass-through Kafka Streams apps, on one real local broker, over the
 * same input topic in the same run, plus the enrich state size per 100k articles.
 * <pre>
 *   java -cp ... io.newsflow.benchmarks.enrich.EnrichThroughputBench [articles=100000] [rounds=1]
 *       [-Dbench.warmup=2] [-Dbench.enrichOnly=true] [-Dbench.enrich.threads=N] [-Dbench.sample=true]
 * </pre>
 * Every app uses the same Streams settings (exactly_once_v2, commit 100 ms, producer batching) from
 * {@link EnrichConfig#streamsProperties()}. Output topics stamp records with the broker's append time, and a rate is
 * the records between the first and the last append (so group joins and start-up are not counted, for any app); a
 * read_committed consumer waits until it has seen every expected record. CPU per record (this JVM and the broker)
 * is reported per app as well: on a shared two-core machine it is the figure that survives other load.
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
            brokerPid = kafka.pid();
            System.out.printf("broker %s up in %d ms%n", bootstrap, kafka.startupTime().toMillis());
            // -Dbench.traffic=generator: the demo generator's wire items (few, large, fast-moving stories) parsed by
            // ingest's parsers, instead of a synthetic wire day (many small stories over 24 hours)
            WireDay.Traffic traffic = "generator".equals(System.getProperty("bench.traffic"))
                    ? GeneratorTraffic.generate(articles, 42) : WireDay.generate(articles, 42);
            createTopics(bootstrap, RAW);
            long produceMs = produce(bootstrap, traffic.articles());
            System.out.printf("input: %d articles (%d expected through the version gate) produced in %d ms%n",
                    articles, traffic.expectedPasses(), produceMs);
            // -Dbench.warmup=N: rounds run first and left out of the summary: a service runs for days, so the figures
            // are for a JIT-compiled JVM and broker (the first round of a cold JVM is 2-3x slower)
            int warmUps = Integer.getInteger("bench.warmup", 2);
            // -Dbench.enrichOnly=true: skip the reference apps (for profiling the enrich app alone)
            boolean enrichOnly = Boolean.getBoolean("bench.enrichOnly");
            List<String> lines = new ArrayList<>();
            List<double[]> measured = new ArrayList<>();
            for (int round = 1; round <= warmUps + rounds; round++) {
                boolean warmUp = round <= warmUps;
                double bytes = enrichOnly ? Double.NaN : passThroughBytes(bootstrap, work, round, articles);
                double avro = enrichOnly ? Double.NaN : passThroughAvro(bootstrap, work, round, articles);
                double twoHop = enrichOnly ? Double.NaN : twoHopAvro(bootstrap, work, round, articles);
                EnrichRun enrich = enrich(bootstrap, work, round, articles, traffic.expectedPasses());
                String line = String.format("%s %d: pass-through bytes %.0f rec/s, pass-through avro %.0f rec/s,"
                                + " two hops via one partition %.0f rec/s, enrich %.0f rec/s; enrich/avro %.2f,"
                                + " two-hop/avro %.2f, enrich/two-hop %.2f; state %s local (RocksDB), %s changelogs per 100k articles",
                        warmUp ? "warm-up" : "round", round, bytes, avro, twoHop, enrich.recordsPerSecond,
                        enrich.recordsPerSecond / avro, twoHop / avro, enrich.recordsPerSecond / twoHop,
                        mb(enrich.localStateBytes * 100_000.0 / articles), mb(enrich.changelogBytes * 100_000.0 / articles));
                System.out.println(line);
                if (!warmUp) {
                    lines.add(line);
                    measured.add(new double[] {bytes, avro, twoHop, enrich.recordsPerSecond});
                }
            }
            System.out.println("== summary (" + articles + " articles, " + PARTITIONS + " partitions, " + warmUps
                    + " warm-up rounds left out) ==");
            lines.forEach(System.out::println);
            double avro = median(measured, 1);
            double twoHop = median(measured, 2);
            double enrich = median(measured, 3);
            System.out.printf("median of %d rounds: pass-through bytes %.0f, avro %.0f, two hops %.0f, enrich %.0f rec/s;"
                            + " enrich/avro %.2f, two-hop/avro %.2f%n", measured.size(), median(measured, 0), avro, twoHop,
                    enrich, enrich / avro, twoHop / avro);
        }
    }

    static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    record EnrichRun(double recordsPerSecond, long localStateBytes, long changelogBytes) {}

    /** Output seen by a read_committed consumer: count and the broker append times of the first and last record. */
    record Seen(long count, long firstAppendMs, long lastAppendMs) {
        double rate() {
            return (count - 1) * 1000.0 / Math.max(1, lastAppendMs - firstAppendMs);
        }
    }

    static volatile long brokerPid = -1;

    /** CPU used by this JVM and by the broker between two points (the bench command's readers). */
    record Cpu(long appNanos, long brokerNanos) {
        static Cpu now() {
            // NaN (unknown) counts as 0
            return new Cpu((long) CpuSampler.ownCpuNanos(), (long) CpuSampler.processCpuNanos(brokerPid));
        }

        Cpu since(Cpu start) {
            return new Cpu(appNanos - start.appNanos, brokerNanos - start.brokerNanos);
        }

        String perRecord(long records) {
            return String.format("cpu per record: app %.0f us, broker %.0f us", appNanos / 1e3 / records, brokerNanos / 1e3 / records);
        }
    }

    static double passThroughBytes(String bootstrap, Path work, int round, int expected) throws Exception {
        return referenceApp(bootstrap, work, "pass-bytes", "pass-through bytes", round, expected, (b, out) ->
                b.stream(RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray())));
    }

    static double passThroughAvro(String bootstrap, Path work, int round, int expected) throws Exception {
        Serde<Article> serde = serde();
        return referenceApp(bootstrap, work, "pass-avro", "pass-through avro", round, expected, (b, out) ->
                b.stream(RAW, Consumed.with(Serdes.String(), serde)).to(out, Produced.with(Serdes.String(), serde)));
    }

    /**
     * The structure enrich needs, with no work in it: every article through one partition in the middle (where
     * stories from all input partitions meet) and back out keyed by article id. The ceiling of any design that
     * clusters articles from all partitions in one place.
     */
    static double twoHopAvro(String bootstrap, Path work, int round, int expected) throws Exception {
        Serde<Article> serde = serde();
        return referenceApp(bootstrap, work, "two-hop", "two hops via one partition", round, expected, (b, out) ->
                b.stream(RAW, Consumed.with(Serdes.String(), serde))
                        .selectKey((id, article) -> "newsroom")
                        .repartition(Repartitioned.<String, Article>as("middle").withKeySerde(Serdes.String()).withValueSerde(serde)
                                .withNumberOfPartitions(1))
                        .selectKey((k, article) -> article.getId())
                        .to(out, Produced.with(Serdes.String(), serde)));
    }

    /** A reference Streams app over the input topic, with its own app id and output topic, timed like enrich. */
    static double referenceApp(String bootstrap, Path work, String app, String label, int round, int expected,
                               java.util.function.BiConsumer<StreamsBuilder, String> topology) throws Exception {
        String appId = "bench-" + app + "-" + round;
        String out = appId + "-out";
        createTopics(bootstrap, out);
        StreamsBuilder b = new StreamsBuilder();
        topology.accept(b, out);
        return timeStreams(() -> new KafkaStreams(b.build(), props(bootstrap, work, appId)), bootstrap, out, expected, label);
    }

    static EnrichRun enrich(String bootstrap, Path work, int round, int articles, int expected) throws Exception {
        String appId = "bench-enrich-" + round;
        Path stateDir = work.resolve("state-" + appId);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("schema.registry.url", REGISTRY);
        p.put("application.id", appId);
        p.put("enrich.state.dir", stateDir.toString());
        p.put("topics.name.raw", RAW);
        p.put("topics.name.enriched", appId + "-enriched");
        p.put("topics.name.trending", appId + "-trending");
        p.put("enrich.engagement.enabled", "false");
        p.put("enrich.http.port", String.valueOf(Ports.freePort()));
        // one instance here: a standby would have nowhere to go
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0");
        // -Dbench.enrich.threads=N: another thread count for the enrich app than the service's default
        if (System.getProperty("bench.enrich.threads") != null) {
            p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, System.getProperty("bench.enrich.threads"));
        }
        EnrichConfig config = EnrichConfig.fromProperties(p);
        createTopics(bootstrap, config.enrichedTopic(), config.trendingTopic());
        double rate;
        Cpu cpu0 = Cpu.now();
        osThreadsBefore = io.newsflow.harness.bench.ThreadCpu.snapshot();
        try (EnrichService service = EnrichService.start(config, new StandardCountryTagging())) {
            Seen seen;
            // -Dbench.sample=true: where the stream threads spend their time while enrich runs
            try (var sampler = Boolean.getBoolean("bench.sample") ? new StackSampler(System.getProperty("bench.sample.threads", ".*StreamThread-\\d+"), 7) : null) {
                seen = awaitCount(bootstrap, config.enrichedTopic(), expected);
            }
            Cpu cpu = Cpu.now().since(cpu0);
            // the input is articles, the output the ones the version gate lets through: rate in input articles
            rate = seen.rate() * articles / expected;
            printThreadMetrics(service.streams());
            System.out.printf("enrich: %d in -> %d out in %d ms of appends = %.0f rec/s; %s; stories: %.0f new, %.0f joins (generated: %d stories)%n",
                    articles, expected, seen.lastAppendMs() - seen.firstAppendMs(), rate, cpu.perRecord(articles),
                    count("new"), count("joined"), WireDay.lastStoryCount);
        }
        return new EnrichRun(rate, directorySize(stateDir), changelogBytes(bootstrap, appId));
    }

    /** Where the stream threads spent their time: poll, process, commit, punctuate (ratios of wall time). */
    static Map<String, Double> osThreadsBefore = Map.of();

    static void printThreadMetrics(KafkaStreams streams) {
        Set<String> wanted = Set.of("poll-ratio", "process-ratio", "commit-ratio", "punctuate-ratio", "blocked-time-ns-total",
                "commit-latency-avg", "poll-latency-avg", "poll-records-avg", "process-records-avg", "process-latency-avg");
        streams.metadataForLocalThreads().forEach(t -> System.out.printf("  %s tasks %s%n",
                shortName(t.threadName()), t.activeTasks().stream().map(x -> x.taskId().toString()).sorted().toList()));
        // the busiest threads of this JVM (stream threads, their producers, GC, JIT, RocksDB), since it started
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Double> cpuByThread = new java.util.TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) cpuByThread.merge(shortName(info.getThreadName()).replaceAll("\\d+$", "#"),
                    threads.getThreadCpuTime(info.getThreadId()) / 1e9, Double::sum);
        }
        cpuByThread.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("  cpu %-40s %.1f s%n", e.getKey(), e.getValue()));
        // native threads too (GC, JIT compilers, RocksDB flush and compaction), by their OS names, during this run
        Map<String, Double> now = io.newsflow.harness.bench.ThreadCpu.snapshot();
        now.replaceAll((name, seconds) -> seconds - osThreadsBefore.getOrDefault(name, 0.0));
        now.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("  os-thread %-30s %.1f s%n", e.getKey(), e.getValue()));
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
        Cpu cpu0 = Cpu.now();
        try (KafkaStreams streams = app.get()) {
            streams.start();
            Seen seen = awaitCount(bootstrap, out, expected);
            Cpu cpu = Cpu.now().since(cpu0);
            double rate = seen.rate();
            System.out.printf("%s: %d records in %d ms of appends = %.0f rec/s; %s%n", name, expected,
                    seen.lastAppendMs() - seen.firstAppendMs(), rate, cpu.perRecord(expected));
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

    /** Waits until a read_committed consumer has seen {@code expected} records on the topic. */
    static Seen awaitCount(String bootstrap, String topic, int expected) {
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
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long deadline = System.currentTimeMillis() + 600_000;
            while (seen < expected) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException(topic + ": only " + seen + " of " + expected);
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(50))) {
                    seen++;
                    first = Math.min(first, r.timestamp());
                    last = Math.max(last, r.timestamp());
                }
            }
            return new Seen(seen, first, last);
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
            // the broker stamps each record as it appends it: rates are measured by the broker's clock
            for (String n : names) {
                topics.add(new NewTopic(n, Optional.of(PARTITIONS), Optional.empty())
                        .configs(n.equals(RAW) ? Map.of() : Map.of("message.timestamp.type", "LogAppendTime")));
            }
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
