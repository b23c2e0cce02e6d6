package io.newsflow.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartLogAppenderTest {
    @Test
    void eachEventGoesToThePartThatLoggedIt() {
        assertThat(PartLogAppender.partOf("io.newsflow.ingest.http.IngestHandler", "qtp-12", "ingest request=r1")).isEqualTo("ingest");
        assertThat(PartLogAppender.partOf("io.newsflow.publish.TransactionalPublisher", "newsflow-publish", "x")).isEqualTo("publish");
        // Kafka's own clients: told by the thread or the client id in the message
        assertThat(PartLogAppender.partOf("org.apache.kafka.clients.producer.internals.Sender",
                "kafka-producer-network-thread | newsflow-publish-0-producer", "Got error produce response")).isEqualTo("publish");
        assertThat(PartLogAppender.partOf("org.apache.kafka.clients.NetworkClient", "newsflow-enrich-1f2e-StreamThread-1",
                "[Consumer clientId=newsflow-enrich-1f2e-StreamThread-1-consumer] metadata")).isEqualTo("enrich");
        assertThat(PartLogAppender.partOf("org.apache.kafka.streams.KafkaStreams", "main", "State transition")).isEqualTo("enrich");
        assertThat(PartLogAppender.partOf("org.apache.kafka.clients.consumer.KafkaConsumer", "frontpage-consumer", "x")).isEqualTo("frontpage");
        assertThat(PartLogAppender.partOf("io.newsflow.stack.LocalKafkaBroker", "main", "broker ready")).isEqualTo("demo");
    }
}
