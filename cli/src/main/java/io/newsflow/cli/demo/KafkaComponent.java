package io.newsflow.cli.demo;

import io.newsflow.stack.LocalKafkaBroker;
import java.util.List;

/** The single-node KRaft broker, data in {@code <data-dir>/kafka}. */
final class KafkaComponent implements DemoComponent {
    private LocalKafkaBroker broker;

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void start(DemoContext context) {
        broker = LocalKafkaBroker.builder()
                .workDir(context.dataDir().resolve("kafka"))
                .port(context.options().kafkaPort())
                .stoppedByOwner() // after the services, by the demo's lifecycle
                .start();
        context.kafkaBootstrapServers(broker.bootstrapServers());
    }

    @Override
    public List<String> describe() {
        return List.of(String.format("%-16s %s   (log %s)", "Kafka", broker.bootstrapServers(), broker.logFile()));
    }

    @Override
    public void close() {
        broker.close();
    }
}
