package io.newsflow.harness.bench;

import io.newsflow.generator.WireItem;

/** Where the bench hands items to the pipeline: over HTTP to ingest, or, without it, straight onto the raw topic. */
interface PipelineEntry extends AutoCloseable {
    /** Submits one item; may return before it is accepted. */
    void submit(WireItem item);

    /** Waits until every submitted item was accepted or refused. */
    void drain();

    /** Items the entry accepted (2xx / acknowledged). */
    long accepted();

    String describe();

    @Override
    void close();
}
