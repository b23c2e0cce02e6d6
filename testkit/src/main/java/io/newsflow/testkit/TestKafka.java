package io.newsflow.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * One real Kafka broker per test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Which broker: {@code -Dnewsflow.test.kafka=container} uses Testcontainers' apache/kafka image,
 * {@code =local} a broker from the Kafka jars as a child process ({@link io.newsflow.stack.LocalKafkaBroker});
 * by default the container when Docker is available, else the local broker.
 *
 * <pre>{@code
 * String topic = TestKafka.uniqueTopic("raw");
 * TestKafka.createTopics(3, topic);
 * ... produce to TestKafka.bootstrapServers() ...
 * List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(topic);
 * }</pre>
 */
public final class TestKafka {
    public static final String MODE_PROPERTY = "newsflow.test.kafka";
    public static final int DEFAULT_PARTITIONS = 3;

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static final AtomicInteger topicCounter = new AtomicInteger();
    private static KafkaBackend backend;

    private TestKafka() {}

    /** {@code host:port} of this JVM's broker; starts it on the first call. */
    public static String bootstrapServers() {
        return backend().bootstrapServers();
    }

    /** A topic name no other test in this JVM (or an earlier run against a kept broker) uses. */
    public static String uniqueTopic(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + topicCounter.incrementAndGet();
    }

    /** Creates topics with {@value #DEFAULT_PARTITIONS} partitions; existing ones are left as they are. */
    public static void createTopics(String... names) {
        createTopics(DEFAULT_PARTITIONS, names);
    }

    /** Creates topics with the given partition count (replication 1); existing ones are left as they are. */
    public static void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        try (Admin admin = admin()) {
            for (Map.Entry<String, ? extends Future<Void>> result
                    : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + Arrays.toString(names), e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Every committed record in the topic right now (read_committed, all partitions, from the beginning). */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return readAll(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static <K, V> List<ConsumerRecord<K, V>> readAll(String topic, Deserializer<K> keys, Deserializer<V> values) {
        return TopicReader.readAll(bootstrapServers(), topic, keys, values, Duration.ofSeconds(30));
    }

    /** Waits until the topic holds at least {@code count} committed records and returns all of them. */
    public static <K, V> List<ConsumerRecord<K, V>> awaitRecords(String topic, int count, Duration timeout,
                                                                 Deserializer<K> keys, Deserializer<V> values) {
        return TopicReader.awaitRecords(bootstrapServers(), topic, count, timeout, keys, values);
    }

    private static synchronized KafkaBackend backend() {
        if (backend == null) {
            long began = System.nanoTime();
            KafkaBackend started = start(System.getProperty(MODE_PROPERTY, "auto"));
            log.info("test Kafka at {} ({}) after {} ms", started.bootstrapServers(), started.description(),
                    (System.nanoTime() - began) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-kafka"));
            backend = started;
        }
        return backend;
    }

    private static KafkaBackend start(String mode) {
        switch (mode) {
            case "local":
                return new LocalKafka();
            case "container":
                if (!dockerAvailable()) {
                    throw new IllegalStateException("-D" + MODE_PROPERTY + "=container but Docker is not available; "
                            + "start Docker or use -D" + MODE_PROPERTY + "=local");
                }
                return new ContainerKafka();
            case "auto":
                return dockerAvailable() ? new ContainerKafka() : new LocalKafka();
            default:
                throw new IllegalArgumentException("-D" + MODE_PROPERTY + "=" + mode
                        + " is not a choice: use container, local or leave it unset (container when Docker runs)");
        }
    }

    private static boolean dockerAvailable() {
        if (!dockerMightExist()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            log.info("Docker check failed ({}); using the local broker", e.toString());
            return false;
        }
    }

    /**
     * A cheap look before asking Testcontainers, whose own check takes seconds and logs an ERROR when no Docker
     * exists: a DOCKER_HOST, a Testcontainers config file or one of the usual Docker sockets.
     */
    private static boolean dockerMightExist() {
        String home = System.getProperty("user.home", "");
        String runtimeDir = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || Stream.of(
                        Path.of("/var/run/docker.sock"),
                        Path.of(home, ".docker", "run", "docker.sock"),
                        Path.of(home, ".docker", "desktop", "docker.sock"),
                        Path.of(runtimeDir, "docker.sock"))
                .anyMatch(Files::exists);
    }
}
