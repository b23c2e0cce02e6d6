package io.newsflow.cli.demo;

import java.util.List;

/**
 * One part of the demo (broker, registry, topics, and later ingest, enrich, publish, the traffic generator).
 * {@link DemoLifecycle} starts components in order, each seeing what the earlier ones put into the
 * {@link DemoContext}, and stops them in reverse.
 */
public interface DemoComponent extends AutoCloseable {

    /** Short name for log lines and errors, e.g. "kafka". */
    String name();

    /** Starts and returns once ready; publishes addresses into the context for the components after it. */
    void start(DemoContext context) throws Exception;

    /** Lines for the "where everything listens" summary, e.g. {@code "Kafka  127.0.0.1:9092"}. */
    default List<String> describe() {
        return List.of();
    }

    /** Stops; called only after a successful start. Must not throw for an already stopped component. */
    @Override
    void close() throws Exception;
}
