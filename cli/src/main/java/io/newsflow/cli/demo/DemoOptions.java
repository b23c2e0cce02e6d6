package io.newsflow.cli.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo's settings.
 *
 * @param duration      how long to run once ready; empty = until Ctrl-C
 * @param rate          articles per second of the traffic generator; 0 = no generator
 * @param dataDir       broker data, registry database and the logs of both
 * @param kafkaPort     Kafka client port on 127.0.0.1
 * @param registryPort  schema registry HTTP port on 127.0.0.1
 */
public record DemoOptions(Optional<Duration> duration, int rate, Path dataDir, int kafkaPort, int registryPort) {
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
}
