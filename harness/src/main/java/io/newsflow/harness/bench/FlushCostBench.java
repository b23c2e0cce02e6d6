package io.newsflow.harness.bench;

import io.newsflow.generator.WireItem;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicProvisioner;
import io.newsflow.stack.LocalKafkaBroker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code newsflow bench --flush-cost}: what surviving a power loss costs. Kafka acknowledges a write once it is in
 * the page cache of the in-sync replicas, not on disk; {@code flush.messages=1} makes the broker fsync every write
 * before acknowledging it. The same records are produced (acks=all, as the services do) to a topic with the default
 * and to one with fsync per message, on one broker in one run, and the rates compared.
 */
final class FlushCostBench {
    private final PrintStream out;
    private final Path work;
    private final int articles;

    FlushCostBench(PrintStream out, Path work, int articles) {
        this.out = out;
        this.work = work;
        this.articles = articles;
    }

    int run() {
        List<WireItem> items = BenchRecords.generate(articles, 42, "flush-");
        try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().workDir(work.resolve("kafka")).start()) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                TopicProvisioner p = TopicProvisioner.forCluster(admin, TopicContract.defaults());
                TopicContract c = p.contract();
                p.create(List.of(c.benchSpec("flush.warmup", false), c.benchSpec("flush.default", false),
                        withFsync(c, "flush.fsync"), c.benchSpec("flush.default.again", false), withFsync(c, "flush.fsync.again")));
            }
            RawProduceStage raw = new RawProduceStage(bootstrap);
            raw.warmUp("flush.warmup", items);
            // interleaved, so a drift of the machine during the run shows as a difference between the two passes
            Measurement d1 = raw.flat("flush.default", items);
            Measurement f1 = raw.flat("flush.fsync", items);
            Measurement d2 = raw.flat("flush.default.again", items);
            Measurement f2 = raw.flat("flush.fsync.again", items);
            double d = (d1.perSecond() + d2.perSecond()) / 2;
            double f = (f1.perSecond() + f2.perSecond()) / 2;
            out.printf("raw produce, acks=all, %,d records of %.1f KB: page cache (default) %,.0f/s and %,.0f/s; "
                            + "fsync per message (flush.messages=1) %,.0f/s and %,.0f/s%n", articles,
                    items.stream().mapToLong(i -> i.body().length).average().orElse(0) / 1024, d1.perSecond(),
                    d2.perSecond(), f1.perSecond(), f2.perSecond());
            out.printf("fsync per message runs at %.2f of the default's rate; p99 latency %.1f ms against %.1f ms%n",
                    f / d, Math.max(f1.p99Millis(), f2.p99Millis()), Math.max(d1.p99Millis(), d2.p99Millis()));
        }
        return 0;
    }

    private static io.newsflow.schemas.topics.TopicSpec withFsync(TopicContract c, String name) {
        io.newsflow.schemas.topics.TopicSpec s = c.benchSpec(name, false);
        Map<String, String> configs = new java.util.HashMap<>(s.configs());
        configs.put("flush.messages", "1");
        return new io.newsflow.schemas.topics.TopicSpec(s.name(), s.key(), s.value(), s.partitions(), s.replicationFactor(), configs);
    }
}
