package io.newsflow.schemas.topics;

import java.util.Map;
import java.util.Objects;

/**
 * One topic of the contract: its name, what its records are, how many partitions and which topic configs it must
 * have. {@code replicationFactor} -1 means "as the contract resolves it for the cluster" (see {@link TopicContract}).
 */
public record TopicSpec(String name, String key, String value, int partitions, short replicationFactor,
                        Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "topic name");
        if (name.isBlank()) throw new IllegalArgumentException("a topic name cannot be blank");
        if (partitions < 1) throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, got " + partitions);
        configs = Map.copyOf(configs);
    }
}
