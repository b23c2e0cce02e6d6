package io.newsflow.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.testkit.TestKafka;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class TopicsComponentTest {

    @Test
    void createsTheContractTopicsOnceWithTheirPartitionsAndCleanupPolicies() throws Exception {
        DemoContext context = new DemoContext(new DemoOptions(Optional.empty(), 0, Path.of("unused"), 1, 2, 3, 4, 5, 6));
        context.kafkaBootstrapServers(TestKafka.bootstrapServers());

        TopicsComponent first = new TopicsComponent();
        first.start(context);
        assertThat(first.describe().get(0)).contains(Topics.RAW + " (6 partitions, created)");

        try (Admin admin = TestKafka.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    List.of(Topics.RAW, Topics.ENRICHED, Topics.ARTICLES, Topics.TRENDING)).allTopicNames().get();
            assertThat(topics.get(Topics.RAW).partitions()).hasSize(6);
            assertThat(topics.get(Topics.ARTICLES).partitions()).hasSize(6);
            ConfigResource trending = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TRENDING);
            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(trending, raw)).all().get();
            assertThat(configs.get(trending).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(raw).get("cleanup.policy").value()).isEqualTo("delete");
        }

        TopicsComponent again = new TopicsComponent();
        again.start(context);
        assertThat(again.describe().get(0)).contains(Topics.RAW + " (6 partitions, kept from an earlier run)");
    }
}
