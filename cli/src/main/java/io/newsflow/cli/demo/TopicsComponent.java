package io.newsflow.cli.demo;

import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicProvisioner;
import io.newsflow.schemas.topics.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Creates the contract's topics that are missing; topics kept from an earlier run stay as they are. */
final class TopicsComponent implements DemoComponent {
    private final List<String> summary = new ArrayList<>();

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public void start(DemoContext context) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                context.kafkaBootstrapServers()))) {
            TopicProvisioner provisioner = TopicProvisioner.forCluster(admin, TopicContract.defaults());
            Map<String, String> outcome = provisioner.createAll();
            for (TopicSpec spec : provisioner.contract().all()) {
                String what = "created".equals(outcome.get(spec.name())) ? "created" : "kept from an earlier run";
                summary.add(spec.name() + " (" + spec.partitions() + (spec.partitions() == 1 ? " partition, " : " partitions, ") + what + ")");
            }
        }
    }

    @Override
    public List<String> describe() {
        return List.of(String.format("%-16s %s", "Topics", String.join(", ", summary)));
    }

    @Override
    public void close() {
        // topics are data: they stay for the next run
    }
}
