package io.newsflow.harness.bench;

import io.newsflow.harness.Launcher;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import io.newsflow.schemas.config.BadInputException;
import io.newsflow.harness.appends.LogAppends;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.generator.WireItem;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.publish.route.ArticleRouter;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicProvisioner;
import io.newsflow.schemas.topics.TopicSpec;
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
 * Streams-side throughput is timed on the broker's append times (LogAppendTime output topics), raw produce and the
 * hop get a warm-up pass first, and every flat stage shows the CPU this JVM and the broker spent per article.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput and latency of raw Kafka, a pass-through Streams hop and the whole pipeline, "
                + "in one run on a local broker and registry.")
public final class BenchCommand implements Callable<Integer> {
    /** The command line this command runs under: its services start with the same one. */
    @Spec
    CommandSpec spec;

    static final double GOAL_RATIO_TO_HOP = 0.33;
    static final double GOAL_P99_MS = 300;
    static final double GOAL_APPENDS_FLAT = 7;

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

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "3000",
            description = "Articles sent through the whole pipeline before it is measured (default ${DEFAULT-VALUE}).")
    int warmUpArticles;

    @Option(names = "--http-batch-ms", paramLabel = "MS", defaultValue = "100",
            description = "With --entry http: items waiting are POSTed every MS milliseconds as one body per format"
                    + " (a ninjs array, a NewsML-G2 newsMessage, one agency's RSS channel), as feeds push them;"
                    + " 0 sends one item per request. Latency counts from ingest accepting the request. Default ${DEFAULT-VALUE}.")
    long httpBatchMs;

    @Option(names = "--commit-ms", paramLabel = "N",
            description = "Kafka Streams commit.interval.ms of the pass-through hop and enrich's"
                    + " enrich.commit.interval.ms (default: their own: 100 ms, and enrich's 1000 ms quiet, 100 ms busy). Output is visible at each commit: lower ="
                    + " less latency, higher = fewer transactions. The publisher keeps its defaults"
                    + " (publish.commit.interval.ms, publish.commit.max.records).")
    Integer commitMs;

    @Option(names = "--config", paramLabel = "FILE",
            description = "ingest.*, enrich.* and publish.* settings for the pipeline's services (e.g."
                    + " publish.commit.interval.ms), as in their own --config files.")
    Path config;

    @Option(names = "--restarts",
            description = "Instead: restart times. Each service its own JVM, stopped cleanly and killed in turn; prints"
                    + " how long after each start a new article is committed downstream and on the front page.")
    boolean restarts;

    @Option(names = "--flush-cost",
            description = "Instead: raw produce with the broker's default (page cache) against fsync per message"
                    + " (flush.messages=1), same records, one run.")
    boolean flushCost;

    @Override
    public Integer call() throws Exception {
        if (flushCost) {
            return new FlushCostBench(System.out, Files.createTempDirectory("newsflow-flush"), articles).run();
        }
        if (restarts) {
            return new RestartBench(Launcher.of(spec), System.out, Files.createTempDirectory("newsflow-restarts")).run();
        }
        if (articles < 100 || rateArticles < 100) {
            throw new BadInputException("bench: --articles and --rate-articles must be at least 100");
        }
        if (!entry.equals("http") && !entry.equals("raw")) {
            throw new BadInputException("bench: --entry must be http or raw, got '" + entry + "'");
        }
        if (rate <= 0) {
            throw new BadInputException("bench: --rate must be above 0");
        }
        if (warmUpArticles < 1) {
            throw new BadInputException("bench: --warm-up must be at least 1, got " + warmUpArticles);
        }
        if (httpBatchMs < 0) {
            throw new BadInputException("bench: --http-batch-ms must be 0 or more, got " + httpBatchMs);
        }
        if (commitMs != null && commitMs < 0) {
            throw new BadInputException("bench: --commit-ms must be 0 or more, got " + commitMs);
        }
        java.util.Properties serviceKeys = config == null ? new java.util.Properties()
                : io.newsflow.schemas.config.ServiceConfigFile.serviceKeys("bench", config, List.of("ingest.", "enrich.", "publish."));
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
            report.commitNote = commitNote(commitMs, serviceKeys);
            try (CpuSampler cpu = new CpuSampler(kafka.pid(), registry.pid(), 20)) {
                RawProduceStage raw = new RawProduceStage(bootstrap);
                report.warmUps.add(withCpu(cpu, raw.warmUp("bench.raw.warmup", items)));
                report.flat.add(withCpu(cpu, raw.flat("bench.raw", items)));
                report.paced.add(raw.paced("bench.raw.rate", paced, rate));
                out.println("raw produce done");

                // the hop twice on the same input, as two apps with their own output: the first pays for class
                // loading and JIT (the pipeline gets its own warm-up below), the second is the figure
                PassThroughStage hop = new PassThroughStage(bootstrap, work.resolve("streams"), commitMs);
                report.warmUps.add(withCpu(cpu, measureHop(hop, bootstrap, "bench-hop-warmup", "bench.hop.warmup",
                        "hop warm-up", items.size())));
                report.flat.add(withCpu(cpu, measureHop(hop, bootstrap, "bench-hop", "bench.hop",
                        "pass-through hop", items.size())));
                report.paced.add(measureHopAtRate(hop, raw, bootstrap, paced, rate));
                out.println("pass-through hop done");

                try (PipelineServices pipeline = PipelineServices.start(bootstrap, registry.url(),
                        work.resolve("state"), entry.equals("http"), commitMs, httpBatchMs, serviceKeys)) {
                    report.pipelineNote = pipeline.hops() + ", entry: ";
                    warmUp(pipeline, bootstrap, BenchRecords.generate(warmUpArticles, seed + 2, "warmup-"), out);
                    report.warmUpArticles = warmUpArticles;
                    Map<String, Double> threadsBefore = ThreadCpu.snapshot();
                    AppendsWindow appends = new AppendsWindow(bootstrap);
                    PipelineRun flat = measurePipeline(pipeline, bootstrap, items, null, "flat-");
                    report.appendsFlat = appends.close();
                    ThreadCpu.printSince(threadsBefore, "  pipeline flat run: CPU by thread of this JVM", 14, out);
                    report.flat.add(withCpu(cpu, flat.fromFirstSent()));
                    report.pipelineOnBroker = withCpu(cpu, flat.onBrokerClock());
                    appends = new AppendsWindow(bootstrap);
                    report.paced.add(measurePipeline(pipeline, bootstrap, paced, new Pacer(rate), "paced-")
                            .fromFirstSent());
                    report.appendsPaced = appends.close();
                    report.pipelineNote += pipeline.entry().describe();
                }
                report.flat.add(withCpu(cpu, PublishReplayStage.measure(bootstrap, registry.url())));
            }
            report.print(out, rate);
        } finally {
            deleteQuietly(work);
        }
        return 0;
    }

    /** Output topics the bench times on the broker's clock: each record carries the time the broker appended it. */
    static final List<String> BROKER_CLOCK_TOPICS = List.of("bench.hop.warmup", "bench.hop", "bench.hop.rate",
            Topics.ARTICLES, PublishReplayStage.ARTICLES, PublishReplayStage.DEADLETTER);

    /** The bench's own topics, through the topic contract like every other user of topics. */
    private static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioner provisioner = TopicProvisioner.forCluster(admin, TopicContract.defaults());
            List<TopicSpec> specs = new ArrayList<>();
            for (String t : List.of("bench.raw.warmup", "bench.raw", "bench.raw.rate")) {
                specs.add(provisioner.contract().benchSpec(t, false));
            }
            // news.articles too: the publisher creates it only when missing, so it keeps this setting
            for (String t : BROKER_CLOCK_TOPICS) {
                specs.add(provisioner.contract().benchSpec(t, true));
            }
            provisioner.create(specs);
        }
    }

    /** A broker-clock topic of the contract on a one-broker cluster, for tests that create it themselves. */
    static NewTopic brokerClockTopic(String name) {
        TopicSpec s = TopicContract.defaults().resolvedFor(1).benchSpec(name, true);
        return new NewTopic(s.name(), s.partitions(), s.replicationFactor()).configs(s.configs());
    }

    private static String commitNote(Integer commitMs, java.util.Properties serviceKeys) {
        String hopMs = commitMs != null ? commitMs + " ms (--commit-ms)" : "100 ms";
        String enrichMs = commitMs != null ? commitMs + " ms (--commit-ms)"
                : serviceKeys.getProperty("enrich.commit.interval.ms", EnrichConfig.DEFAULT_COMMIT_INTERVAL_MS + "") + " ms";
        return "the hop commits every " + hopMs + ", enrich every " + enrichMs + ", every "
                + serviceKeys.getProperty("enrich.commit.busy.interval.ms", EnrichConfig.DEFAULT_COMMIT_BUSY_INTERVAL_MS + "")
                + " ms once a thread has taken "
                + serviceKeys.getProperty("enrich.commit.max.records", EnrichConfig.DEFAULT_COMMIT_MAX_RECORDS + "")
                + " records; publish after "
                + serviceKeys.getProperty("publish.commit.interval.ms", PublisherConfig.DEFAULT_COMMIT_INTERVAL_MS + "")
                + " ms or " + serviceKeys.getProperty("publish.commit.max.records", PublisherConfig.DEFAULT_COMMIT_MAX_RECORDS + "")
                + " records";
    }

    /** The CPU the processes used over the window the measurement's rate was taken on. */
    private static Measurement withCpu(CpuSampler cpu, Measurement m) {
        return m.hasWindow() ? m.withCpu(cpu.between(m.fromMillis(), m.toMillis())) : m;
    }

    /**
     * The hop reads the records raw produce left in bench.raw. Throughput on the broker's clock: first to last
     * append on the output topic, so neither start-up nor when Streams reports RUNNING matters.
     */
    private static Measurement measureHop(PassThroughStage hop, String bootstrap, String applicationId,
                                          String outTopic, String name, int expected) {
        // latency here is backlog drain time, not meaningful: the fixed-rate run measures it
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, outTopic, r -> -1);
             KafkaStreams streams = hop.start(applicationId, "bench.raw", outTopic)) {
            watcher.awaitCount(expected, Duration.ofMinutes(5), Duration.ofSeconds(30));
            return watcher.brokerClock(name, expected);
        }
    }

    /** The send time raw produce puts in a header; Streams forwards headers, so it reaches the hop's output. */
    private static final java.util.function.ToLongFunction<org.apache.kafka.clients.consumer.ConsumerRecord<byte[],
            byte[]>> SENT_AT = TopicWatcher.header(RawProduceStage.SENT_AT_HEADER);

    private static Measurement measureHopAtRate(PassThroughStage hop, RawProduceStage raw, String bootstrap,
                                                List<WireItem> items, double rate) {
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, "bench.hop.rate", SENT_AT);
             KafkaStreams streams = hop.start("bench-hop-rate", "bench.raw.rate", "bench.hop.rate")) {
            // bench.raw.rate already holds the paced records: read them once to warm up, then send new ones
            watcher.awaitCount(items.size(), Duration.ofMinutes(3), Duration.ofSeconds(20));
            Thread feeder = new Thread(() -> raw.paced("bench.raw.rate", items, rate));
            TopicWatcher timed = new TopicWatcher(bootstrap, "bench.hop.rate", SENT_AT);
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

    /** A pipeline run timed two ways: from the first item sent (ingest included), and on news.articles' clock. */
    record PipelineRun(Measurement fromFirstSent, Measurement onBrokerClock) {}

    /**
     * Items in at the entry, finished articles (and dead letters) out on news.articles / news.deadletter.
     * Throughput: first item sent to the last article read. Latency: from received_at (HTTP accept) to the
     * news.articles record reaching a read_committed consumer.
     */
    private static PipelineRun measurePipeline(PipelineServices pipeline, String bootstrap, List<WireItem> items,
                                               Pacer pacer, String idPrefix) {
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, List.of(Topics.ARTICLES, Topics.DEADLETTER),
                TopicWatcher.header(ArticleRouter.RECEIVED_AT_HEADER)).onlyKeysContaining(idPrefix)) {
            PipelineEntry entry = pipeline.entry();
            long acceptedBefore = entry.accepted();
            long startMillis = System.currentTimeMillis();
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
            Measurement fromFirstSent = Measurement.wallClock("pipeline", watcher.count(), accepted, start, end,
                    startMillis, startMillis + (end - start) / 1_000_000, watcher.latency());
            // news.articles only (the dead letters' topic belongs to several services and keeps producer time);
            // whether everything arrived is the first figure's business
            return new PipelineRun(fromFirstSent, watcher.brokerClock("pipeline", watcher.appended()));
        }
    }


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
        /** raw produce, pass-through hop, pipeline, publish alone: in this order. */
        final List<Measurement> flat = new ArrayList<>();
        final List<Measurement> paced = new ArrayList<>();
        /** First passes that only warm the JVM up: shown, never used for ratios. */
        final List<Measurement> warmUps = new ArrayList<>();
        /** The flat pipeline run timed on news.articles' append times; null when not measured. */
        Measurement pipelineOnBroker;
        String pipelineNote = "";
        String commitNote = "";
        int warmUpArticles;
        /** What the cluster appended over the pipeline's flat and fixed-rate runs; null when not measured. */
        LogAppends.Result appendsFlat;
        LogAppends.Result appendsPaced;

        private static final String ROW = "  %-22s %9d %9.2f %12.0f %8s %8s %28s %9s %6s%s%n";

        void print(PrintStream out, double rate) {
            out.println();
            out.println("throughput (flat out):");
            out.printf("  %-22s %9s %9s %12s %8s %8s %28s %9s %6s%n", "stage", "records", "seconds", "articles/s",
                    "vs raw", "vs hop", "cpu us/article (app+broker)", "registry", "cores");
            double rawRate = flat.get(0).perSecond();
            double hopRate = flat.get(1).perSecond();
            List<Measurement> rows = new ArrayList<>(flat);
            if (pipelineOnBroker != null) {
                rows.add(Math.min(3, rows.size()), renamed(pipelineOnBroker, "pipeline, broker clock"));
            }
            for (Measurement m : rows) {
                row(out, m, ratio(m.perSecond() / rawRate), ratio(m.perSecond() / hopRate));
            }
            if (!warmUps.isEmpty()) {
                out.println("  warm-up passes (not in the ratios):");
                for (Measurement m : warmUps) {
                    row(out, m, "-", "-");
                }
            }
            out.println();
            out.println("  raw produce = first send to last acknowledgement (acks=all), on this JVM's clock");
            out.println("  hop, publish alone, pipeline broker clock = (records - 1) / (last - first broker append time)"
                    + " of the output topic (LogAppendTime), read_committed: start-up before the first output"
                    + " record is not counted");
            out.println("  pipeline = first item sent to the last article read from news.articles (ingest and the"
                    + " fill-up included); the goal below uses it");
            out.println("  cpu = CPU time over the same window per article: this JVM (the bench's clients, Streams"
                    + " apps and services) + the broker; registry apart; cores = CPU time / window");
            out.println("  warm-up: raw produce and the hop run once before the measured pass, the pipeline gets "
                    + warmUpArticles + " articles (the JIT compiles the services' code while they run: a cold JVM is"
                    + " several times slower)");
            if (!commitNote.isEmpty()) {
                out.println("  " + commitNote);
            }
            if (appendsFlat != null) {
                out.println();
                out.println("log appends, pipeline flat run (every topic, internal ones included: growth of the log end"
                        + " offsets; per article = per data record on news.articles.raw):");
                java.io.PrintWriter w = new java.io.PrintWriter(out, true);
                LogAppends.print(appendsFlat, Duration.ofMillis(Math.round(flat.get(2).seconds() * 1000)), w);
                out.println("  fixed-rate run: " + LogAppends.summary(appendsPaced));
            }
            out.printf("%nlatency at %.0f articles/s (ms):%n", rate);
            out.printf("  %-22s %9s %8s %8s %8s %8s %10s%n", "stage", "records", "p50", "p90", "p99", "max",
                    "p99 vs raw");
            double rawP99 = paced.get(0).p99Millis();
            for (Measurement m : paced) {
                out.printf("  %-22s %9d %8.1f %8.1f %8.1f %8.1f %10.1f%s%n", m.name(), m.records(), m.p50Millis(),
                        m.percentileMillis(90), m.p99Millis(), m.maxMillis(), m.p99Millis() / rawP99,
                        m.complete() ? "" : "  (only " + m.records() + " of " + m.expected() + " arrived)");
            }
            out.println();
            out.println("  raw = send to ack (acks=all); hop = send time (a header the hop forwards) to read_committed"
                    + " consumer;");
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
            if (appendsFlat != null) {
                double perArticle = appendsFlat.perArticle();
                out.printf("goal: log appends per article flat out <= %.0f: %s (%.2f)%n", GOAL_APPENDS_FLAT,
                        perArticle <= GOAL_APPENDS_FLAT ? "met" : "NOT met", perArticle);
            }
        }

        private static void row(PrintStream out, Measurement m, String vsRaw, String vsHop) {
            out.printf(ROW, m.name(), m.records(), m.seconds(), m.perSecond(), vsRaw, vsHop, cpu(m),
                    m.cpu() == null || Double.isNaN(m.registryCpuMicrosPerArticle()) ? "n/a"
                            : String.format("%.1f", m.registryCpuMicrosPerArticle()),
                    Double.isNaN(m.coresBusy()) ? "n/a" : String.format("%.2f", m.coresBusy()),
                    m.complete() ? "" : "  (only " + m.records() + " of " + m.expected() + " arrived)");
        }

        /** "app+broker" microseconds per article. */
        static String cpu(Measurement m) {
            if (m.cpu() == null) {
                return "n/a";
            }
            double broker = m.brokerCpuMicrosPerArticle();
            return String.format("%.0f+%s", m.appCpuMicrosPerArticle(),
                    Double.isNaN(broker) ? "n/a" : String.format("%.0f", broker));
        }

        private static String ratio(double r) {
            return String.format("%.2f", r);
        }

        private static Measurement renamed(Measurement m, String name) {
            return new Measurement(name, m.records(), m.expected(), m.seconds(), m.perSecond(), m.fromMillis(),
                    m.toMillis(), m.latencyMicros(), m.cpu());
        }
    }
}
