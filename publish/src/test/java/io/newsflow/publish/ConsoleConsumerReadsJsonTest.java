package io.newsflow.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.json.ArticleJson;
import io.newsflow.testkit.TestKafka;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client no one here wrote reads news.articles.json: Kafka's own kafka-console-consumer
 * (org.apache.kafka.tools.consumer.ConsoleConsumer), run as its own process, read_committed.
 */
class ConsoleConsumerReadsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void kafkaConsoleConsumerPrintsTheContractJson() throws Exception {
        PublishTopicsFixture f = new PublishTopicsFixture("pub-console");
        List<EnrichedArticle> input = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            input.add(Fixtures.enriched("console-" + i).build());
        }
        f.produce(input);
        try (PublisherService service = new PublisherService(f.config().healthPort(-1).build()).start()) {
            await().atMost(Duration.ofSeconds(180)).until(() -> {
                try {
                    return f.readBytes(f.topics.articlesJson()).size() >= 5;
                } catch (IllegalStateException notYetCreated) {
                    return false;
                }
            });
        }

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process console = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.consumer.ConsoleConsumer",
                "--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic", f.topics.articlesJson(),
                "--from-beginning",
                "--max-messages", "5",
                "--timeout-ms", "60000",
                "--isolation-level", "read_committed",
                "--property", "print.key=true",
                "--property", "key.separator=\t")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(console.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(console.exitValue()).isZero();

        List<String> lines = out.lines().filter(l -> l.startsWith("console-")).toList();
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            String[] keyAndValue = line.split("\t", 2);
            JsonNode n = JSON.readTree(keyAndValue[1]);
            assertThat(n.get("id").asText()).isEqualTo(keyAndValue[0]);
            assertThat(n.get("story_id").asText()).isEqualTo("story-" + keyAndValue[0]);
            assertThat(n.get("countries").get(0).get("code").asText()).isEqualTo("BD");
            assertThat(n.get("trending_score").asDouble()).isEqualTo(3.5);
            assertThat(ArticleJson.fromNode(n).getHeadline()).isEqualTo("Floods hit Dhaka as monsoon stalls");
        }
    }
}
