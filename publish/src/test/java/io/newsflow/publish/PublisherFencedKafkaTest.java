package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;

/**
 * A second publisher started with the same instance id (a restart while the old process still runs) fences the
 * first, on the real broker: the first stops and says so through its failure signal, the one its runner exits 1 on,
 * and the second publishes everything once.
 */
class PublisherFencedKafkaTest {

    @Test
    void aFencedPublisherSignalsALastingFailureAndItsSuccessorPublishes() throws Exception {
        PublishTopicsFixture f = new PublishTopicsFixture("pub-fenced");
        try (PublisherService first = new PublisherService(f.config().build()).start()) {
            List<EnrichedArticle> before = new ArrayList<>();
            for (int i = 0; i < 3; i++) before.add(Fixtures.enriched("before-" + i).build());
            f.produce(before);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(f.readBytes(f.topics.articles())).hasSize(3));
            assertThat(first.failed()).isNotDone();

            try (PublisherService second = new PublisherService(f.config().build()).start()) {
                List<EnrichedArticle> after = new ArrayList<>();
                for (int i = 0; i < 3; i++) after.add(Fixtures.enriched("after-" + i).build());
                f.produce(after);

                Throwable cause = first.failed().get(60, TimeUnit.SECONDS);
                // the successor's initTransactions bumps the epoch of the shared transactional id; the broker tells the
                // old producer so as one of these, depending on the request it was making
                assertThat(cause).as("fenced by its successor")
                        .isInstanceOfAny(ProducerFencedException.class, InvalidProducerEpochException.class,
                                FencedInstanceIdException.class);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(f.readBytes(f.topics.articles())).extracting(ConsumerRecord::key)
                                .containsExactlyInAnyOrder("before-0", "before-1", "before-2", "after-0", "after-1", "after-2"));
                assertThat(second.failed()).isNotDone();
            }
        }
    }
}
