package io.newsflow.publish;

import io.newsflow.publish.health.PublisherHealth;
import io.newsflow.publish.health.PublisherMetrics;
import io.newsflow.publish.route.ArticleRouter;
import io.newsflow.publish.route.OutputRecords;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consume-transform-produce with Kafka transactions: the records of one or more polls, everything they turn into,
 * and the consumer offsets after them are committed in one transaction (offsets via sendOffsetsToTransaction with the
 * consumer's group metadata, so a zombie from an older group generation is fenced). A transaction stays open across
 * polls for the commit interval from its first record, and is committed then, when its partitions are revoked and
 * on a clean stop: each commit writes a marker on every partition it touched (every country topic among them), so
 * fewer commits cost fewer appends, for at most the interval of latency. A read_committed consumer downstream
 * therefore sees every enriched record's output exactly once, or not at all if the transaction aborted.
 *
 * <p>On a retriable failure the transaction is aborted and the consumer rewound to the last committed offsets, so
 * the same records are processed again. On fencing (another instance took the transactional id) the loop stops.
 * The consumer must use isolation.level=read_committed and enable.auto.commit=false; the producer a stable
 * transactional.id. Single-threaded: {@link #run()} on one thread, {@link #stop()} from any.
 */
public final class TransactionalPublisher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(TransactionalPublisher.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final ArticleRouter router;
    private final String inputTopic;
    private final PublisherMetrics metrics;
    private final PublisherHealth health;
    private final Duration pollTimeout;
    private final Duration retryBackoff;
    private final Duration commitInterval;
    private final int commitMaxRecords;
    /** The transaction open across polls, or null: committed once the interval from its first record is up. */
    private OpenTransaction open;
    /** The longest wait between retries of a batch that keeps failing. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private int consecutiveAborts;
    private volatile boolean running = true;
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();

    public TransactionalPublisher(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                                  ArticleRouter router, String inputTopic, PublisherMetrics metrics,
                                  PublisherHealth health, Duration pollTimeout, Duration retryBackoff) {
        this(consumer, producer, router, inputTopic, metrics, health, pollTimeout, retryBackoff, Duration.ZERO,
                Integer.MAX_VALUE);
    }

    /**
     * @param commitInterval how long a transaction stays open across polls from its first record: fewer commits (and
     *                       commit markers on every partition written) for at most this much latency; zero commits
     *                       after every poll that brought records
     * @param commitMaxRecords a transaction holding this many input records is committed after the poll that
     *                         brought them, before its interval is up: the latency bound at high rates
     */
    public TransactionalPublisher(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                                  ArticleRouter router, String inputTopic, PublisherMetrics metrics,
                                  PublisherHealth health, Duration pollTimeout, Duration retryBackoff,
                                  Duration commitInterval, int commitMaxRecords) {
        this.commitInterval = commitInterval;
        this.commitMaxRecords = commitMaxRecords;
        this.consumer = consumer;
        this.producer = producer;
        this.router = router;
        this.inputTopic = inputTopic;
        this.metrics = metrics;
        this.health = health;
        this.pollTimeout = pollTimeout;
        this.retryBackoff = retryBackoff;
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(inputTopic), new LoggingRebalanceListener());
            health.initialised();
            log.info("publish loop started: input={}", inputTopic);
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(pollTimeout);
                } catch (NoOffsetForPartitionException e) {
                    // this group never committed here: from the first record, nothing skipped
                    log.info("no committed offset for {}: reading from the beginning", e.partitions());
                    consumer.seekToBeginning(e.partitions());
                    continue;
                } catch (OffsetOutOfRangeException e) {
                    inputExpired(e.offsetOutOfRangePartitions());
                    continue;
                } catch (WakeupException e) {
                    if (running) throw e;
                    break;
                }
                health.polled();
                if (!records.isEmpty()) {
                    addToTransaction(records);
                }
                // enrich commits its output in bursts, so polls between them come back empty: the transaction stays
                // open across those too, until the interval is up or it holds enough records
                if (open != null && (System.nanoTime() - open.began >= commitInterval.toNanos()
                        || open.records >= commitMaxRecords)) {
                    commitOpen();
                }
            }
            // a clean stop commits what was published so far
            if (open != null) commitOpen();
        } catch (WakeupException e) {
            if (running) {
                fail(e);
            }
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthorizationException | UnsupportedVersionException e) {
            // cannot continue with this producer: another instance owns the transactional id, or the broker refuses
            fail(e);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            health.stopped();
            closeQuietly();
            log.info("publish loop stopped: published={} deadlettered={} aborted={}",
                    (long) metrics.publishedCount(), (long) metrics.deadLetteredCount(),
                    (long) metrics.abortedCount());
        }
    }

    /** What the open transaction holds: the next offsets of its input, and what it published, for the metrics. */
    private static final class OpenTransaction {
        final long began = System.nanoTime();
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        final Map<String, Integer> byTopic = new HashMap<>();
        int records;
        int published;
        int deadLetters;
    }

    private void addToTransaction(ConsumerRecords<byte[], byte[]> records) {
        if (open == null) {
            producer.beginTransaction();
            open = new OpenTransaction();
        }
        try {
            for (ConsumerRecord<byte[], byte[]> in : records) {
                OutputRecords out = router.route(in);
                for (ProducerRecord<byte[], byte[]> record : out.records()) {
                    producer.send(record);
                    open.byTopic.merge(record.topic(), 1, Integer::sum);
                }
                if (out.deadLettered()) {
                    open.deadLetters++;
                    log.warn("dead-lettered article={} from={}-{}@{} reason={}", out.articleId(), in.topic(),
                            in.partition(), in.offset(), out.reason());
                } else {
                    open.published++;
                }
                open.records++;
            }
            open.offsets.putAll(nextOffsets(records));
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthorizationException | UnsupportedVersionException e) {
            throw e;
        } catch (RuntimeException e) {
            // KafkaException from send, or a serializer that could not reach the registry: retry from the last commit
            abortAndRewind(records.partitions(), e);
        }
    }

    private void commitOpen() {
        OpenTransaction t = open;
        try {
            producer.sendOffsetsToTransaction(t.offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                 | AuthorizationException | UnsupportedVersionException e) {
            throw e;
        } catch (RuntimeException e) {
            abortAndRewind(Set.of(), e);
            return;
        }
        open = null;
        consecutiveAborts = 0;
        health.committed();
        metrics.committed(t.records, t.published, t.deadLetters, t.byTopic, System.nanoTime() - t.began);
        log.debug("committed transaction: records={} published={} deadlettered={}", t.records, t.published,
                t.deadLetters);
    }

    /** Aborts the open transaction and rewinds every partition it read, plus {@code alsoRead}, to its last commit. */
    private void abortAndRewind(Set<TopicPartition> alsoRead, RuntimeException cause) {
        Set<TopicPartition> read = new java.util.HashSet<>(alsoRead);
        int records = 0;
        if (open != null) {
            read.addAll(open.offsets.keySet());
            records = open.records;
        }
        open = null;
        Duration wait = backoff(retryBackoff, ++consecutiveAborts);
        log.warn("aborting transaction of {} records, retry {} in {} ms: {}", records, consecutiveAborts,
                wait.toMillis(), cause.toString());
        metrics.aborted();
        health.aborted(cause.toString());
        producer.abortTransaction();
        rewindToCommitted(read);
        sleep(wait);
    }

    /**
     * The wait before retry {@code n} of a batch: the base backoff doubled per consecutive abort, at most
     * {@link #MAX_BACKOFF}, so a cluster that fixes itself in a second is retried at once and one that takes minutes
     * (a broker down, a topic that cannot be created yet) is not hammered; reset by the next commit.
     */
    static Duration backoff(Duration base, int n) {
        long ms = base.toMillis() << Math.min(n - 1, 16);
        return Duration.ofMillis(Math.min(ms, Math.max(MAX_BACKOFF.toMillis(), base.toMillis())));
    }

    /**
     * The next records to publish were deleted before they were read (retention, or a topic recreated): they are
     * lost to every downstream reader. Said loudly, counted, and the loop goes on from the oldest record left.
     */
    private void inputExpired(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> start = consumer.beginningOffsets(positions.keySet());
        long lost = 0;
        for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
            long first = start.getOrDefault(e.getKey(), e.getValue());
            long gone = Math.max(0, first - e.getValue());
            lost += gone;
            log.error("publish input lost: {} offsets {}..{} of {} were deleted before publish read them (retention.ms of"
                            + " the topic, or the topic was recreated); going on from offset {}", gone, e.getValue(),
                    first - 1, e.getKey(), first);
            consumer.seek(e.getKey(), first);
        }
        metrics.inputExpired(lost);
        health.inputExpired(lost + " offsets of " + positions.keySet() + " deleted before they were read");
    }

    /** Seek back to the last committed offsets, so the aborted records are read again. */
    private void rewindToCommitted(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset != null) {
                consumer.seek(tp, offset.offset());
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> partRecords = records.records(tp);
            long last = partRecords.get(partRecords.size() - 1).offset();
            offsets.put(tp, new OffsetAndMetadata(last + 1));
        }
        return offsets;
    }

    /** Ends the loop after the current transaction; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    public Throwable failure() {
        return fatal.get();
    }

    private void fail(Throwable e) {
        fatal.set(e);
        // its transaction cannot be committed any more (the producer is fenced or refused): the broker aborts it, and
        // the revocation that closing the consumer triggers must not try to commit it on a closed producer
        open = null;
        health.failed(e.toString());
        log.error("publish loop failed, stopping: {}", e.toString(), e);
    }

    private void closeQuietly() {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("closing producer: {}", e.toString());
        }
        try {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            log.warn("closing consumer: {}", e.toString());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class LoggingRebalanceListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            log.info("partitions revoked: {}", partitions);
            // what was published from them is committed while this instance still owns them; the next owner reads
            // on from there
            if (open != null) commitOpen();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            log.info("partitions lost: {}", partitions);
            // no longer ours to commit: aborted, and the next owner reads them again from the last commit
            if (open != null) {
                open = null;
                try {
                    producer.abortTransaction();
                } catch (RuntimeException e) {
                    log.warn("aborting the transaction of lost partitions: {}", e.toString());
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.info("partitions assigned: {}", partitions);
        }
    }
}
