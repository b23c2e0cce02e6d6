package io.newsflow.ingest.sources;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.schemas.avro.SourceEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a source's change of state goes: one log line for operators, a metric, and an Avro {@link SourceEvent} on
 * the {@code news.sources} topic. Sent from a thread of its own, so a slow or missing topic never holds up a request
 * or a poll.
 */
public final class SourceEvents implements Consumer<SourceEvent>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceEvents.class);

    private final Producer<String, Object> producer;
    private final String topic;
    private final MeterRegistry meters;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsflow-ingest-source-events");
        t.setDaemon(true);
        return t;
    });

    public SourceEvents(Producer<String, Object> producer, String topic, MeterRegistry meters) {
        this.producer = producer;
        this.topic = topic;
        this.meters = meters;
    }

    @Override
    public void accept(SourceEvent e) {
        log.info("source={} kind={} state={} (was {}): {}", e.getSource(), e.getKind(), e.getState(), e.getPreviousState(), e.getReason());
        io.newsflow.ingest.http.IngestMetrics.SOURCE_TRANSITIONS.counter(meters, e.getSource(), e.getState()).increment();
        sender.execute(() -> {
            try {
                producer.send(new ProducerRecord<>(topic, e.getSource(), e), (md, error) -> {
                    if (error != null) {
                        log.warn("source={} state change not written to {}: {}", e.getSource(), topic, error.toString());
                    }
                });
            } catch (RuntimeException error) {
                log.warn("source={} state change not written to {}: {}", e.getSource(), topic, error.toString());
            }
        });
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
