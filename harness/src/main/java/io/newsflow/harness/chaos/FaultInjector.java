package io.newsflow.harness.chaos;

import io.newsflow.harness.ServiceJvm;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out one fault on the stack and brings the part back as an orchestrator would. */
final class FaultInjector {
    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

    /** A fault done: its kind, what it hit, when it started (nanoTime) and when the part was back. */
    record Event(String kind, String target, long startNanos, long backNanos) {}

    private final ChaosStack stack;
    private final Random random;
    private int brokerFaults;

    FaultInjector(ChaosStack stack, long seed) {
        this.stack = stack;
        this.random = new Random(seed);
    }

    Event inject(String kind) throws Exception {
        long start = System.nanoTime();
        String target;
        switch (kind) {
            case "kill-enrich", "kill-publish", "kill-ingest" -> {
                ServiceJvm s = pick(kind.substring(5));
                target = s.name();
                stack.heldDown.add(target);
                s.kill();
                ChaosStack.sleep(1000); // an orchestrator notices and starts it again
                s.start();
                stack.heldDown.remove(target);
            }
            case "restart-enrich", "restart-publish" -> {
                ServiceJvm s = pick(kind.substring(8));
                target = s.name();
                stack.heldDown.add(target);
                s.stop();
                s.start();
                stack.heldDown.remove(target);
            }
            case "pause-enrich", "pause-publish" -> {
                ServiceJvm s = pick(kind.substring(6));
                target = s.name();
                s.freeze();
                ChaosStack.sleep(ChaosStack.PAUSE_MS);
                s.thaw(); // it must find itself fenced and write nothing
            }
            case "kill-broker", "restart-broker" -> {
                int node = brokerToHit();
                target = "broker-" + node;
                if (kind.startsWith("kill")) stack.kafka.kill(node);
                else stack.kafka.stop(node);
                ChaosStack.sleep(3000);
                stack.kafka.start(node);
            }
            case "kill-registry" -> {
                target = "registry";
                stack.killRegistry();
                ChaosStack.sleep(5000);
                stack.startRegistryAgain();
            }
            default -> throw new IllegalArgumentException("unknown fault " + kind);
        }
        long back = System.nanoTime();
        log.info("fault {} on {} done in {} ms", kind, target, (back - start) / 1_000_000);
        return new Event(kind, target, start, back);
    }

    private ServiceJvm pick(String service) {
        List<ServiceJvm> candidates = stack.services.values().stream().filter(s -> s.name().startsWith(service)).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    /**
     * Alternately the leader of the newsroom partition (every article passes it) and the transaction coordinator
     * of a publisher; a node of the cluster at random when neither can be told.
     */
    private int brokerToHit() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            if (brokerFaults++ % 2 == 0) {
                String newsroom = ChaosStack.ENRICH_APP + "-newsroom-repartition";
                TopicDescription d = admin.describeTopics(List.of(newsroom)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(newsroom);
                if (d != null && d.partitions().get(0).leader() != null) return d.partitions().get(0).leader().id();
            } else {
                String txn = "newsflow-publish-" + random.nextInt(2);
                return admin.describeTransactions(List.of(txn)).description(txn).get(10, TimeUnit.SECONDS).coordinatorId();
            }
        } catch (Exception e) {
            log.info("cannot tell which broker leads ({}); hitting one at random", e.toString());
        }
        List<Integer> ids = stack.kafka.nodes().stream().map(n -> n.id()).toList();
        return ids.get(random.nextInt(ids.size()));
    }
}
