package io.newsflow.harness.bench;

import io.newsflow.harness.Launcher;
import io.newsflow.generator.WireItem;
import io.newsflow.stack.ChildProcess;
import io.newsflow.stack.LocalKafkaBroker;
import io.newsflow.stack.LocalSchemaRegistry;
import io.newsflow.stack.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import io.newsflow.harness.watch.OutputWatch;
import io.newsflow.harness.wire.IngestPoster;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code newsflow bench --restarts}: the services as deployments run them, each its own JVM started with
 * {@code newsflow <service> --config FILE}, on a local broker and registry; each service in turn is stopped cleanly
 * (SIGTERM) and started again, then killed (SIGKILL) and started again, and right after each start a new article is
 * pushed. Reported per restart: seconds from the start command until the article is committed on news.articles.json
 * (read_committed, as downstream consumers read it) and until the front page shows it.
 */
final class RestartBench {
    private static final List<String> SERVICES = List.of("ingest", "enrich", "publish", "frontpage");
    private static final Duration GIVE_UP = Duration.ofSeconds(120);
    private static final String FEED_KEY = "restart-bench";

    private final Launcher launcher;
    private final PrintStream out;
    private final Path work;
    private final IngestPoster poster = new IngestPoster(Duration.ofSeconds(2));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, io.newsflow.harness.ServiceJvm> running = new LinkedHashMap<>();
    private int probe;

    RestartBench(Launcher launcher, PrintStream out, Path work) {
        this.launcher = launcher;
        this.out = out;
        this.work = work;
    }

