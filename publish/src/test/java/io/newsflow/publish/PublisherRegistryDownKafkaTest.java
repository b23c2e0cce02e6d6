package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.publish.config.PublishTopics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.stack.HttpFront;
import io.newsflow.testkit.TestSchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The registry going away under a running publisher, on the real broker and registry: nothing it reads meanwhile
 * is dead-lettered (the records are fine, the pipeline is not); transactions abort and are retried until the
 * registry answers again, then every article comes out once.
 */
class PublisherRegistryDownKafkaTest {

    @Test
    void whileTheRegistryIsDownBatchesAreRetriedNotDeadLettered() throws Exception {
        PublishTopicsFixture f = new PublishTopicsFixture("pub-registry-down");
        PublishTopics t = f.topics;
        HttpFront registry = HttpFront.forTarget(TestSchemaRegistry.url()).start();
        int port = registry.port();
        Properties settings = new Properties();
        // the client's own retries short, so that the publisher's (abort, rewind, retry) are what carries it
        settings.setProperty("schema.registry.retry.max.ms", "200");
        try (PublisherService service = new PublisherService(f.config().schemaRegistryUrl(registry.url())
                .settings(settings).build()).start()) {
            registry.close(); // down: refused connections from now on
            List<EnrichedArticle> input = new ArrayList<>();
            for (int i = 0; i < 10; i++) input.add(Fixtures.enriched("down-" + i).build());
            f.produce(input);
            await().atMost(Duration.ofSeconds(30)).until(() -> service.metrics().abortedCount() >= 2);
            assertThat(f.readBytes(t.articles())).isEmpty();

            registry = HttpFront.forTarget(TestSchemaRegistry.url()).port(port).start(); // back, same address
            // each topic's partitions become readable as the transaction's markers reach them: all waited for
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(f.readBytes(t.articles())).extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrderElementsOf(input.stream().map(a -> a.getArticle().getId()).toList());
                assertThat(f.readBytes(t.articlesJson())).hasSize(10);
            });
            assertThat(f.readBytes(t.deadLetter())).as("nothing dead-lettered for the registry's outage").isEmpty();
            assertThat(service.failure()).isNull();
        } finally {
            registry.close();
        }
    }
}
