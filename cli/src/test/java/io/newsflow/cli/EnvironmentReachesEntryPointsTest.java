package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.cli.replay.ReplayCommandTest;
import io.newsflow.stack.ChildProcess;
import io.newsflow.testkit.TestKafka;
import io.newsflow.testkit.TestSchemaRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key set through {@code NEWSFLOW_CONFIG_*} reaches the commands that read a config file, as docker-compose sets
 * them: each command run in a JVM of its own with the variable in its environment, and what it does shows the key.
 */
class EnvironmentReachesEntryPointsTest {
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path tmp;

    @Test
    void replayRanksWithTheTopSetInTheEnvironment() throws Exception {
        Path day = tmp.resolve("day.jsonl");
        Files.write(day, List.of(
                ReplayCommandTest.line("c1", "Reuters", "Russian court jails journalist", ReplayCommandTest.COURT,
                        "2026-03-03T04:00:00Z", "RU"),
                ReplayCommandTest.line("q1", "Reuters", "Earthquake strikes eastern Turkey", ReplayCommandTest.QUAKE,
                        "2026-03-03T06:00:00Z", "TR")));
        assertThat(globalEntries(day, Map.of())).as("two stories, without the variable").isEqualTo(2);
        assertThat(globalEntries(day, Map.of("NEWSFLOW_CONFIG_ENRICH_TRENDING_TOP", "1"))).isEqualTo(1);
    }

    private int globalEntries(Path day, Map<String, String> env) throws Exception {
        Path log = tmp.resolve("replay-" + env.size() + ".log");
        try (ChildProcess replay = ChildProcess.startMain(Main.class, List.of("replay", day.toString()), JVM, env, log)) {
            assertThat(replay.awaitExit(Duration.ofSeconds(120))).as("replay ends; log %s", log).isTrue();
        }
        String out = Files.readString(log);
        JsonNode json = new ObjectMapper().readTree(out.substring(out.indexOf("{\"at\"")));
        return json.path("regions").path("global").size();
    }

    @Test
    void publishServesHealthOnThePortSetInTheEnvironment() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", TestSchemaRegistry.url(),
                "NEWSFLOW_CONFIG_PUBLISH_GROUP_ID", "env-test-" + id,
                "NEWSFLOW_CONFIG_PUBLISH_HEALTH_PORT", Integer.toString(port),
                "NEWSFLOW_CONFIG_PUBLISH_TOPIC_ENRICHED", "env-test-enriched-" + id);
        TestKafka.createTopics(1, "env-test-enriched-" + id);
        HttpClient http = HttpClient.newHttpClient();
        try (ChildProcess publish = ChildProcess.startMain(Main.class, List.of("publish"), JVM, env, tmp.resolve("publish.log"))) {
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                assertThat(publish.isAlive()).as("publish runs; log %s", publish.logFile()).isTrue();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.body()).contains("\"service\":\"publish\"");
            });
        }
    }
}
