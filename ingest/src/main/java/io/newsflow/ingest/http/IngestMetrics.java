package io.newsflow.ingest.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Ingest meters: items accepted/refused per feed and format, requests per feed and status, Kafka produce
 * latency (send of the first record to the last ack), request body sizes.
 */
public final class IngestMetrics {
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String feed, String format, int n) {
        if (n > 0) Counter.builder("newsflow.ingest.items.accepted").description("items stored in Kafka")
                .tags("feed", feed, "format", format).register(registry).increment(n);
    }

    public void refused(String feed, String format, String reason, int n) {
        if (n > 0) Counter.builder("newsflow.ingest.items.refused").description("items or documents refused")
                .tags("feed", feed, "format", format, "reason", reason).register(registry).increment(n);
    }

    public void request(String feed, int status) {
        Counter.builder("newsflow.ingest.requests").tags("feed", feed, "status", Integer.toString(status)).register(registry).increment();
    }

    public void produceLatency(Duration d) {
        Timer.builder("newsflow.ingest.produce.latency").description("first send to last Kafka ack, per request")
                .publishPercentileHistogram().register(registry).record(d);
    }

    public void bodyBytes(long n) {
        DistributionSummary.builder("newsflow.ingest.request.bytes").baseUnit("bytes").register(registry).record(n);
    }
}
