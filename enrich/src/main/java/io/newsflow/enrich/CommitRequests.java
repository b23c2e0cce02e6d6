package io.newsflow.enrich;

import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Asks Kafka Streams for a commit once the stream thread is busy: it has taken {@code maxRecords} records since it
 * last asked, and at least {@code busyIntervalMs} have passed since then. Every record passes on unchanged. With
 * {@code enrich.commit.interval.ms} this gives two commit rates: a quiet thread commits at the interval (at news
 * rates that spares the log the markers, transaction state and offsets of frequent commits), a busy one every
 * {@code busyIntervalMs} (so what waits for the commit stays short at high rates, and flat out it does not commit
 * more often than that).
 *
 * <p>Counted per stream thread: under exactly-once a thread commits all its tasks in one transaction.
 */
public final class CommitRequests<K, V> implements Processor<K, V, K, V> {
    /** per thread: records taken and when it last asked */
    private static final ThreadLocal<long[]> THREAD = ThreadLocal.withInitial(() -> new long[] {0, Long.MIN_VALUE});

    private final int maxRecords;
    private final long busyIntervalMs;
    private final LongSupplier clock;
    private ProcessorContext<K, V> context;

    public CommitRequests(int maxRecords, long busyIntervalMs) {
        this(maxRecords, busyIntervalMs, System::currentTimeMillis);
    }

    CommitRequests(int maxRecords, long busyIntervalMs, LongSupplier clock) {
        if (maxRecords < 1) throw new IllegalArgumentException("maxRecords must be 1 or more, got " + maxRecords);
        if (busyIntervalMs < 0) throw new IllegalArgumentException("busyIntervalMs must be 0 or more, got " + busyIntervalMs);
        this.maxRecords = maxRecords;
        this.busyIntervalMs = busyIntervalMs;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(Record<K, V> record) {
        long[] thread = THREAD.get();
        if (++thread[0] >= maxRecords) {
            long now = clock.getAsLong();
            if (thread[1] == Long.MIN_VALUE || now - thread[1] >= busyIntervalMs) {
                thread[0] = 0;
                thread[1] = now;
                context.commit();
            }
        }
        context.forward(record);
    }
}
