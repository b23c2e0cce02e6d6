package io.newsflow.testkit;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** apache/kafka in Docker via Testcontainers; loaded only when Docker is used, so Testcontainers stays optional. */
final class ContainerKafka implements KafkaBackend {
    /** Same version as the Kafka clients on the classpath unless -Dnewsflow.test.kafka.image says otherwise. */
    static final String IMAGE = System.getProperty("newsflow.test.kafka.image",
            "apache/kafka:" + AppInfoParser.getVersion());

    private final KafkaContainer container;

    ContainerKafka() {
        container = new KafkaContainer(DockerImageName.parse(IMAGE))
                // the same single-node settings as LocalKafkaBroker (the image sets the replication factors)
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Testcontainers " + IMAGE;
    }

    @Override
    public void close() {
        container.stop();
    }
}
