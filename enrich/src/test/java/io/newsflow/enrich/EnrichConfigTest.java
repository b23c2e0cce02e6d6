package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    private static EnrichConfig of(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) p.setProperty(keyValues[i], keyValues[i + 1]);
        return EnrichConfig.fromProperties(p);
    }

    @Test
    void theCommitIntervalIsASettingOfItsOwnThatStreamsGets() {
        assertThat(of().streamsProperties().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(EnrichConfig.DEFAULT_COMMIT_INTERVAL_MS);
        assertThat(of("enrich.commit.interval.ms", "250").streamsProperties().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(250);
        // the Streams key itself, passed through as every other client key, still has the last word
        assertThat(of("enrich.commit.interval.ms", "250", "commit.interval.ms", "40").streamsProperties()
                .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("40");
    }

    @Test
    void aWrongCommitIntervalNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> of("enrich.commit.interval.ms", "-1"))
                .hasMessage("enrich.commit.interval.ms must be at least 0, got '-1'");
        assertThatThrownBy(() -> of("enrich.commit.interval.ms", "soon"))
                .hasMessage("enrich.commit.interval.ms must be a whole number, got 'soon'");
    }

    @Test
    void theCommitRecordBoundIsASettingAndABoundBelowOneIsRefused() {
        assertThat(of().commitMaxRecords()).isEqualTo(EnrichConfig.DEFAULT_COMMIT_MAX_RECORDS);
        assertThat(of("enrich.commit.max.records", "20").commitMaxRecords()).isEqualTo(20);
        assertThatThrownBy(() -> of("enrich.commit.max.records", "0"))
                .hasMessage("enrich.commit.max.records must be at least 1, got '0'");
        assertThat(of().commitBusyIntervalMs()).isEqualTo(EnrichConfig.DEFAULT_COMMIT_BUSY_INTERVAL_MS);
        assertThat(of("enrich.commit.busy.interval.ms", "50").commitBusyIntervalMs()).isEqualTo(50);
        assertThatThrownBy(() -> of("enrich.commit.busy.interval.ms", "-5"))
                .hasMessage("enrich.commit.busy.interval.ms must be at least 0, got '-5'");
    }

    @Test
    void aTransactionMayOutliveItsCommitIntervalByTheMarginOnly() {
        String key = StreamsConfig.producerPrefix("transaction.timeout.ms");
        assertThat(of().streamsProperties().get(key))
                .isEqualTo(EnrichConfig.DEFAULT_COMMIT_INTERVAL_MS + EnrichConfig.TRANSACTION_MARGIN_MS);
        // a long interval keeps its transactions from being aborted before they are due to commit
        assertThat(of("enrich.commit.interval.ms", "20000").streamsProperties().get(key))
                .isEqualTo(20_000 + EnrichConfig.TRANSACTION_MARGIN_MS);
        assertThat(of("producer.transaction.timeout.ms", "30000").streamsProperties().get(key)).isEqualTo("30000");
        assertThat(of().streamsProperties().get(StreamsConfig.consumerPrefix("session.timeout.ms")))
                .isEqualTo(EnrichConfig.SESSION_TIMEOUT_MS);
    }

    @Test
    void aStorySimilarityOutsideZeroToOneIsRefusedByName() {
        assertThatThrownBy(() -> of("enrich.story.similarity", "1.5"))
                .hasMessage("enrich.story.similarity must be above 0 and below 1, got '1.5'");
        assertThat(of("enrich.story.window", "PT6H").stories().gap()).as("a shorter window bounds the default gap")
                .isEqualTo(java.time.Duration.ofHours(6));
    }
}
