package io.newsflow.publish;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.publish.config.PublishTopics;
import io.newsflow.publish.health.PublisherHealth;
import io.newsflow.publish.health.PublisherMetrics;
import io.newsflow.publish.json.FinishedArticleJson;
import io.newsflow.publish.route.ArticleRouter;
import io.newsflow.publish.validate.FinishedArticleValidator;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TransactionalPublisherTest {
    private static final TopicPartition IN = new TopicPartition("news.articles.enriched", 0);
    private final AvroBinarySerde<EnrichedArticle> serde = new AvroBinarySerde<>(EnrichedArticle.getClassSchema());
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final PublisherMetrics metrics = new PublisherMetrics(new SimpleMeterRegistry());
    private final PublisherHealth health = new PublisherHealth(Clock.systemUTC(), Duration.ofSeconds(30));
    private TransactionalPublisher publisher;
    private Thread loop;

    private ArticleRouter router;

    @BeforeEach
    void start() {
        router = new ArticleRouter(PublishTopics.defaults(), serde, serde,
                new AvroBinarySerde<>(DeadLetter.getClassSchema()), new FinishedArticleValidator(),
                new FinishedArticleJson(), topic -> { }, Clock.systemUTC());
        publisher = new TransactionalPublisher(consumer, producer, router, IN.topic(), metrics, health,
                Duration.ofMillis(20), Duration.ofMillis(1));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(IN));
            consumer.updateBeginningOffsets(Map.of(IN, 0L));
            consumer.seek(IN, 0L);
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            publisher.stop();
            loop.join(30_000);
        }
    }

    private void runLoop() {
        loop = new Thread(publisher, "publish-test");
        loop.start();
    }

    private ConsumerRecord<byte[], byte[]> record(long offset, String id, EnrichedArticle value) {
        return new ConsumerRecord<>(IN.topic(), IN.partition(), offset, id.getBytes(StandardCharsets.UTF_8),
                serde.serialize(IN.topic(), value));
    }

    @Test
    void oneTransactionCarriesOutputsAndOffsets() {
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build()));
            consumer.addRecord(record(1, "a2", Fixtures.enriched("a2").setStoryId(null).build()));
            consumer.addRecord(record(2, "a3", Fixtures.enriched("a3").build()));
        });
        runLoop();

        // the metrics and health move just after the commit, on the loop's thread: waited for, not assumed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(producer.commitCount()).isEqualTo(1);
            assertThat(metrics.publishedCount()).isEqualTo(2.0);
            assertThat(metrics.deadLetteredCount()).isEqualTo(1.0);
            assertThat(health.state()).isEqualTo(PublisherHealth.State.UP);
        });
        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent.stream().filter(r -> r.topic().equals("news.articles")).map(r -> new String(r.key())))
                .containsExactly("a1", "a3");
        assertThat(sent.stream().filter(r -> r.topic().equals("news.deadletter")).map(r -> new String(r.key())))
                .containsExactly("a2");
        assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
        Map<TopicPartition, OffsetAndMetadata> offsets =
                producer.consumerGroupOffsetsHistory().get(0).values().iterator().next();
        assertThat(offsets).containsEntry(IN, new OffsetAndMetadata(3L));
    }

    @Test
    void failedCommitAbortsRewindsAndRetriesWithoutDuplicates() {
        producer.commitTransactionException = new TimeoutException("broker slow");
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build())));
        runLoop();

        // the abort is counted before the consumer is rewound: the rewind itself is waited for
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(metrics.abortedCount()).isEqualTo(1.0);
            assertThat(producer.transactionAborted()).isTrue();
            assertThat(consumer.position(IN)).as("rewound to the last committed offset").isZero();
        });
        assertThat(producer.history()).as("aborted output is never committed").isEmpty();

        // the broker recovers; the rewound consumer reads the same record again
        consumer.schedulePollTask(() -> {
            producer.commitTransactionException = null;
            consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build()));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(producer.commitCount()).isEqualTo(1);
            assertThat(metrics.publishedCount()).isEqualTo(1.0);
        });
        assertThat(producer.history().stream().filter(r -> r.topic().equals("news.articles"))).hasSize(1);
    }

    @Test
    void inputDeletedBeforeItWasReadIsToldAndCountedAndTheLoopGoesOnFromTheOldestLeft() {
        // offsets 0-4 deleted by retention while the loop was at 2: three records are gone for every reader
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(IN, 5L));
            consumer.setPollException(new org.apache.kafka.clients.consumer.OffsetOutOfRangeException(
                    "fetch offset 2 is out of range", Map.of(IN, 2L)));
        });
        consumer.schedulePollTask(() -> consumer.addRecord(record(5, "a5", Fixtures.enriched("a5").build())));
        runLoop();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(producer.commitCount()).isEqualTo(1);
            assertThat(metrics.publishedCount()).isEqualTo(1.0);
        });
        assertThat(metrics.inputExpiredCount()).isEqualTo(3.0);
        assertThat(health.details().get("input_lost")).asString().contains("3 offsets").contains(IN.toString());
        assertThat(health.state()).as("the loop goes on").isEqualTo(PublisherHealth.State.UP);
        assertThat(producer.history()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).contains("a5");
    }

    @Test
    void aPartitionNeverCommittedIsReadFromItsFirstRecord() {
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(IN, 7L));
            consumer.setPollException(new org.apache.kafka.clients.consumer.NoOffsetForPartitionException(IN));
        });
        consumer.schedulePollTask(() -> consumer.addRecord(record(7, "a7", Fixtures.enriched("a7").build())));
        runLoop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics.publishedCount()).isEqualTo(1.0));
        assertThat(metrics.inputExpiredCount()).isZero();
    }

    @Test
    void fencedProducerStopsTheLoopAndReportsDown() throws InterruptedException {
        consumer.schedulePollTask(() -> {
            producer.fenceProducer();
            consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build()));
        });
        runLoop();
        loop.join(30_000);

        assertThat(loop.isAlive()).isFalse();
        assertThat(publisher.failure()).isInstanceOf(org.apache.kafka.common.errors.ProducerFencedException.class);
        assertThat(health.state()).isEqualTo(PublisherHealth.State.DOWN);
        assertThat(producer.history()).isEmpty();
        assertThat(producer.closed()).isTrue();
    }

    /** A publisher whose transactions stay open across polls for a minute: only revocation or a stop ends them sooner. */
    private void withLongCommitInterval() {
        withCommitInterval(Duration.ofMinutes(1));
    }

    private void withCommitInterval(Duration interval) {
        withCommitBounds(interval, Integer.MAX_VALUE);
    }

    private void withCommitBounds(Duration interval, int maxRecords) {
        publisher = new TransactionalPublisher(consumer, producer, router, IN.topic(), metrics, health,
                Duration.ofMillis(20), Duration.ofMillis(1), interval, maxRecords);
    }

    @Test
    void aTransactionHoldingTheMostRecordsIsCommittedBeforeItsIntervalIsUp() {
        withCommitBounds(Duration.ofMinutes(1), 3);
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build()));
            consumer.addRecord(record(1, "a2", Fixtures.enriched("a2").build()));
        });
        consumer.schedulePollTask(() -> consumer.addRecord(record(2, "a3", Fixtures.enriched("a3").build())));
        consumer.schedulePollTask(() -> consumer.addRecord(record(3, "a4", Fixtures.enriched("a4").build())));
        runLoop();

        // a1-a3 reach the bound after the second poll: committed then, not a minute later; a4 waits in the next one
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(consumer.position(IN)).as("a4 read").isEqualTo(4L);
            assertThat(producer.commitCount()).isEqualTo(1);
        });
        assertThat(producer.history().stream().filter(r -> r.topic().equals("news.articles"))
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))).as("committed").containsExactly("a1", "a2", "a3");
        assertThat(producer.consumerGroupOffsetsHistory().get(0).values().iterator().next())
                .containsEntry(IN, new OffsetAndMetadata(3L));
    }

    @Test
    void thePollsWithinTheCommitIntervalShareOneTransactionEmptyPollsBetweenThemIncluded() {
        withCommitInterval(Duration.ofMillis(500));
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build())));
        consumer.schedulePollTask(() -> { }); // a poll between two of enrich's bursts brings nothing
        consumer.schedulePollTask(() -> consumer.addRecord(record(1, "a2", Fixtures.enriched("a2").build())));
        consumer.schedulePollTask(() -> consumer.addRecord(record(2, "a3", Fixtures.enriched("a3").build())));
        runLoop();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics.publishedCount()).isEqualTo(3.0));
        assertThat(producer.commitCount()).as("four polls, one transaction").isEqualTo(1);
        assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
        assertThat(producer.consumerGroupOffsetsHistory().get(0).values().iterator().next())
                .containsEntry(IN, new OffsetAndMetadata(3L));
        assertThat(producer.history().stream().filter(r -> r.topic().equals("news.articles"))
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))).containsExactly("a1", "a2", "a3");
    }

    @Test
    void aCleanStopCommitsTheOpenTransaction() throws InterruptedException {
        withLongCommitInterval();
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build())));
        runLoop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(consumer.position(IN)).isEqualTo(1L));
        assertThat(producer.commitCount()).as("open for a minute").isZero();

        publisher.stop();
        loop.join(30_000);
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.consumerGroupOffsetsHistory().get(0).values().iterator().next())
                .containsEntry(IN, new OffsetAndMetadata(1L));
    }

    @Test
    void aTransactionOpenWhenItsPartitionsAreRevokedIsCommittedBeforeTheyGo() {
        withLongCommitInterval();
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build())));
        consumer.schedulePollTask(() -> consumer.addRecord(record(1, "a2", Fixtures.enriched("a2").build())));
        // the next poll starts with a rebalance that takes the partition away: what was published from it is
        // committed with its offsets, in the one transaction of both polls, while this instance still owns it
        consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
        runLoop();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics.publishedCount()).isEqualTo(2.0));
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.consumerGroupOffsetsHistory().get(0).values().iterator().next())
                .containsEntry(IN, new OffsetAndMetadata(2L));
    }

    @Test
    void aFailedCommitOfSeveralPollsRewindsToTheLastCommitAndPublishesEachOnceAfter() {
        withCommitInterval(Duration.ofMillis(300));
        producer.commitTransactionException = new TimeoutException("broker slow");
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build())));
        consumer.schedulePollTask(() -> consumer.addRecord(record(1, "a2", Fixtures.enriched("a2").build())));
        runLoop();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(metrics.abortedCount()).isEqualTo(1.0);
            assertThat(consumer.position(IN)).as("both polls rewound").isZero();
        });
        consumer.schedulePollTask(() -> {
            producer.commitTransactionException = null;
            consumer.addRecord(record(0, "a1", Fixtures.enriched("a1").build()));
            consumer.addRecord(record(1, "a2", Fixtures.enriched("a2").build()));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(producer.commitCount()).isEqualTo(1));
        assertThat(producer.history().stream().filter(r -> r.topic().equals("news.articles"))
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))).containsExactly("a1", "a2");
    }

    @Test
    void retriesOfABatchThatKeepsFailingWaitLongerEachTimeUpToACap() {
        Duration base = Duration.ofMillis(500);
        assertThat(java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(n -> TransactionalPublisher.backoff(base, n).toMillis()))
                .containsExactly(500L, 1000L, 2000L, 4000L, 5000L, 5000L);
        assertThat(TransactionalPublisher.backoff(base, 10_000)).isEqualTo(TransactionalPublisher.MAX_BACKOFF);
        // a base above the cap is kept as it is
        assertThat(TransactionalPublisher.backoff(Duration.ofSeconds(8), 3)).isEqualTo(Duration.ofSeconds(8));
    }
}
