package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.publish.config.PublishTopics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.CompatibilityLevel;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import io.newsflow.testkit.TestSchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The publisher's failure policy on the real broker and registry: a record the registry refuses for good (409, its
 * schema incompatible with what the output subject holds) goes to the dead letters with the registry's reason, and
 * the loop goes on: once the blocking schema is deleted, the next articles are published.
 */
class PublisherFailurePolicyKafkaTest {

    @Test
    void aRecordTheRegistryRefusesForGoodIsDeadLetteredAndTheLoopGoesOn() throws Exception {
        PublishTopicsFixture f = new PublishTopicsFixture("pub-refused");
        PublishTopics t = f.topics;
        SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", TestSchemaRegistry.url()));
        String subject = t.articles() + "-value";
        // what someone else put under our output subject: nothing EnrichedArticle could be compatible with
        registry.register(subject, new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Blocker\",\"namespace\":\"test\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}"));
        registry.updateCompatibility(subject, CompatibilityLevel.BACKWARD);

        List<EnrichedArticle> refused = new ArrayList<>();
        for (int i = 0; i < 3; i++) refused.add(Fixtures.enriched("refused-" + i).build());
        f.produce(refused);

        SpecificAvroSerde<DeadLetter> dl = new SpecificAvroSerde<>();
        dl.configure(Map.of("schema.registry.url", TestSchemaRegistry.url(), "specific.avro.reader", true), false);
        try (PublisherService service = new PublisherService(f.config().build()).start()) {
            List<DeadLetter> letters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
                letters.clear();
                for (ConsumerRecord<String, byte[]> r : f.readBytes(t.deadLetter())) {
                    letters.add(dl.deserializer().deserialize(t.deadLetter(), r.value()));
                }
                assertThat(letters).hasSize(3);
            });
            assertThat(letters).extracting(DeadLetter::getItemId).containsExactlyInAnyOrder("refused-0", "refused-1", "refused-2");
            assertThat(letters).allSatisfy(l -> {
                assertThat(l.getStage()).isEqualTo("publish");
                assertThat(l.getReason()).startsWith("cannot publish:").contains(subject).contains("409");
                assertThat(l.getErrorType()).isEqualTo("IncompatibleSchemaException");
                assertThat(l.getSourceTopic()).isEqualTo(t.enriched());
            });
            // nothing of a refused article came out anywhere: each transaction is all of an article or none of it
            assertThat(f.readBytes(t.articlesJson())).isEmpty();
            assertThat(f.readBytes(t.latest())).isEmpty();

            // the loop went on: once the blocking schema is gone, the next articles come out, the refused ones do not
            for (String query : List.of("", "?permanent=true")) {
                java.net.http.HttpResponse<String> deleted = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestSchemaRegistry.url() + "/subjects/"
                                + subject + query)).DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(deleted.statusCode()).as("DELETE subject%s: %s", query, deleted.body()).isIn(200, 404);
            }
            f.produce(List.of(Fixtures.enriched("after-0").build(), Fixtures.enriched("after-1").build()));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> f.readBytes(t.articles()).size() >= 2);
            assertThat(f.readBytes(t.articles())).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("after-0", "after-1");
            assertThat(f.readBytes(t.deadLetter())).hasSize(3);
            assertThat(service.failure()).isNull();
        }
    }
}
