package io.newsflow.schemas.service;

import java.util.concurrent.CompletableFuture;

/**
 * What every newsflow service (ingest, enrich, publish, the front page) is to whoever runs it: started when it is
 * built or started, a name and an address for its start line, a signal when it stops by itself, and a close.
 * {@link ServiceRunner} runs any of them the same way.
 */
public interface Service extends AutoCloseable {
    /** ingest, enrich, publish or frontpage: the name in its logs and messages. */
    String name();

    /** Where it serves HTTP (health, metrics), or an empty string when it serves none. */
    String url();

    /**
     * Completes with the cause when the service has stopped by itself on a lasting failure (one an orchestrator
     * should answer with a restart); stays incomplete while it runs and after a clean {@link #close()}.
     */
    CompletableFuture<Throwable> failed();

    /** Stops the service and releases what it holds; a second call does nothing. */
    @Override
    void close();
}
