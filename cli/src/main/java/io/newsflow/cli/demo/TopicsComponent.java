package io.newsflow.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the contract topics that are missing; topics kept from an earlier run stay as they are. */
final class TopicsComponent implements DemoComponent {
    private static final Logger log = LoggerFactory.getLogger(TopicsComponent.class);
    private final List<String> summary = new ArrayList<>();

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public void start(DemoContext context) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                context.kafkaBootstrapServers()))) {
            List<NewTopic> topics = DemoTopics.all();
            Map<String, ? extends Future<Void>> results = admin.createTopics(topics).values();
            for (NewTopic topic : topics) {
                String state;
                try {
                    results.get(topic.name()).get();
                    state = topic.numPartitions() + (topic.numPartitions() == 1 ? " partition" : " partitions") + ", created";
                    log.info("created topic {} ({} partitions, {})", topic.name(), topic.numPartitions(),
                            topic.configs().isEmpty() ? "defaults" : topic.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                    state = "kept from an earlier run";
                }
                summary.add(topic.name() + " (" + state + ")");
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
