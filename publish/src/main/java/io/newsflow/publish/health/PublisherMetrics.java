package io.newsflow.publish.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.schemas.service.MeterSpec;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The publisher's Micrometer meters; names are stable, operators alert on them. */
public final class PublisherMetrics {
    public static final MeterSpec RECORDS_CONSUMED = MeterSpec.counter("newsflow.publish.records.consumed",
            "enriched records read (committed transactions only)");
    public static final MeterSpec ARTICLES_PUBLISHED = MeterSpec.counter("newsflow.publish.articles.published",
            "finished articles published");
    public static final MeterSpec ARTICLES_DEADLETTERED = MeterSpec.counter("newsflow.publish.articles.deadlettered",
            "records sent to the dead-letter topic");
    public static final MeterSpec RECORDS_PRODUCED = MeterSpec.counter("newsflow.publish.records.produced",
            "records written per output topic (committed transactions only)", "topic");
    public static final MeterSpec TRANSACTIONS_COMMITTED = MeterSpec.counter("newsflow.publish.transactions.committed",
            "transactions committed");
    public static final MeterSpec TRANSACTIONS_ABORTED = MeterSpec.counter("newsflow.publish.transactions.aborted",
            "transactions aborted (their input is read again)");
    public static final MeterSpec INPUT_EXPIRED = MeterSpec.counter("newsflow.publish.input.expired",
            "enriched records deleted (retention) before publish read them: lost downstream");
    public static final MeterSpec TRANSACTION_DURATION = MeterSpec.timer("newsflow.publish.transaction.duration",
            "begin to commit of one consume-transform-produce transaction");
    /** Every meter of publish, in the README's order. */
    public static final java.util.List<MeterSpec> ALL = java.util.List.of(RECORDS_CONSUMED, ARTICLES_PUBLISHED,
            ARTICLES_DEADLETTERED, RECORDS_PRODUCED, TRANSACTIONS_COMMITTED, TRANSACTIONS_ABORTED, INPUT_EXPIRED,
            TRANSACTION_DURATION);

    private final MeterRegistry registry;
    private final Counter consumed;
    private final Counter published;
    private final Counter deadLettered;
    private final Counter committed;
    private final Counter aborted;
    private final Counter inputExpired;
    private final Timer transactionTime;
    private final ConcurrentMap<String, Counter> perTopic = new ConcurrentHashMap<>();

    public PublisherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.consumed = RECORDS_CONSUMED.counter(registry);
        this.published = ARTICLES_PUBLISHED.counter(registry);
        this.deadLettered = ARTICLES_DEADLETTERED.counter(registry);
        this.committed = TRANSACTIONS_COMMITTED.counter(registry);
        this.aborted = TRANSACTIONS_ABORTED.counter(registry);
        this.inputExpired = INPUT_EXPIRED.counter(registry);
        this.transactionTime = TRANSACTION_DURATION.timer(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Counts of one committed transaction, applied only after the commit succeeded. */
    public void committed(int records, int publishedArticles, int deadLetters, java.util.Map<String, Integer> byTopic,
                          long nanos) {
        consumed.increment(records);
        published.increment(publishedArticles);
        deadLettered.increment(deadLetters);
        committed.increment();
        transactionTime.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        byTopic.forEach((topic, n) -> perTopic.computeIfAbsent(topic, t -> RECORDS_PRODUCED.counter(registry, t)).increment(n));
    }

    public void aborted() {
        aborted.increment();
    }

    public void inputExpired(long offsets) {
        inputExpired.increment(offsets);
    }

    public double inputExpiredCount() {
        return inputExpired.count();
    }

    public double publishedCount() {
        return published.count();
    }

    public double deadLetteredCount() {
        return deadLettered.count();
    }

    public double abortedCount() {
        return aborted.count();
    }
}
