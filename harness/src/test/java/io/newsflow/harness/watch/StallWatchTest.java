package io.newsflow.harness.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The watch's rules on offsets a test sets; {@link StallWatchKafkaTest} reads them from a real broker. */
class StallWatchTest {
    private static final String ENRICHED = "news.articles.enriched";
    private static final TopicPartition P0 = new TopicPartition(ENRICHED, 0);

    /** Offsets of one partition, set by the test; records in a range are what it says, markers not counted. */
    private static final class FakeOffsets implements StallWatch.Offsets {
        long start;
        long stable;
        long end;
        Long committed;
        long recordsWaiting;

        @Override
        public List<TopicPartition> partitions(List<String> topics) {
            return List.of(P0);
        }

        @Override
        public Map<TopicPartition, Long> committed(String group) {
            Map<TopicPartition, Long> m = new HashMap<>();
            if (committed != null) m.put(P0, committed);
            return m;
        }

        @Override
        public Map<TopicPartition, Long> stable(Collection<TopicPartition> partitions) {
            return Map.of(P0, stable);
        }

        @Override
        public Map<TopicPartition, Long> end(Collection<TopicPartition> partitions) {
            return Map.of(P0, end);
        }

        @Override
        public Map<TopicPartition, Long> start(Collection<TopicPartition> partitions) {
            return Map.of(P0, start);
        }

        @Override
        public long records(Map<TopicPartition, long[]> ranges) {
            return recordsWaiting;
        }
    }

    private final FakeOffsets offsets = new FakeOffsets();
    private long nanos;
    private final StallWatch watch = new StallWatch(offsets,
            List.of(new StallWatch.Stage("publish", "newsflow-publish", List.of(ENRICHED))),
            Map.of(ENRICHED, "enrich"), Duration.ofSeconds(60), () -> nanos);

    private List<String> after(Duration d) {
        nanos += d.toNanos();
        return watch.check();
    }

    @Test
    void recordsThatWaitLongerThanTheBoundWithNoneTakenNameTheStage() {
        offsets.committed = 10L;
        offsets.stable = 13;
        offsets.end = 13;
        offsets.recordsWaiting = 3;
        assertThat(after(Duration.ZERO)).isEmpty();
        assertThat(after(Duration.ofSeconds(59))).as("within the bound").isEmpty();
        assertThat(after(Duration.ofSeconds(2))).containsExactly(
                "publish: 3 records wait on news.articles.enriched and none was taken for 61 s (group newsflow-publish)");
    }

    @Test
    void aStageThatTakesRecordsIsNeverStalledHoweverManyWait() {
        offsets.committed = 0L;
        offsets.recordsWaiting = 500;
        for (int i = 1; i <= 10; i++) {
            offsets.committed = i * 50L; // takes 50 every 30 s while more arrive
            offsets.stable = offsets.end = offsets.committed + 500;
            assertThat(after(Duration.ofSeconds(30))).isEmpty();
        }
    }

    @Test
    void markersAloneAreNotWorkAndARecordAfterALongIdleSpellGetsTheWholeBound() {
        offsets.committed = 41L;
        offsets.stable = offsets.end = 42; // the commit marker after the last record
        offsets.recordsWaiting = 0;
        assertThat(after(Duration.ZERO)).isEmpty();
        assertThat(after(Duration.ofMinutes(10))).as("idle, markers only").isEmpty();
        offsets.stable = offsets.end = 44;
        offsets.recordsWaiting = 1; // one record arrives after ten idle minutes
        assertThat(after(Duration.ofSeconds(5))).isEmpty();
        assertThat(after(Duration.ofSeconds(50))).isEmpty();
        assertThat(after(Duration.ofSeconds(10))).singleElement().asString().contains("1 records wait").contains("60 s");
    }

    @Test
    void aTransactionLeftOpenOnTheInputNamesTheStageThatWaitsAndTheOneThatWrites() {
        offsets.committed = 5L;
        offsets.stable = 5; // read_committed readers stop here
        offsets.end = 9;    // four offsets of an open transaction
        assertThat(after(Duration.ZERO)).isEmpty();
        assertThat(after(Duration.ofSeconds(30))).isEmpty();
        assertThat(after(Duration.ofSeconds(31))).containsExactly("publish: news.articles.enriched-0 held by a transaction"
                + " open 61 s (written by enrich): nothing past offset 5 can be read, 4 offsets wait behind it");
        offsets.stable = offsets.end = 10; // committed at last
        offsets.recordsWaiting = 4;
        assertThat(after(Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aTransactionThatMovesOnIsNotHeld() {
        offsets.committed = 0L;
        for (int i = 1; i <= 10; i++) {
            offsets.stable = i * 10L;     // each transaction commits,
            offsets.end = i * 10L + 3;    // the next is open
            offsets.committed = offsets.stable;
            assertThat(after(Duration.ofSeconds(30))).isEmpty();
        }
    }

    @Test
    void recordsDeletedBeforeTheStageReadThemAreTold() {
        offsets.committed = 0L;
        offsets.start = 1; // offset 0 gone to retention
        offsets.stable = offsets.end = 2;
        assertThat(after(Duration.ZERO)).containsExactly(
                "publish: offsets 0..0 of news.articles.enriched-0 were deleted (retention) before publish read them");
    }
}
