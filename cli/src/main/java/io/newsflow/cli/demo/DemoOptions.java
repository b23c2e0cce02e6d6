package io.newsflow.cli.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's settings.
 *
 * @param duration      how long to run once ready; empty = until Ctrl-C
 * @param rate          articles per second of the traffic generator; 0 = no generator
 * @param dataDir       broker data, registry database and the logs of both
 * @param kafkaPort     Kafka client port on 127.0.0.1
 * @param registryPort  schema registry HTTP port on 127.0.0.1
 * @param ingestPort    ingest HTTP port on 127.0.0.1
 * @param enrichPort    enrich interactive-query HTTP port on 127.0.0.1
 * @param publishPort   publish health HTTP port on 127.0.0.1
 * @param frontPagePort front page HTTP port on 127.0.0.1
 */
public record DemoOptions(Optional<Duration> duration, int rate, Path dataDir, int kafkaPort, int registryPort,
                          int ingestPort, int enrichPort, int publishPort, int frontPagePort) {
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    public static final int DEFAULT_INGEST_PORT = 8080;
    public static final int DEFAULT_ENRICH_PORT = 8090;
    public static final int DEFAULT_PUBLISH_PORT = 8083;
    public static final int DEFAULT_FRONT_PAGE_PORT = 8088;

    /** Every port the demo binds, by the option that moves it. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("--kafka-port", kafkaPort);
        ports.put("--registry-port", registryPort);
        ports.put("--ingest-port", ingestPort);
        ports.put("--enrich-port", enrichPort);
        ports.put("--publish-port", publishPort);
        ports.put("--frontpage-port", frontPagePort);
        return ports;
    }
}
