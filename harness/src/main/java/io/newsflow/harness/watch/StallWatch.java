package io.newsflow.harness.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the stage of a pipeline that sits silent with every part UP, and names it. Three ways that happens:
 * <ul>
 *   <li>records wait on a stage's input and its consumer group takes none of them for longer than the bound (a
 *       stuck loop, a group that never joined, a partition nobody owns);</li>
 *   <li>a transaction stays open on a stage's input for longer than the bound: a read_committed reader sees nothing
 *       past its first record, so the stage waits on the stage that writes there;</li>
 *   <li>records were deleted (retention) before the stage read them.</li>
 * </ul>
 * Each finding is one line that starts with the stage's name. The watch keeps, between calls, since when each
 * partition and each group has not moved: call {@link #check()} every few seconds.
 */
public final class StallWatch {

    /** A stage: its name, the consumer group it reads with, the topics it reads. */
    public record Stage(String name, String group, List<String> inputs) {
        public Stage {
            inputs = List.copyOf(inputs);
        }
    }

    /** What the watch reads of the cluster; {@link KafkaOffsets} in the pipeline, a fake in unit tests. */
    public interface Offsets {
        List<TopicPartition> partitions(List<String> topics);

        /** Committed offsets of the group; empty when it has none (or does not exist). */
        Map<TopicPartition, Long> committed(String group);

        /** The last stable offset: where a read_committed reader must stop (the first open transaction). */
        Map<TopicPartition, Long> stable(Collection<TopicPartition> partitions);

        /** The high watermark: the end of what is written, open transactions included. */
        Map<TopicPartition, Long> end(Collection<TopicPartition> partitions);

        /** The log start offset: older records were deleted. */
        Map<TopicPartition, Long> start(Collection<TopicPartition> partitions);

        /** Records (not transaction markers) in [from, to) of each partition. */
        long records(Map<TopicPartition, long[]> ranges);
    }

    private record Held(long stable, long sinceNanos) {}

    private final Offsets offsets;
    private final List<Stage> stages;
    private final Map<String, String> writers;
    private final Duration bound;
    private final LongSupplier nanos;
    private final Map<TopicPartition, Held> openSince = new HashMap<>();
    private final Map<String, Held> idleSince = new HashMap<>();

    /**
     * @param writers topic name to the stage that writes it, to name who holds a transaction open
     * @param bound   how long a stage may hold records before it is told as stalled
     */
    public StallWatch(Offsets offsets, List<Stage> stages, Map<String, String> writers, Duration bound, LongSupplier nanos) {
        this.offsets = offsets;
        this.stages = List.copyOf(stages);
        this.writers = Map.copyOf(writers);
        this.bound = bound;
        this.nanos = nanos;
    }

    public Duration bound() {
        return bound;
    }

    /** One line per stalled stage and cause, each starting with the stage's name; empty when all move. */
    public synchronized List<String> check() {
        long now = nanos.getAsLong();
        List<String> found = new ArrayList<>();
        for (Stage stage : stages) {
            List<TopicPartition> parts = offsets.partitions(stage.inputs());
            if (parts.isEmpty()) continue;
            Map<TopicPartition, Long> committed = offsets.committed(stage.group());
            Map<TopicPartition, Long> stable = offsets.stable(parts);
            Map<TopicPartition, Long> end = offsets.end(parts);
            Map<TopicPartition, Long> start = offsets.start(parts);
            Map<TopicPartition, long[]> waiting = new LinkedHashMap<>();
            long position = 0;
            for (TopicPartition tp : parts) {
                long lso = stable.getOrDefault(tp, 0L);
                long hw = end.getOrDefault(tp, lso);
                long first = start.getOrDefault(tp, 0L);
                Long done = committed.get(tp);
                if (done != null && done < first) {
                    found.add(String.format("%s: offsets %d..%d of %s were deleted (retention) before %s read them",
                            stage.name(), done, first - 1, tp, stage.name()));
                }
                long from = done == null ? first : Math.max(done, first);
                position += from;
                if (lso > from) waiting.put(tp, new long[] {from, lso});
                String held = openTransaction(stage, tp, lso, hw, now);
                if (held != null) found.add(held);
            }
            String idle = idle(stage, position, waiting, now);
            if (idle != null) found.add(idle);
        }
        return found;
    }

    /** A transaction open on this partition since the bound or longer: its first record and all after are held. */
    private String openTransaction(Stage stage, TopicPartition tp, long lso, long hw, long now) {
        if (hw <= lso) {
            openSince.remove(tp);
            return null;
        }
        Held h = openSince.get(tp);
        if (h == null || h.stable() != lso) {
            openSince.put(tp, new Held(lso, now));
            return null;
        }
        long seconds = (now - h.sinceNanos()) / 1_000_000_000L;
        if (now - h.sinceNanos() < bound.toNanos()) return null;
        return String.format("%s: %s held by a transaction open %d s (written by %s): nothing past offset %d can be read,"
                + " %d offsets wait behind it", stage.name(), tp, seconds, writers.getOrDefault(tp.topic(), "its producer"),
                lso, hw - lso);
    }

    /**
     * Records (not only transaction markers) have waited at the same group position for the bound or longer. The
     * clock starts when records are first seen waiting there, so records arriving after a long idle spell are not
     * told as late.
     */
    private String idle(Stage stage, long position, Map<TopicPartition, long[]> waiting, long now) {
        long records = waiting.isEmpty() ? 0 : offsets.records(waiting);
        Held h = idleSince.get(stage.name());
        if (records <= 0) {
            idleSince.remove(stage.name());
            return null;
        }
        if (h == null || h.stable() != position) {
            idleSince.put(stage.name(), new Held(position, now));
            return null;
        }
        if (now - h.sinceNanos() < bound.toNanos()) return null;
        return String.format("%s: %d records wait on %s and none was taken for %d s (group %s)", stage.name(), records,
                String.join(", ", stage.inputs()), (now - h.sinceNanos()) / 1_000_000_000L, stage.group());
    }
}
