package io.newsflow.ingest.http;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestConfigTest {
    @Test
    void defaultsFollowTheContract() {
        IngestConfig c = IngestConfig.defaults();
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.feedKeys()).as("no default key outside the demo").isEmpty();
        assertThat(c.rawTopic()).isEqualTo("news.articles.raw");
        assertThat(c.deadLetterTopic()).isEqualTo("news.deadletter");
        assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void environmentOverridesTheFile() {
        Properties p = new Properties();
        p.setProperty("ingest.http.port", "9000");
        p.setProperty("ingest.feed.reuters.key", "k1");
        p.setProperty("producer.linger.ms", "20");
        IngestConfig c = IngestConfig.from(p, Map.of("NEWSFLOW_CONFIG_INGEST_HTTP_PORT", "9100", "NEWSFLOW_CONFIG_INGEST_FEED_AP_KEY", "k2",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "PATH", "/bin", "NEWSFLOW_CONFIG_SASL_MECHANISM", "PLAIN",
                "NEWSFLOW_CONFIG_BASIC_AUTH_USER_INFO", "u:p"));
        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.feedKeys()).containsOnly(Map.entry("reuters", "k1"), Map.entry("ap", "k2"));
        assertThat(c.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(c.producerOverrides()).containsEntry("linger.ms", "20");
        assertThat(IngestService.producerProperties(c)).containsEntry("linger.ms", "20").containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true).containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("basic.auth.user.info", "u:p").containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void badValuesFailEarlyNamingTheKey() {
        Properties p = new Properties();
        p.setProperty("ingest.max.items", "lots");
        assertThatThrownBy(() -> IngestConfig.from(p, Map.of())).hasMessage("ingest.max.items must be a whole number, got 'lots'");
        Properties q = new Properties();
        q.setProperty("ingest.max.body.bytes", "0");
        assertThatThrownBy(() -> IngestConfig.from(q, Map.of())).hasMessage("ingest.max.body.bytes must be at least 1, got '0'");
    }

    @Test
    void anIngestWithNoFeedRefusesToStartNamingWhatToSet() {
        assertThatThrownBy(() -> IngestService.requireFeeds(IngestConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ingest has no feeds").hasMessageContaining("ingest.feed.NAME.key")
                .hasMessageContaining("NEWSFLOW_CONFIG_INGEST_FEED_NAME_KEY");
        Properties pushed = new Properties();
        pushed.setProperty("ingest.feed.reuters.key", "k1");
        IngestService.requireFeeds(IngestConfig.from(pushed, Map.of()));
        Properties polled = new Properties();
        polled.setProperty("ingest.pull.bbc.url", "https://feeds.example.com/world.rss");
        IngestService.requireFeeds(IngestConfig.from(polled, Map.of()));
    }
}
