package io.newsflow.enrich;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Asks Kafka Streams for a commit once the stream thread has taken this many records since it last asked, and passes
 * every record on unchanged. With {@code enrich.commit.interval.ms} this makes a commit due after the interval or
 * after so many records, whichever comes first: at news rates the interval spares the log the transaction overhead
 * (markers, transaction state, offsets) of frequent commits; at high rates the records bound what waits for the
 * commit, so the latency stays that of this many records.
 *
 * <p>Counted per stream thread: under exactly-once a thread commits all its tasks in one transaction.
 */
public final class CommitRequests<K, V> implements Processor<K, V, K, V> {
    private static final ThreadLocal<int[]> TAKEN = ThreadLocal.withInitial(() -> new int[1]);

    private final int maxRecords;
    private ProcessorContext<K, V> context;

    public CommitRequests(int maxRecords) {
        if (maxRecords < 1) throw new IllegalArgumentException("maxRecords must be 1 or more, got " + maxRecords);
        this.maxRecords = maxRecords;
    }

    @Override
    public void init(ProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(Record<K, V> record) {
        int[] taken = TAKEN.get();
        if (++taken[0] >= maxRecords) {
            taken[0] = 0;
            context.commit();
        }
        context.forward(record);
    }
}
