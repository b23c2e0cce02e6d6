package io.newsflow.cli.demo;

import io.newsflow.cli.BadInputException;
import io.newsflow.stack.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow demo}: the whole pipeline on this machine. Starts a real Kafka broker and schema registry (in
 * parallel), creates the contract topics, prints where everything listens, and stops it all in reverse order on
 * Ctrl-C or after {@code --duration}. Services join as further {@link DemoComponent}s in {@link #components()}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the pipeline on this machine: Kafka, schema registry, topics (services join as they land).")
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

    @Option(names = "--fresh", description = "Delete the data directory first: no topics, records or schemas kept.")
    boolean fresh;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        DemoOptions options = options();
        String portsTaken = portsTaken(options);
        if (portsTaken != null) {
            System.err.println("newsflow demo: " + portsTaken);
            return 1;
        }
        if (fresh) {
            deleteRecursively(options.dataDir());
        }
        DemoContext context = new DemoContext(options);
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
            out.println("newsflow demo: starting Kafka and the schema registry (data in " + options.dataDir() + ")");
            try {
                lifecycle.start(components(), context);
            } catch (Exception e) {
                if (stopRequested.getCount() == 0) {
                    return 130; // Ctrl-C while starting
                }
                System.err.println("newsflow demo: " + e.getMessage());
                return 1;
            }
            out.printf("newsflow demo ready in %.1f s%n", (System.nanoTime() - began) / 1e9);
            lifecycle.started().forEach(component -> component.describe().forEach(line -> out.println("  " + line)));
            out.println(options.rate() == 0 ? "  Generator        off (--rate 0)"
                    : "  Generator        --rate " + options.rate() + " noted; the traffic generator joins in a later version");
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
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and has just been released
            }
        }
    }

    /** The demo in start order; stopped in reverse. Services and the generator are added here as they land. */
    static List<DemoComponent> components() {
        return List.of(
                new ParallelComponents("kafka+schema-registry", new KafkaComponent(), new RegistryComponent()),
                new TopicsComponent());
    }

    DemoOptions options() {
        if (durationSeconds != null && durationSeconds <= 0) {
            throw new BadInputException("demo: --duration must be a positive number of seconds, got " + durationSeconds);
        }
        if (rate < 0) {
            throw new BadInputException("demo: --rate must be 0 or more articles per second, got " + rate);
        }
        requirePort("--kafka-port", kafkaPort);
        requirePort("--registry-port", registryPort);
        if (kafkaPort == registryPort) {
            throw new BadInputException("demo: --kafka-port and --registry-port must differ, both are " + kafkaPort);
        }
        Path dir = dataDir != null ? dataDir : defaultDataDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("demo: --data-dir " + dir + " is a file, not a directory");
        }
        return new DemoOptions(Optional.ofNullable(durationSeconds).map(Duration::ofSeconds), rate,
                dir.toAbsolutePath().normalize(), kafkaPort, registryPort);
    }

    /** Checked before anything starts, with the option that moves the demo elsewhere; null when both are free. */
    private static String portsTaken(DemoOptions options) {
        if (!Ports.isFree(options.kafkaPort())) {
            return "port " + Ports.LOOPBACK + ":" + options.kafkaPort() + " for Kafka is in use (an earlier demo still "
                    + "running?); stop it or pass --kafka-port";
        }
        if (!Ports.isFree(options.registryPort())) {
            return "port " + Ports.LOOPBACK + ":" + options.registryPort() + " for the schema registry is in use (an "
                    + "earlier demo still running?); stop it or pass --registry-port";
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