    int run() throws Exception {
        out.println("newsflow bench --restarts: each service its own JVM; clean stop (SIGTERM) and kill -9, then a new "
                + "article at once");
        try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().workDir(work.resolve("kafka")).start();
             LocalSchemaRegistry registry = LocalSchemaRegistry.builder().workDir(work.resolve("registry")).start()) {
            String bootstrap = kafka.bootstrapServers();
            Launcher.createTopics(bootstrap);
            for (String s : SERVICES) ports.put(s, Ports.freePort());
            for (String s : SERVICES) {
                io.newsflow.harness.ServiceJvm child = io.newsflow.harness.ServiceJvm.of(launcher, s, s, settings(s, bootstrap, registry.url()),
                        work, List.of("-Xmx256m", "-XX:+UseSerialGC"));
                running.put(s, child);
                child.start();
            }
            try (OutputWatch clock = new OutputWatch(bootstrap, false)) {
                // the first article through a freshly started pipeline: from the start of every JVM
                long began = System.nanoTime();
                Result first = probe(clock, began);
                out.printf("all four started together: article committed %s after the start, on the front page %s%n",
                        seconds(first.committedNanos), seconds(first.frontNanos));
                List<String> rows = new ArrayList<>();
                for (String s : SERVICES) {
                    for (boolean kill : new boolean[] {false, true}) {
                        io.newsflow.harness.ServiceJvm child = running.get(s);
                        if (kill) child.kill();
                        else child.stop();
                        long start = System.nanoTime();
                        child.start();
                        Result r = probe(clock, start);
                        String row = String.format("%-9s after %-10s committed %7s after its start, front page %7s",
                                s, kill ? "kill -9" : "clean stop", seconds(r.committedNanos), seconds(r.frontNanos));
                        rows.add(row);
                        out.println(row);
                    }
                }
                // what the services made of the cluster, started one by one as docker-compose starts them
                out.print("topics check after the services' restarts: ");
                out.flush();
                List<String> drift = Launcher.checkTopics(bootstrap);
                out.println(drift.isEmpty() ? "no drift" : String.join("; ", drift));
                if (!drift.isEmpty()) throw new IllegalStateException("topics check found drift");
            } finally {
                running.values().forEach(io.newsflow.harness.ServiceJvm::stop);
                running.clear();
            }
        }
        demo();
        out.println("(logs of every JVM: " + work + ")");
        return 0;
    }

    /**
     * {@code newsflow demo --data-dir DIR} in its own JVM: started, stopped with SIGTERM (what Ctrl-C does) and
     * started again on its data directory, then killed with SIGKILL and started again; each time timed from the
     * command to a newly pushed article on news.articles.json and on the front page.
     */
    private void demo() throws Exception {
        Map<String, Integer> p = new LinkedHashMap<>();
        for (String option : List.of("--kafka-port", "--registry-port", "--ingest-port", "--enrich-port",
                "--publish-port", "--frontpage-port")) {
            p.put(option, Ports.freePort());
        }
        List<String> args = new ArrayList<>(List.of("demo", "--data-dir", work.resolve("demo").toString(), "--rate", "5"));
        p.forEach((option, port) -> {
            args.add(option);
            args.add(Integer.toString(port));
        });
        String bootstrap = "127.0.0.1:" + p.get("--kafka-port");
        int[] starts = {0};
        List<String> jvm = new ArrayList<>(List.of("-Xmx768m"));
        for (String property : List.of("newsflow.home", "newsflow.registry.dir")) {
            // where the demo finds the schema registry's jar, as this JVM found it
            if (System.getProperty(property) != null) jvm.add("-D" + property + "=" + System.getProperty(property));
        }
        java.util.function.Supplier<ChildProcess> startDemo = () -> ChildProcess.startJava("demo", jvm, System.getProperty("java.class.path"), launcher.mainClass(), args, Map.of(), work,
                work.resolve("demo-" + (++starts[0]) + ".log"));
        long began = System.nanoTime();
        ChildProcess demo = startDemo.get();
        try {
            until(() -> post(BenchRecords.generate(1, 7, "warm-").get(0), p.get("--ingest-port"), "demo"), began,
                    "the demo's ingest", List.of(demo));
            try (OutputWatch clock = new OutputWatch(bootstrap, false)) {
                Result first = probe(clock, began, p.get("--ingest-port"), p.get("--frontpage-port"), "demo", List.of(demo));
                out.printf("demo      first start     committed %7s after the command, front page %7s%n",
                        seconds(first.committedNanos), seconds(first.frontNanos));
                for (boolean kill : new boolean[] {false, true}) {
                    if (kill) demo.kill();
                    else demo.close();
                    long start = System.nanoTime();
                    demo = startDemo.get();
                    Result r = probe(clock, start, p.get("--ingest-port"), p.get("--frontpage-port"), "demo", List.of(demo));
                    out.printf("demo      after %-10s committed %7s after the command, front page %7s%n",
                            kill ? "kill -9" : "Ctrl-C", seconds(r.committedNanos), seconds(r.frontNanos));
                }
            }
        } finally {
            demo.close();
        }
    }

    private record Result(long committedNanos, long frontNanos) {}

    /** Pushes a new article (retrying until ingest takes it) and times it from {@code start} to output and page. */
    private Result probe(OutputWatch clock, long start) throws Exception {
        return probe(clock, start, ports.get("ingest"), ports.get("frontpage"), FEED_KEY);
    }

    private Result probe(OutputWatch clock, long start, int ingestPort, int frontPort, String feedKey) throws Exception {
        return probe(clock, start, ingestPort, frontPort, feedKey, List.of());
    }

    private Result probe(OutputWatch clock, long start, int ingestPort, int frontPort, String feedKey,
                         List<ChildProcess> watched) throws Exception {
        String prefix = "restart" + (++probe) + "-";
        List<WireItem> items = BenchRecords.generate(3, 1000L + probe, prefix);
        until(() -> items.stream().allMatch(i -> post(i, ingestPort, feedKey)), start, "ingest to accept " + prefix, watched);
        until(() -> clock.firstSeenOfIdContaining(prefix) != null, start, "news.articles.json to carry " + prefix, watched);
        long committed = clock.firstSeenOfIdContaining(prefix) - start;
        until(() -> frontPageShows(prefix, frontPort), start, "the front page to show " + prefix, watched);
        long front = System.nanoTime() - start;
        return new Result(committed, front);
    }

    private boolean post(WireItem item, int ingestPort, String feedKey) {
        try {
            return poster.send(IngestPoster.articles(ingestPort), item, feedKey, Duration.ofSeconds(5))
                    .map(r -> r.statusCode() / 100 == 2).orElse(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean frontPageShows(String prefix, int frontPort) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + frontPort + "/api/front")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains(prefix);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void until(BooleanSupplier condition, long start, String what, List<ChildProcess> watched)
            throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                throw new IllegalStateException("gave up after " + GIVE_UP.toSeconds() + " s waiting for " + what
                        + "; logs in " + work);
            }
            for (ChildProcess c : watched) {
                if (!c.isAlive()) {
                    throw new IllegalStateException("a JVM exited; log " + c.logFile());
                }
            }
            for (io.newsflow.harness.ServiceJvm c : running.values()) {
                if (!c.isAlive()) {
                    throw new IllegalStateException(c.name() + " exited; log " + c.log());
                }
            }
            Thread.sleep(20);
        }
    }

    private Properties settings(String service, String bootstrap, String registryUrl) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrap);
        p.setProperty("schema.registry.url", registryUrl);
        switch (service) {
            case "ingest" -> {
                p.setProperty("ingest.http.port", Integer.toString(ports.get("ingest")));
                p.setProperty("ingest.feed.bench.key", FEED_KEY);
            }
            case "enrich" -> {
                p.setProperty("enrich.http.port", Integer.toString(ports.get("enrich")));
                p.setProperty("enrich.state.dir", work.resolve("enrich-state").toString());
                p.setProperty("enrich.instance.id", "enrich-0");
            }
            case "publish" -> {
                p.setProperty("publish.health.port", Integer.toString(ports.get("publish")));
                p.setProperty("publish.instance.id", "0");
            }
            case "frontpage" -> {
                p.setProperty("frontpage.http.port", Integer.toString(ports.get("frontpage")));
            }
            default -> throw new IllegalArgumentException(service);
        }
        return p;
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
