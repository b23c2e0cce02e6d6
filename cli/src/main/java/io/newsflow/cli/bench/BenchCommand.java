package io.newsflow.cli.bench;

import io.newsflow.cli.BadInputException;
import io.newsflow.cli.generator.WireItem;
import io.newsflow.publish.route.ArticleRouter;
import io.newsflow.schemas.Topics;
import io.newsflow.stack.LocalKafkaBroker;
import io.newsflow.stack.LocalSchemaRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code newsflow bench [--articles N] [--rate R] [--rate-articles M]}: on a local broker and registry it starts
 * itself, measures raw Kafka produce, a pass-through exactly-once Streams hop and the whole pipeline on the same
 * records, flat out (throughput) and at a fixed rate (latency), and prints the pipeline as ratios to both.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput and latency of raw Kafka, a pass-through Streams hop and the whole pipeline, "
                + "in one run on a local broker and registry.")
public final class BenchCommand implements Callable<Integer> {
    static final double GOAL_RATIO_TO_HOP = 0.33;
    static final double GOAL_P99_MS = 300;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "20000",
            description = "Articles per throughput stage (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "1000",
            description = "Articles per second of the fixed-rate latency run (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--rate-articles", paramLabel = "M", defaultValue = "15000",
            description = "Articles in each fixed-rate run (default ${DEFAULT-VALUE}).")
    int rateArticles;

    @Option(names = "--entry", defaultValue = "http",
            description = "How items enter the pipeline: http (POST to the ingest service, the whole pipeline) or raw "
                    + "(ingest's parsers in the bench onto news.articles.raw: enrich + publish only). Default ${DEFAULT-VALUE}.")
    String entry;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (articles < 100 || rateArticles < 100) {
            throw new BadInputException("bench: --articles and --rate-articles must be at least 100");
        }
        if (!entry.equals("http") && !entry.equals("raw")) {
            throw new BadInputException("bench: --entry must be http or raw, got '" + entry + "'");
        }
        if (rate <= 0) {
            throw new BadInputException("bench: --rate must be above 0");
        }
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("newsflow-bench");
        List<WireItem> items = BenchRecords.generate(articles, seed, "flat-");
        List<WireItem> paced = BenchRecords.generate(rateArticles, seed + 1, "paced-");
        long bytes = items.stream().mapToLong(i -> i.body().length).sum();
        out.printf("newsflow bench: %,d articles (%.1f KB average, ninjs/RSS/NewsML), fixed rate %,.0f/s for %,d;"
                        + " %d cores%n", articles, bytes / 1024.0 / articles, rate, rateArticles,
                Runtime.getRuntime().availableProcessors());
        out.println("starting a local Kafka broker and schema registry...");
        try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().workDir(work.resolve("kafka")).port(0).start();
             LocalSchemaRegistry registry = LocalSchemaRegistry.builder().workDir(work.resolve("registry")).start()) {
            String bootstrap = kafka.bootstrapServers();
            createTopics(bootstrap);
            Report report = new Report();

            RawProduceStage raw = new RawProduceStage(bootstrap);
            report.flat.add(raw.flat("bench.raw", items));
            report.paced.add(raw.paced("bench.raw.rate", paced, rate));
            out.println("raw produce done");

            PassThroughStage hop = new PassThroughStage(bootstrap, work.resolve("streams"));
            report.flat.add(measureHop(hop, bootstrap, items.size()));
            report.paced.add(measureHopAtRate(hop, raw, bootstrap, paced, rate));
            out.println("pass-through hop done");

            try (PipelineServices pipeline = PipelineServices.start(bootstrap, registry.url(), work.resolve("state"),
                    entry.equals("http"))) {
                report.pipelineNote = pipeline.hops() + ", entry: ";
                warmUp(pipeline, bootstrap, BenchRecords.generate(WARM_UP_ARTICLES, seed + 2, "warmup-"), out);
                report.flat.add(measurePipeline(pipeline, bootstrap, items, null, "flat-"));
                report.paced.add(measurePipeline(pipeline, bootstrap, paced, new Pacer(rate), "paced-"));
                report.pipelineNote += pipeline.entry().describe();
            }
            report.flat.add(PublishReplayStage.measure(bootstrap, registry.url()));
            report.print(out, rate);
        } finally {
            deleteQuietly(work);
        }
        return 0;
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            // same partition count as the pipeline's topics
            for (String t : List.of("bench.raw", "bench.hop", "bench.raw.rate", "bench.hop.rate")) {
                topics.add(new NewTopic(t, 6, (short) 1));
            }
            admin.createTopics(topics).all().get();
            // a new partition answers NotLeaderOrFollower for a moment: wait until every one has its leader
            List<String> names = topics.stream().map(NewTopic::name).toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream()).anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000);
        }
    }

    /** The hop reads the records raw produce left in bench.raw: throughput from start to the last output record. */
    private static Measurement measureHop(PassThroughStage hop, String bootstrap, int expected) {
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, "bench.hop", TopicWatcher::recordTimestamp)) {
            try (KafkaStreams streams = hop.start("bench-hop", "bench.raw", "bench.hop")) {
                // from RUNNING to the last output record: the app's start-up is not throughput, its first commit is
                long running = System.nanoTime();
                watcher.awaitCount(expected, Duration.ofMinutes(5), Duration.ofSeconds(30));
                double seconds = watcher.count() > 0 ? (watcher.lastAt() - running) / 1e9 : Double.NaN;
                // latency here is backlog drain time, not meaningful: the fixed-rate run measures it
                return new Measurement("pass-through hop", watcher.count(), expected, seconds,
                        Measurement.newHistogram());
            }
        }
    }

    private static Measurement measureHopAtRate(PassThroughStage hop, RawProduceStage raw, String bootstrap,
                                                List<WireItem> items, double rate) {
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, "bench.hop.rate", TopicWatcher::recordTimestamp);
             KafkaStreams streams = hop.start("bench-hop-rate", "bench.raw.rate", "bench.hop.rate")) {
            // bench.raw.rate already holds the paced records: read them once to warm up, then send new ones
            watcher.awaitCount(items.size(), Duration.ofMinutes(3), Duration.ofSeconds(20));
            Thread feeder = new Thread(() -> raw.paced("bench.raw.rate", items, rate));
            TopicWatcher timed = new TopicWatcher(bootstrap, "bench.hop.rate", TopicWatcher::recordTimestamp);
            try (timed) {
                long start = System.nanoTime();
                feeder.start();
                timed.awaitCount(items.size(), Duration.ofMinutes(5), Duration.ofSeconds(30));
                joinQuietly(feeder);
                long end = timed.count() > 0 ? timed.lastAt() : System.nanoTime();
                return new Measurement("pass-through hop", timed.count(), items.size(), (end - start) / 1e9,
                        timed.latency());
            }
        }
    }

    /**
     * Items in at the entry, finished articles (and dead letters) out on news.articles / news.deadletter.
     * Latency: from received_at (HTTP accept) to the news.articles record reaching a read_committed consumer.
     */
    private static Measurement measurePipeline(PipelineServices pipeline, String bootstrap, List<WireItem> items,
                                               Pacer pacer, String idPrefix) {
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, List.of(Topics.ARTICLES, Topics.DEADLETTER),
                TopicWatcher.header(ArticleRouter.RECEIVED_AT_HEADER)).onlyKeysContaining(idPrefix)) {
            PipelineEntry entry = pipeline.entry();
            long acceptedBefore = entry.accepted();
            long start = System.nanoTime();
            Thread feeder = new Thread(() -> {
                for (WireItem item : items) {
                    if (pacer != null) {
                        pacer.awaitNext();
                    }
                    entry.submit(item);
                }
                entry.drain();
            }, "bench-feeder");
            feeder.start();
            watcher.awaitCount(items.size(), Duration.ofMinutes(10), Duration.ofSeconds(30));
            joinQuietly(feeder);
            long accepted = entry.accepted() - acceptedBefore;
            long end = watcher.count() > 0 ? watcher.lastAt() : System.nanoTime();
            return new Measurement("pipeline", watcher.count(), accepted, (end - start) / 1e9, watcher.latency());
        }
    }

    static final int WARM_UP_ARTICLES = 200;

    /**
     * One item at a time first, then the rest: schemas get registered once, country topics created, consumers
     * assigned, JIT warm. Start-up is not what the figures are about; the report says the warm-up happened.
     */
    private static void warmUp(PipelineServices pipeline, String bootstrap, List<WireItem> items, PrintStream out) {
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, List.of(Topics.ARTICLES, Topics.DEADLETTER),
                TopicWatcher.header(ArticleRouter.RECEIVED_AT_HEADER)).onlyKeysContaining("warmup-")) {
            PipelineEntry entry = pipeline.entry();
            entry.submit(items.get(0));
            entry.drain();
            watcher.awaitCount(1, Duration.ofMinutes(3));
            for (WireItem item : items.subList(1, items.size())) {
                entry.submit(item);
            }
            entry.drain();
            watcher.awaitCount(items.size(), Duration.ofMinutes(3), Duration.ofSeconds(20));
            out.printf("pipeline warmed up with %d articles (%d came out)%n", items.size(), watcher.count());
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: the OS cleans it up eventually
        }
    }

    /** Everything measured, printed as one table per mode with ratios to raw and to the hop. */
    static final class Report {
        final List<Measurement> flat = new ArrayList<>();
        final List<Measurement> paced = new ArrayList<>();
        String pipelineNote = "";

        void print(PrintStream out, double rate) {
            out.println();
            out.println("throughput (flat out):");
            out.printf("  %-18s %9s %9s %12s %8s %8s%n", "stage", "records", "seconds", "articles/s", "vs raw",
                    "vs hop");
            double rawRate = flat.get(0).perSecond();
            double hopRate = flat.get(1).perSecond();
            for (Measurement m : flat) {
                out.printf("  %-18s %9d %9.2f %12.0f %8.2f %8.2f%s%n", m.name(), m.records(), m.seconds(),
                        m.perSecond(), m.perSecond() / rawRate, m.perSecond() / hopRate,
                        m.complete() ? "" : "  (only " + m.records() + " of " + m.expected() + " arrived)");
            }
            out.printf("%nlatency at %.0f articles/s (ms):%n", rate);
            out.printf("  %-18s %9s %8s %8s %8s %8s %10s%n", "stage", "records", "p50", "p90", "p99", "max",
                    "p99 vs raw");
            double rawP99 = paced.get(0).p99Millis();
            for (Measurement m : paced) {
                out.printf("  %-18s %9d %8.1f %8.1f %8.1f %8.1f %10.1f%s%n", m.name(), m.records(), m.p50Millis(),
                        m.percentileMillis(90), m.p99Millis(), m.maxMillis(), m.p99Millis() / rawP99,
                        m.complete() ? "" : "  (only " + m.records() + " of " + m.expected() + " arrived)");
            }
            out.println();
            out.println("  raw = send to ack (acks=all); hop = producer timestamp to read_committed consumer;");
            out.println("  pipeline = received_at (accepted) to read_committed consumer of news.articles");
            out.println("  pipeline: " + pipelineNote);
            out.println("  publish alone = a second publisher replaying news.articles.enriched (the pipeline's last hop)");
            Measurement pipeFlat = flat.get(2);
            Measurement pipePaced = paced.get(2);
            double ratio = pipeFlat.perSecond() / hopRate;
            out.printf("goal: pipeline >= %.2f x hop throughput: %s (%.2f)%n", GOAL_RATIO_TO_HOP,
                    ratio >= GOAL_RATIO_TO_HOP ? "met" : "NOT met", ratio);
            out.printf("goal: pipeline p99 <= %.0f ms at %.0f/s: %s (p50 %.1f ms, p99 %.1f ms)%n", GOAL_P99_MS, rate,
                    pipePaced.p99Millis() <= GOAL_P99_MS ? "met" : "NOT met", pipePaced.p50Millis(),
                    pipePaced.p99Millis());
        }
    }
}
