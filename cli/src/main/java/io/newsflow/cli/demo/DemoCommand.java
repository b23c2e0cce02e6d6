package io.newsflow.cli.demo;

import io.newsflow.schemas.config.BadInputException;
import io.newsflow.stack.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow demo}: the whole pipeline on this machine. Starts a real Kafka broker and schema registry (in
 * parallel), creates the contract topics, starts the services, the front page and the traffic generator, prints
 * where everything listens and live progress, and stops it all in reverse order on Ctrl-C or after
 * {@code --duration}. Each part is a {@link DemoComponent} in {@link #components(DemoOptions, PrintStream)}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the whole pipeline on this machine: Kafka, schema registry, ingest, enrich, publish, "
                + "the front page and a generator of wire traffic; prints where everything listens and live progress.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds once ready (default: until Ctrl-C).")
    Long durationSeconds;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20",
            description = "Articles per second from the traffic generator; 0 runs none (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Broker data, registry database and logs (default: <project>/.newsflow/demo).")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Schema registry port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--ingest-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Ingest HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int ingestPort;

    @Option(names = "--enrich-port", paramLabel = "PORT", defaultValue = "8090",
            description = "Enrich interactive-query HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int enrichPort;

    @Option(names = "--publish-port", paramLabel = "PORT", defaultValue = "8083",
            description = "Publish health HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int publishPort;

    @Option(names = "--frontpage-port", paramLabel = "PORT", defaultValue = "8088",
            description = "Front page HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int frontPagePort;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Service keys (ingest.*, enrich.*, publish.*) for the services the demo runs, e.g. a real feed "
                    + "to poll: ingest.pull.NAME.url=https://.../rss")
    Path config;

    @Option(names = "--fresh", description = "Delete the data directory first: no topics, records or schemas kept.")
    boolean fresh;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        DemoOptions options = options();
        java.util.Properties userSettings = config == null ? null : serviceSettings(config); // bad input before anything starts
        // after a kill -9 of an earlier demo on this directory its broker and registry are still shutting down
        io.newsflow.stack.ChildProcess.awaitPreviousExit(options.dataDir().resolve("kafka").resolve(
                io.newsflow.stack.LocalKafkaBroker.PID_FILE), "Kafka broker", Duration.ofSeconds(60));
        io.newsflow.stack.ChildProcess.awaitPreviousExit(options.dataDir().resolve("registry").resolve(
                io.newsflow.stack.LocalSchemaRegistry.PID_FILE), "schema registry", Duration.ofSeconds(60));
        String portsTaken = portsTaken(options);
        if (portsTaken != null) {
            System.err.println("newsflow demo: " + portsTaken);
            return 1;
        }
        if (fresh) {
            deleteRecursively(options.dataDir());
        }
        DemoLogs logs = DemoLogs.install(options.dataDir(), System.err);
        DemoContext context = new DemoContext(options);
        if (userSettings != null) {
            context.serviceSettings(userSettings);
        }
        DemoLifecycle lifecycle = new DemoLifecycle();
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            // the main thread stops everything in reverse order; the JVM exits once it is done
            stopRequested.countDown();
            awaitQuietly(stopped, Duration.ofSeconds(90));
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);

        long began = System.nanoTime();
        try {
            out.println("newsflow demo: starting Kafka, the schema registry and the services (data in " + options.dataDir() + ")");
            try {
                lifecycle.start(components(options, out), context);
            } catch (Exception e) {
                if (stopRequested.getCount() == 0) {
                    return 130; // Ctrl-C while starting
                }
                System.err.println("newsflow demo: " + e.getMessage());
                return 1;
            }
            out.printf("newsflow demo ready in %.1f s%n", (System.nanoTime() - began) / 1e9);
            lifecycle.started().forEach(component -> component.describe().forEach(line -> out.println("  " + line)));
            if (logs != null) {
                logs.describe(options.dataDir()).forEach(line -> out.println("  " + line));
            }
            if (options.rate() == 0) {
                out.println("  Generator        off (--rate 0)");
            }
            if (options.duration().isPresent()) {
                out.println("Running for " + options.duration().get().toSeconds() + " s (Ctrl-C stops earlier).");
                stopRequested.await(options.duration().get().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                out.println("Press Ctrl-C to stop.");
                stopRequested.await();
            }
            long stopping = System.nanoTime();
            lifecycle.close();
            out.printf("newsflow demo stopped cleanly in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
            out.flush();
            return 0;
        } finally {
            lifecycle.close();
            if (logs != null) {
                logs.close();
            }
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and has just been released
            }
        }
    }

    /** The demo in start order; stopped in reverse, so the generator stops first and the broker last. */
    static List<DemoComponent> components(DemoOptions options, PrintStream out) {
        // what needs nothing from the others starts together: on a restart every second counts until the next article
        // is on the front page. The services need only the broker, the registry and the topics, not each other.
        List<DemoComponent> components = new ArrayList<>(List.of(
                new ParallelComponents("kafka+schema-registry", new KafkaComponent(), new RegistryComponent(),
                        new PulledFeedsComponent()),
                new TopicsComponent(),
                new ParallelComponents("services", new EnrichComponent(), new PublishComponent(), new IngestComponent(),
                        new FrontPageComponent())));
        if (options.rate() > 0) {
            components.add(new GeneratorComponent());
        }
        components.add(new StatusComponent(out, StatusComponent.onTerminal()));
        return components;
    }

    /** The --config file's keys; only service keys, each checked to name a service the demo runs. */
    static java.util.Properties serviceSettings(Path file) {
        return io.newsflow.schemas.config.ServiceConfigFile.serviceKeys("demo", file, java.util.List.of("ingest.", "enrich.", "publish."));
    }

    DemoOptions options() {
        if (durationSeconds != null && durationSeconds <= 0) {
            throw new BadInputException("demo: --duration must be a positive number of seconds, got " + durationSeconds);
        }
        if (rate < 0) {
            throw new BadInputException("demo: --rate must be 0 or more articles per second, got " + rate);
        }
        Path dir = dataDir != null ? dataDir : defaultDataDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("demo: --data-dir " + dir + " is a file, not a directory");
        }
        DemoOptions options = new DemoOptions(Optional.ofNullable(durationSeconds).map(Duration::ofSeconds), rate,
                dir.toAbsolutePath().normalize(), kafkaPort, registryPort, ingestPort, enrichPort, publishPort, frontPagePort);
        Map<Integer, String> seen = new HashMap<>();
        options.ports().forEach((option, port) -> {
            requirePort(option, port);
            String other = seen.putIfAbsent(port, option);
            if (other != null) {
                throw new BadInputException("demo: " + other + " and " + option + " must differ, both are " + port);
            }
        });
        return options;
    }

    /** Checked before anything starts, with the option that moves the demo elsewhere; null when all are free. */
    private static String portsTaken(DemoOptions options) {
        for (var port : options.ports().entrySet()) {
            if (!Ports.isFree(port.getValue())) {
                return "port " + Ports.LOOPBACK + ":" + port.getValue() + " is in use (an earlier demo still running?); "
                        + "stop it or pass " + port.getKey();
            }
        }
        return null;
    }

    private static void requirePort(String option, int port) {
        if (port < 1 || port > 65535) {
            throw new BadInputException("demo: " + option + " must be a port number 1-65535, got " + port);
        }
    }

    private static Path defaultDataDir() {
        String home = System.getProperty("newsflow.home");
        return (home != null ? Path.of(home) : Path.of("")).resolve(".newsflow").resolve("demo");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
