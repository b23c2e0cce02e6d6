package io.newsflow.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.topics.TopicContract.Role;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TopicContractTest {
    static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return p;
    }

    @Test
    void replicationFollowsTheClusterSize() {
        TopicContract c = TopicContract.defaults();
        assertThat(c.resolvedFor(1).replicationFactor()).isEqualTo((short) 1);
        assertThat(c.resolvedFor(1).minInsyncReplicas()).isEqualTo(1);
        assertThat(c.resolvedFor(2).replicationFactor()).isEqualTo((short) 2);
        assertThat(c.resolvedFor(2).minInsyncReplicas()).isEqualTo(1);
        assertThat(c.resolvedFor(3).replicationFactor()).isEqualTo((short) 3);
        assertThat(c.resolvedFor(3).minInsyncReplicas()).isEqualTo(2);
        assertThat(c.resolvedFor(5).replicationFactor()).isEqualTo((short) 3);
        assertThat(c.resolvedFor(3).streamsInternalTopicSettings())
                .containsEntry("replication.factor", "3").containsEntry("topic.min.insync.replicas", "2");
    }

    @Test
    void compactionAndRetentionWhereTheContractSaysSo() {
        TopicContract c = TopicContract.fromProperties(props("topics.deadletter.retention.ms", "1000")).resolvedFor(3);
        assertThat(c.spec(Role.TRENDING).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(c.spec(Role.TRENDING).partitions()).isEqualTo(1);
        assertThat(c.spec(Role.LATEST).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(c.spec(Role.DEADLETTER).configs()).containsEntry("retention.ms", "1000");
        assertThat(c.spec(Role.RAW).configs()).containsEntry("min.insync.replicas", "2").doesNotContainKey("cleanup.policy");
        assertThat(c.spec(Role.RAW).partitions()).isEqualTo(6);
        assertThat(c.all()).extracting(TopicSpec::name).contains("news.articles.raw", "news.articles.latest", "news.trending",
                "news.deadletter", "news.engagement");
        assertThat(c.countrySpec("ru").name()).isEqualTo("news.articles.country.RU");
    }

    @Test
    void everyTopicOfThePipelineIsTimedByTheBrokerSoOldArticlesAreNotExpiredOnArrival() {
        TopicContract c = TopicContract.defaults().resolvedFor(1);
        assertThat(c.all()).allSatisfy(s -> assertThat(s.configs()).as(s.name())
                .containsEntry("message.timestamp.type", "LogAppendTime"));
        assertThat(c.countrySpec("BD").configs()).containsEntry("message.timestamp.type", "LogAppendTime");
        // the bench's input keeps its producer's times; its broker-clock outputs are timed by the broker
        assertThat(c.benchSpec("bench-in", false).configs()).doesNotContainKey("message.timestamp.type");
        assertThat(c.benchSpec("bench-out", true).configs()).containsEntry("message.timestamp.type", "LogAppendTime");
    }

    @Test
    void namesAndCountsFromConfig() {
        TopicContract c = TopicContract.fromProperties(props("topics.name.raw", "in", "topics.partitions", "12",
                "topics.name.country.prefix", "cc.", "topics.country.partitions", "2")).resolvedFor(1);
        assertThat(c.spec(Role.RAW).name()).isEqualTo("in");
        assertThat(c.spec(Role.ENRICHED).partitions()).isEqualTo(12);
        assertThat(c.countrySpec("FR").name()).isEqualTo("cc.FR");
        assertThat(c.countrySpec("FR").partitions()).isEqualTo(2);
    }

    @Test
    void settingsThatCanNeverWorkFailEarlyNamingTheKey() {
        assertThatThrownBy(() -> TopicContract.fromProperties(props("topics.replication.factor", "2", "topics.min.insync.replicas", "3")))
                .hasMessageContaining("topics.min.insync.replicas=3 is more than topics.replication.factor=2");
        assertThatThrownBy(() -> TopicContract.fromProperties(props("topics.replication.factor", "3")).resolvedFor(1))
                .hasMessageContaining("needs 3 brokers; the cluster has 1");
        assertThatThrownBy(() -> TopicContract.fromProperties(props("topics.partitions", "0")))
                .hasMessageContaining("topics.partitions");
        assertThatThrownBy(() -> TopicContract.fromProperties(props("topics.name.raw", " ")))
                .hasMessageContaining("topics.name.raw cannot be empty");
    }

    @Test
    void thePreviousReleasesPerServiceTopicKeysStillNameTheirTopic() {
        TopicContract c = TopicContract.fromProperties(props("publish.topic.latest", "x.latest"));
        assertThat(c.name(Role.LATEST)).isEqualTo("x.latest");
        assertThat(TopicContract.fromProperties(props("ingest.topic.raw", "in", "topics.name.raw", "in")).name(Role.RAW))
                .as("both keys, one name").isEqualTo("in");
        assertThat(TopicContract.fromProperties(props("publish.topic.country.prefix", "c.")).countryPrefix()).isEqualTo("c.");
    }

    @Test
    void theSameTopicNamedTwoWaysIsRefusedNamingTheKeyToKeep() {
        assertThatThrownBy(() -> TopicContract.fromProperties(props("enrich.topic.enriched", "a", "topics.name.enriched", "b")))
                .hasMessageContaining("enrich.topic.enriched=a and topics.name.enriched=b name the same topic differently")
                .hasMessageContaining("keep topics.name.enriched");
    }

    @Test
    void aBlankEngagementKeyStillTurnsTheEngagementInputOff() {
        assertThat(TopicContract.legacyEngagementOff(props("enrich.topic.engagement", ""))).isTrue();
        assertThat(TopicContract.legacyEngagementOff(props("enrich.topic.engagement", "eng"))).isFalse();
        assertThat(TopicContract.legacyEngagementOff(new Properties())).isFalse();
        assertThat(TopicContract.fromProperties(props("enrich.topic.engagement", "")).name(Role.ENGAGEMENT))
                .isEqualTo("news.engagement");
    }
}
