package io.newsflow.publish.config;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublisherConfigTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsFollowTheContractAndTheTransactionalIdIsStablePerInstance() {
        PublisherConfig c = PublisherConfig.fromProperties(props());
        assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(c.topics().articles()).isEqualTo("news.articles");
        assertThat(c.topics().country("ru")).isEqualTo("news.articles.country.RU");
        assertThat(c.transactionalId()).isEqualTo("newsflow-publish-0");
        assertThat(PublisherConfig.fromProperties(props("publish.instance.id", "b")).transactionalId())
                .isEqualTo("newsflow-publish-b");
    }

    @Test
    void clientOverridesArePassedThroughByPrefix() {
        PublisherConfig c = PublisherConfig.fromProperties(props("consumer.max.poll.records", "50",
                "producer.linger.ms", "20", "topics.name.latest", "x.latest"));
        assertThat(c.consumerOverrides()).containsEntry("max.poll.records", "50");
        assertThat(c.producerOverrides()).containsEntry("linger.ms", "20");
        assertThat(c.topics().latest()).isEqualTo("x.latest");
    }

    @Test
    void settingsThatWouldBreakExactlyOnceAreRefusedWithHowToFix() {
        assertThatThrownBy(() -> PublisherConfig.fromProperties(props("consumer.isolation.level", "read_uncommitted")))
                .hasMessageContaining("must stay read_committed");
        assertThatThrownBy(() -> PublisherConfig.fromProperties(props("consumer.enable.auto.commit", "true")))
                .hasMessageContaining("committed inside the publish transaction");
        assertThatThrownBy(() -> PublisherConfig.fromProperties(props("publish.instance.id", " ")))
                .hasMessageContaining("publish.instance.id is empty");
        assertThatThrownBy(() -> PublisherConfig.fromProperties(props("topics.partitions", "six")))
                .hasMessage("topics.partitions must be a whole number, got 'six'");
    }

    @Test
    void transactionsSpanPollsUpToTheCommitIntervalAndANegativeOneIsRefused() {
        assertThat(PublisherConfig.fromProperties(props()).commitInterval()).hasMillis(1000);
        assertThat(PublisherConfig.fromProperties(props("publish.commit.interval.ms", "0")).commitInterval()).isZero();
        assertThatThrownBy(() -> PublisherConfig.fromProperties(props("publish.commit.interval.ms", "-5")))
                .hasMessage("publish.commit.interval.ms must be at least 0, got '-5'");
    }

    @Test
    void aTransactionIsBoundedByItsRecordsTooAndABoundBelowOneIsRefused() {
        assertThat(PublisherConfig.fromProperties(props()).commitMaxRecords())
                .isEqualTo(PublisherConfig.DEFAULT_COMMIT_MAX_RECORDS);
        assertThat(PublisherConfig.fromProperties(props("publish.commit.max.records", "10")).commitMaxRecords())
                .isEqualTo(10);
        assertThatThrownBy(() -> PublisherConfig.fromProperties(props("publish.commit.max.records", "0")))
                .hasMessage("publish.commit.max.records must be at least 1, got '0'");
    }

    @Test
    void whichCountriesGetACopyIsASettingAndAnUnknownValueIsRefused() {
        assertThat(PublisherConfig.fromProperties(props()).countryCopies())
                .isEqualTo(io.newsflow.publish.route.CountryCopies.ALL);
        assertThat(PublisherConfig.fromProperties(props("publish.country.topics", "none")).countryCopies())
                .isEqualTo(io.newsflow.publish.route.CountryCopies.NONE);
        assertThat(PublisherConfig.fromProperties(props("publish.country.topics", " Focus ")).countryCopies())
                .isEqualTo(io.newsflow.publish.route.CountryCopies.FOCUS);
        assertThatThrownBy(() -> PublisherConfig.fromProperties(props("publish.country.topics", "most")))
                .hasMessage("publish.country.topics must be one of all, focus, none, got 'most'");
    }
}
