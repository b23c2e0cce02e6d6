package io.newsflow.testkit;

/** A running broker for the tests of one JVM. */
interface KafkaBackend extends AutoCloseable {
    String bootstrapServers();

    /** For the log line that says which broker the tests got. */
    String description();

    @Override
    void close();
}
