package io.newsflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft cluster of several nodes on this machine, each a {@link LocalKafkaBroker} process that is broker and
 * controller at once, with production replication: every topic (the internal {@code __consumer_offsets} and
 * {@code __transaction_state} too) on three replicas, two in sync to accept a write. Nodes can be killed, stopped
 * and started again one by one, on their own data directory and ports, as a fault-injection run needs.
 */
public final class LocalKafkaCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalKafkaCluster.class);

    /** One node: its id, ports and directory, and the broker process while it runs. */
    public static final class Node {
        final int id;
        final int clientPort;
        final int controllerPort;
        final Path dir;
        volatile LocalKafkaBroker broker;

        Node(int id, int clientPort, int controllerPort, Path dir) {
            this.id = id;
            this.clientPort = clientPort;
            this.controllerPort = controllerPort;
            this.dir = dir;
        }

        public int id() {
            return id;
        }

        public boolean isRunning() {
            LocalKafkaBroker b = broker;
            return b != null && b.isRunning();
        }

        public String address() {
            return Ports.LOOPBACK + ":" + clientPort;
        }
    }

    private final List<Node> nodes;
    private final String clusterId;
    private final String voters;
    private final String maxHeap;

    private LocalKafkaCluster(List<Node> nodes, String clusterId, String maxHeap) {
        this.nodes = nodes;
        this.clusterId = clusterId;
        this.maxHeap = maxHeap;
        this.voters = nodes.stream().map(n -> n.id + "@" + Ports.LOOPBACK + ":" + n.controllerPort)
                .collect(Collectors.joining(","));
    }

    /** Starts {@code size} nodes (3 or more for replication 3) under {@code workDir}/node-N, all at once. */
    public static LocalKafkaCluster start(Path workDir, int size, String maxHeap) {
        if (size < 3) throw new IllegalArgumentException("a cluster with replication 3 needs 3 nodes or more, got " + size);
        List<Node> nodes = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            int client = freePortNotIn(taken);
            int controller = freePortNotIn(taken);
            nodes.add(new Node(i, client, controller, workDir.toAbsolutePath().resolve("node-" + i)));
        }
        LocalKafkaCluster cluster = new LocalKafkaCluster(nodes, Uuid.randomUuid().toString(), maxHeap);
        long began = System.nanoTime();
        // a node becomes ready only once a quorum of controllers runs: all of them start together
        List<CompletableFuture<Void>> starting = nodes.stream()
                .map(n -> CompletableFuture.runAsync(() -> cluster.start(n.id))).toList();
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("the Kafka cluster did not start: " + e.getMessage(), e);
        }
        log.info("Kafka cluster of {} nodes ready at {} in {} ms", size, cluster.bootstrapServers(),
                (System.nanoTime() - began) / 1_000_000);
        return cluster;
    }

    private static int freePortNotIn(List<Integer> taken) {
        int p;
        do {
            p = Ports.freePort();
        } while (taken.contains(p));
        taken.add(p);
        return p;
    }

    /** Every node's address, for bootstrap.servers. */
    public String bootstrapServers() {
        return nodes.stream().map(Node::address).collect(Collectors.joining(","));
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public Node node(int id) {
        return nodes.stream().filter(n -> n.id == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " in this cluster"));
    }

    /** Starts node {@code id} on its directory and ports; returns once it serves requests. */
    public void start(int id) {
        Node n = node(id);
        if (n.isRunning()) return;
        LocalKafkaBroker.Builder b = LocalKafkaBroker.builder().workDir(n.dir).port(n.clientPort)
                .controllerPort(n.controllerPort).clusterId(clusterId).maxHeap(maxHeap)
                .property("node.id", Integer.toString(n.id))
                .property("controller.quorum.voters", voters)
                // production replication, internal topics included
                .property("default.replication.factor", "3")
                .property("min.insync.replicas", "2")
                .property("offsets.topic.replication.factor", "3")
                .property("transaction.state.log.replication.factor", "3")
                .property("transaction.state.log.min.isr", "2")
                .property("share.coordinator.state.topic.replication.factor", "3")
                .property("share.coordinator.state.topic.min.isr", "2")
                // a node that dies loses its leaderships 3 s after its last heartbeat instead of 9: until then its
                // partitions take no writes. A newly elected controller gives every broker this long again, so a
                // dead node that was also the active controller costs the quorum's election (~3 s) plus this.
                // Lower fences a node that stalls (a GC pause, a starved box) for 3 s; heartbeats every 750 ms
                .property("broker.session.timeout.ms", "3000")
                .property("broker.heartbeat.interval.ms", "750")
                // a replica that lags is dropped from the ISR after 10 s instead of 30, so writes go on sooner
                .property("replica.lag.time.max.ms", "10000")
                .property("num.io.threads", "2")
                .property("num.network.threads", "2")
                .property("num.replica.fetchers", "1");
        n.broker = b.start();
    }

    /** kill -9 of node {@code id}: no controlled shutdown, no flush. */
    public void kill(int id) {
        Node n = node(id);
        LocalKafkaBroker b = n.broker;
        if (b != null) b.kill();
        n.broker = null;
    }

    /** A controlled shutdown of node {@code id} (SIGTERM). */
    public void stop(int id) {
        Node n = node(id);
        LocalKafkaBroker b = n.broker;
        if (b != null) b.close();
        n.broker = null;
    }

    @Override
    public void close() {
        nodes.parallelStream().forEach(n -> {
            LocalKafkaBroker b = n.broker;
            if (b != null) b.close();
        });
    }
}
