package io.newsflow.publish.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The publisher's Micrometer meters; names are stable, operators alert on them. */
public final class PublisherMetrics {
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
        this.consumed = Counter.builder("newsflow.publish.records.consumed")
                .description("Enriched records read (committed transactions only)").register(registry);
        this.published = Counter.builder("newsflow.publish.articles.published")
                .description("Finished articles published").register(registry);
        this.deadLettered = Counter.builder("newsflow.publish.articles.deadlettered")
                .description("Records sent to the dead-letter topic").register(registry);
        this.committed = Counter.builder("newsflow.publish.transactions.committed").register(registry);
        this.aborted = Counter.builder("newsflow.publish.transactions.aborted").register(registry);
        this.inputExpired = Counter.builder("newsflow.publish.input.expired")
                .description("Enriched records deleted (retention) before publish read them: lost downstream").register(registry);
        this.transactionTime = Timer.builder("newsflow.publish.transaction.duration")
                .description("Begin to commit of one consume-transform-produce transaction")
                .publishPercentiles(0.5, 0.99).register(registry);
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
        byTopic.forEach((topic, n) -> perTopic.computeIfAbsent(topic, t -> Counter
                .builder("newsflow.publish.records.produced").tag("topic", t).register(registry)).increment(n));
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
