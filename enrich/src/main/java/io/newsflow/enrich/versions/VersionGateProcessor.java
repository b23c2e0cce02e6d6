package io.newsflow.enrich.versions;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.enrich.TimeBuckets;
import io.newsflow.enrich.errors.RecordRefusedException;
import io.newsflow.schemas.avro.Article;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through new articles and real new versions, drops unchanged re-sends and late old versions.
 * Keyed by article id, so it runs on every partition of the raw topic in parallel. The store is time-bucketed
 * ({@link TimeBuckets}): a lookup is two point reads, and ids not seen for one to two
 * {@code enrich.versions.retention} periods are forgotten.
 */
public final class VersionGateProcessor implements Processor<String, Article, String, Article> {
    public static final String STORE = "article-versions";
    private static final Logger log = LoggerFactory.getLogger(VersionGateProcessor.class);

    private final long retentionMs;
    private final MeterRegistry meters;
    private ProcessorContext<String, Article> context;
    private TimeBuckets<VersionRecord> versions;

    public VersionGateProcessor(Duration retention, MeterRegistry meters) {
        this.meters = meters;
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        KeyValueStore<Bytes, VersionRecord> store = context.getStateStore(STORE);
        this.versions = new TimeBuckets<>(store, retentionMs);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (article == null || article.getId() == null) return;
        String id = article.getId();
        long now = Math.max(context.currentStreamTimeMs(), record.timestamp());
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        VersionRecord previous = versions.latest(key, now);
        VersionRecord incoming = VersionGate.recordOf(article);
        VersionGate.Verdict verdict = VersionGate.judge(previous, incoming);
        EnrichMetrics.VERSIONS.counter(meters, verdict.name().toLowerCase()).increment();
        if (verdict == VersionGate.Verdict.FOREIGN) {
            // nothing remembered: the owner's article stays as it was
            throw new RecordRefusedException("foreign_feed", "article " + id + " belongs to feed " + previous.feed()
                    + "; feed " + (incoming.feed() == null ? "(none)" : incoming.feed()) + " may not " + (incoming.killed() ? "withdraw" : "replace") + " it");
        }
        VersionRecord remembered = VersionGate.remember(previous, incoming, verdict);
        if (remembered != previous) versions.putCurrent(key, remembered, now);
        if (verdict == VersionGate.Verdict.STALE) {
            log.info("late version ignored: id={} version={} newer={}", id, incoming.version(), previous.version());
        } else if (verdict.passes() && incoming.killed()) {
            log.info("kill notice passed on: id={} status={}", id, article.getStatus());
        }
        if (verdict.passes()) context.forward(record.withKey(id));
    }
}
