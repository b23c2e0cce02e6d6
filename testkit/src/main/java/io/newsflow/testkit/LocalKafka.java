package io.newsflow.testkit;

import io.newsflow.stack.LocalKafkaBroker;
import java.nio.file.Path;

/** The broker from the Kafka jars on the test classpath, as a child JVM; data deleted at the end, logs kept. */
final class LocalKafka implements KafkaBackend {
    private final LocalKafkaBroker broker;

    LocalKafka() {
        broker = LocalKafkaBroker.builder()
                .workDir(WorkDirs.forThisJvm("kafka"))
                .start();
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String description() {
        return "local broker pid " + broker.pid() + ", log " + broker.logFile();
    }

    @Override
    public void close() {
        broker.close();
        WorkDirs.deleteRecursively(broker.workDir().resolve("kafka-data"));
    }

    Path logFile() {
        return broker.logFile();
    }
}
