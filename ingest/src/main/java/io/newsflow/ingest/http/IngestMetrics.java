package io.newsflow.ingest.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.schemas.service.MeterSpec;

import java.time.Duration;
import java.util.List;

/**
 * Ingest's meters, each declared once: items accepted/refused per feed and format, requests per feed and status,
 * Kafka produce latency (send of the first record to the last ack), request body sizes, pulled sources' state changes.
 */
public final class IngestMetrics {
    public static final MeterSpec ITEMS_ACCEPTED = MeterSpec.counter("newsflow.ingest.items.accepted",
            "items stored in Kafka", "feed", "format");
    public static final MeterSpec ITEMS_REFUSED = MeterSpec.counter("newsflow.ingest.items.refused",
            "items or documents refused (each one dead-lettered)", "feed", "format", "reason");
    public static final MeterSpec REQUESTS = MeterSpec.counter("newsflow.ingest.requests",
            "HTTP requests to /v1/articles by answer", "feed", "status");
    public static final MeterSpec PRODUCE_LATENCY = MeterSpec.timer("newsflow.ingest.produce.latency",
            "first send to last Kafka ack, per request");
    public static final MeterSpec REQUEST_BYTES = MeterSpec.summary("newsflow.ingest.request.bytes", "bytes",
            "request body sizes");
    public static final MeterSpec SOURCE_TRANSITIONS = MeterSpec.counter("newsflow.ingest.source.transitions",
            "a pulled source changing state (ok, quiet, failing, disabled)", "source", "state");
    /** Every meter of ingest, in the README's order. */
    public static final List<MeterSpec> ALL = List.of(ITEMS_ACCEPTED, ITEMS_REFUSED, REQUESTS, PRODUCE_LATENCY,
            REQUEST_BYTES, SOURCE_TRANSITIONS);

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String feed, String format, int n) {
        if (n > 0) ITEMS_ACCEPTED.counter(registry, feed, format).increment(n);
    }

    public void refused(String feed, String format, String reason, int n) {
        if (n > 0) ITEMS_REFUSED.counter(registry, feed, format, reason).increment(n);
    }

    public void request(String feed, int status) {
        REQUESTS.counter(registry, feed, Integer.toString(status)).increment();
    }

    public void produceLatency(Duration d) {
        PRODUCE_LATENCY.timer(registry).record(d);
    }

    public void bodyBytes(long n) {
        REQUEST_BYTES.summary(registry).record(n);
    }
}
