package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.publish.config.PublishTopics;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.testkit.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A country topic the cluster cannot create yet, on the real broker: the contract asks for replication 2 and the
 * cluster has one broker ("only 1 broker(s) are registered", what a cluster says while a broker is in controlled
 * shutdown). The article is not dead-lettered: its transaction is aborted and retried, backing off, until the topic
 * can be had (here an operator creates it), then it comes out once.
 */
class PublisherTopicNotCreatableKafkaTest {

    @Test
    void anArticleWhoseCountryTopicCannotBeCreatedYetWaitsForItAndIsNotDeadLettered() {
        PublishTopicsFixture f = new PublishTopicsFixture("pub-topic-wait");
        PublishTopics t = f.topics;
        // the fixed topics exist already (replication 1): only the new country topic meets the replication it cannot get
        TestKafka.createTopics(3, t.articles(), t.articlesJson(), t.latest());
        TestKafka.createTopics(1, t.deadLetter());
        Properties contract = new Properties();
        contract.setProperty(TopicContract.REPLICATION_FACTOR, "2");
        contract.setProperty(TopicContract.MIN_INSYNC_REPLICAS, "1"); // fixed: not checked against the cluster at start
        try (PublisherService service = new PublisherService(f.config()
                .topicContract(TopicContract.fromProperties(contract)).topics(t).partitions(3).build()).start()) {
            EnrichedArticle lagos = Fixtures.enriched("lagos").setCountries(List.of(Fixtures.tag("NG", CountryRole.FOCUS, 0.9)))
                    .build();
            f.produce(List.of(lagos));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.metrics().abortedCount() >= 3);
            assertThat(f.readBytes(t.deadLetter())).as("nothing dead-lettered for a topic the cluster will have").isEmpty();
            assertThat(f.readBytes(t.articles())).isEmpty();

            TestKafka.createTopics(1, t.country("NG")); // what the cluster (or an operator) does meanwhile
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(f.readBytes(t.country("NG"))).extracting(ConsumerRecord::key).containsExactly("lagos");
                assertThat(f.readBytes(t.articles())).extracting(ConsumerRecord::key).containsExactly("lagos");
            });
            assertThat(f.readBytes(t.deadLetter())).isEmpty();
            assertThat(service.failure()).isNull();
        }
    }
}
