package io.newsflow.harness.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** The offsets {@link StallWatch} needs, read the way an operator's tools read them: admin calls and one reader. */
public final class KafkaOffsets implements StallWatch.Offsets {
    private static final long TIMEOUT_S = 5;
    private final Admin admin;
    private final RecordLag counter;

    public KafkaOffsets(Admin admin, RecordLag counter) {
        this.admin = admin;
        this.counter = counter;
    }

    @Override
    public List<TopicPartition> partitions(List<String> topics) {
        List<TopicPartition> out = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                e.getValue().get(TIMEOUT_S, TimeUnit.SECONDS).partitions()
                        .forEach(p -> out.add(new TopicPartition(e.getKey(), p.partition())));
            } catch (ExecutionException notThereYet) {
                // a topic not made yet holds nothing
            } catch (Exception other) {
                throw failed("describe " + e.getKey(), other);
            }
        }
        return out;
    }

    @Override
    public Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        try {
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS)
                    .forEach((tp, o) -> {
                        if (o != null) out.put(tp, o.offset());
                    });
        } catch (Exception e) {
            throw failed("read the offsets of group " + group, e);
        }
        return out;
    }

    @Override
    public Map<TopicPartition, Long> stable(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
    }

    @Override
    public Map<TopicPartition, Long> end(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
    }

    @Override
    public Map<TopicPartition, Long> start(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
    }

    @Override
    public long records(Map<TopicPartition, long[]> ranges) {
        return counter.records(ranges);
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> ask = new LinkedHashMap<>();
        partitions.forEach(tp -> ask.put(tp, spec));
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        try {
            admin.listOffsets(ask, new ListOffsetsOptions(isolation)).all().get(TIMEOUT_S, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp, info.offset()));
        } catch (Exception e) {
            throw failed("list offsets of " + partitions.size() + " partitions", e);
        }
        return out;
    }

    private static IllegalStateException failed(String what, Exception e) {
        if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new IllegalStateException("cannot " + what + ": " + cause, cause);
    }
}
