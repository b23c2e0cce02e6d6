package io.newsflow.ingest.pull;

import java.util.Map;

/** Where polling state lives between polls and across restarts. */
public interface PollStateStore extends AutoCloseable {
    /** Every source's last saved state. */
    Map<String, PollState> load();

    /** Saves one source's state; returns once it is durable. */
    void save(String source, PollState state);

    @Override
    default void close() {}
}
