package io.newsflow.enrich.versions;

import io.micrometer.core.instrument.Metrics;
import io.newsflow.schemas.avro.Article;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through new articles and real new versions, drops unchanged re-sends and late old versions.
 * Keyed by article id, so it runs on every partition of the raw topic in parallel. The store is a
 * window store: ids not seen for {@code enrich.versions.retention} are forgotten segment by segment.
 */
public final class VersionGateProcessor implements Processor<String, Article, String, Article> {
    public static final String STORE = "article-versions";
    private static final Logger log = LoggerFactory.getLogger(VersionGateProcessor.class);

    private final long retentionMs;
    private ProcessorContext<String, Article> context;
    private WindowStore<String, VersionRecord> versions;

    public VersionGateProcessor(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.versions = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (article == null || article.getId() == null) return;
        String id = article.getId();
        long now = Math.max(context.currentStreamTimeMs(), record.timestamp());
        VersionRecord previous = latest(id, now);
        VersionRecord incoming = VersionGate.recordOf(article);
        VersionGate.Verdict verdict = VersionGate.judge(previous, incoming);
        Metrics.counter("newsflow.enrich.versions", "verdict", verdict.name().toLowerCase()).increment();
        VersionRecord remembered = VersionGate.remember(previous, incoming, verdict);
        if (remembered != previous) versions.put(id, remembered, now);
        if (verdict == VersionGate.Verdict.STALE) {
            log.info("late version ignored: id={} version={} newer={}", id, incoming.version(), previous.version());
        } else if (verdict.passes() && incoming.killed()) {
            log.info("kill notice passed on: id={} status={}", id, article.getStatus());
        }
        if (verdict.passes()) context.forward(record.withKey(id));
    }

    private VersionRecord latest(String id, long now) {
        try (WindowStoreIterator<VersionRecord> it = versions.backwardFetch(id, now - retentionMs, now)) {
            if (!it.hasNext()) return null;
            KeyValue<Long, VersionRecord> newest = it.next();
            return newest.value;
        }
    }
}
