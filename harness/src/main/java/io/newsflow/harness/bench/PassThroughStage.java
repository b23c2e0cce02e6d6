package io.newsflow.harness.bench;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * A Kafka Streams hop that copies records from one topic to another with exactly_once_v2: the cost of one
 * transactional hop with nothing done in it, the yardstick for the pipeline's three hops.
 */
final class PassThroughStage {
    private final String bootstrap;
    private final Path stateDir;
    private final Integer commitIntervalMs;

    /** @param commitIntervalMs commit.interval.ms, or null for the Streams default (100 ms under exactly-once) */
    PassThroughStage(String bootstrap, Path stateDir, Integer commitIntervalMs) {
        this.bootstrap = bootstrap;
        this.stateDir = stateDir;
        this.commitIntervalMs = commitIntervalMs;
    }

    static Topology buildTopology(String in, String out, Serde<String> keys, Serde<byte[]> values) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(keys, values)).to(out, Produced.with(keys, values));
        return builder.build();
    }

    Properties streamsProperties(String applicationId) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
        // the guarantee the pipeline's hops give
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // start from the records already in the input topic
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        if (commitIntervalMs != null) {
            // bench --commit-ms: output becomes visible at each commit, so this trades latency for throughput
            p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        }
        return p;
    }

    /** Starts the hop; the caller measures on the output topic and closes it. */
    KafkaStreams start(String applicationId, String in, String out) {
        KafkaStreams streams = new KafkaStreams(buildTopology(in, out, Serdes.String(), Serdes.ByteArray()),
                streamsProperties(applicationId));
        streams.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            sleep(20);
        }
        return streams;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
