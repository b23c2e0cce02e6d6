package io.newsflow.harness.chaos;

import io.newsflow.harness.Launcher;
import io.newsflow.harness.ServiceJvm;
import io.newsflow.stack.LocalKafkaCluster;
import io.newsflow.stack.LocalSchemaRegistry;
import io.newsflow.stack.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production shape on one machine: a three-node KRaft cluster (replication 3, min.insync.replicas 2, internal
 * topics too), the schema registry, two ingest, two enrich and two publish instances, each service its own JVM
 * started as a deployment starts it. A supervisor restarts a service that exits, as an orchestrator would.
 */
final class ChaosStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChaosStack.class);
    static final String ENRICH_APP = "newsflow-enrich";
    /** Past max.poll.interval.ms, the session timeout and the transaction timeouts set below. */
    static final long PAUSE_MS = 25_000;

    private final Launcher launcher;
    final Path dir;
    final LocalKafkaCluster kafka;
    private volatile LocalSchemaRegistry registry;
    private final int registryPort;
    /** Each ingest instance's HTTP port. */
    final List<Integer> ingestPorts;
    final Map<String, ServiceJvm> services = new LinkedHashMap<>();
    /** Services a fault holds down on purpose; the supervisor leaves them alone. */
    final Set<String> heldDown = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> crashRestarts = new ConcurrentHashMap<>();
    private final Thread supervisor;
    private volatile boolean closing;

    ChaosStack(Launcher launcher, Path dir, Map<String, String> feedKeys) throws Exception {
        this.launcher = launcher;
        this.dir = dir;
        Files.createDirectories(dir);
        kafka = LocalKafkaCluster.start(dir.resolve("kafka"), 3, "400m");
        registryPort = Ports.freePort();
        registry = startRegistry();
        Launcher.createTopics(kafka.bootstrapServers());
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        // ingest holds no state: two instances behind the agencies' balancer, as a deployment runs it, so one that dies
        // costs a retry on the other instead of its restart
        List<Integer> ports = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            int port = Ports.freePort();
            ports.add(port);
            Properties ingest = common();
            ingest.setProperty("ingest.http.port", Integer.toString(port));
            feedKeys.forEach((feed, key) -> ingest.setProperty("ingest.feed." + feed + ".key", key));
            services.put("ingest-" + i, ServiceJvm.of(launcher, "ingest-" + i, "ingest", ingest, dir, jvm));
        }
        ingestPorts = List.copyOf(ports);
        for (int i = 1; i <= 2; i++) {
            Properties e = common();
            e.setProperty("application.id", ENRICH_APP);
            e.setProperty("enrich.instance.id", "enrich-" + i);
            e.setProperty("enrich.state.dir", dir.resolve("enrich-" + i + "-state").toString());
            e.setProperty("enrich.http.port", Integer.toString(Ports.freePort()));
            // a frozen instance is out of the group (6 s) and its transaction aborted (8.1 s) well within the pause
            e.setProperty("consumer.max.poll.interval.ms", "20000");
            services.put("enrich-" + i, ServiceJvm.of(launcher, "enrich-" + i, "enrich", e, dir, jvm));
        }
        for (int i = 0; i < 2; i++) {
            Properties p = common();
            p.setProperty("publish.instance.id", Integer.toString(i));
            p.setProperty("publish.health.port", Integer.toString(Ports.freePort()));
            p.setProperty("consumer.max.poll.interval.ms", "20000");
            p.setProperty("producer.transaction.timeout.ms", "15000");
            services.put("publish-" + i, ServiceJvm.of(launcher, "publish-" + i, "publish", p, dir, jvm));
        }
        services.values().parallelStream().forEach(ServiceJvm::start);
        supervisor = new Thread(this::supervise, "chaos-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private Properties common() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka.bootstrapServers());
        p.setProperty("schema.registry.url", registry.url());
        return p;
    }

    private LocalSchemaRegistry startRegistry() {
        // persistent: a registry that comes back keeps every schema id records on the topics carry
        return LocalSchemaRegistry.builder().workDir(dir.resolve("registry")).port(registryPort).persistent(true).start();
    }

    String bootstrap() {
        return kafka.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    void killRegistry() {
        registry.kill();
    }

    void startRegistryAgain() {
        registry = startRegistry();
    }

    Map<String, Integer> crashRestarts() {
        return Map.copyOf(crashRestarts);
    }

    /** An orchestrator's restart policy: a service that exited on its own is started again after a second. */
    private void supervise() {
        while (!closing) {
            for (ServiceJvm s : services.values()) {
                if (!closing && !heldDown.contains(s.name()) && !s.isAlive()) {
                    log.warn("{} exited on its own (log {}); restarting it", s.name(), s.log());
                    crashRestarts.merge(s.name(), 1, Integer::sum);
                    sleep(1000);
                    if (!closing && !heldDown.contains(s.name()) && !s.isAlive()) s.start();
                }
            }
            sleep(500);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing = true;
        services.values().parallelStream().forEach(ServiceJvm::stop);
        if (registry != null) registry.close();
        kafka.close();
    }
}
