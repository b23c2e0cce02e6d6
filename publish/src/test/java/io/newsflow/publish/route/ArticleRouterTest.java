package io.newsflow.publish.route;

import io.newsflow.publish.AvroBinarySerde;
import io.newsflow.publish.Fixtures;
import io.newsflow.publish.config.PublishTopics;
import io.newsflow.publish.json.FinishedArticleJson;
import io.newsflow.publish.validate.FinishedArticleValidator;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleRouterTest {
    private final AvroBinarySerde<EnrichedArticle> enrichedSerde = new AvroBinarySerde<>(EnrichedArticle.getClassSchema());
    private final AvroBinarySerde<DeadLetter> deadLetterSerde = new AvroBinarySerde<>(DeadLetter.getClassSchema());
    private final List<String> ensuredTopics = new ArrayList<>();
    private final PublishTopics topics = PublishTopics.defaults();
    private final ArticleRouter router = new ArticleRouter(topics, enrichedSerde, enrichedSerde, deadLetterSerde,
            new FinishedArticleValidator(), new FinishedArticleJson(), ensuredTopics::add,
            Clock.fixed(Fixtures.T0, ZoneOffset.UTC));

    private ConsumerRecord<byte[], byte[]> in(String key, byte[] value) {
        return new ConsumerRecord<>("news.articles.enriched", 2, 41L,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    @Test
    void finishedArticleGoesToEveryDownstreamTopicKeyedById() {
        EnrichedArticle e = Fixtures.enriched("a1").build();
        OutputRecords out = router.route(in("a1", enrichedSerde.serialize("t", e)));

        assertThat(out.deadLettered()).isFalse();
        assertThat(out.records()).extracting(ProducerRecord::topic).containsExactly("news.articles",
                "news.articles.json", "news.articles.country.BD", "news.articles.country.IN", "news.articles.latest");
        assertThat(out.records()).allSatisfy(r -> {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("a1");
            assertThat(r.value()).isNotNull();
            assertThat(r.partition()).as("partition left to the key hash, so order per article holds").isNull();
        });
        assertThat(enrichedSerde.deserialize("news.articles", out.records().get(0).value())).isEqualTo(e);
        assertThat(out.records().get(2).value()).isEqualTo(out.records().get(1).value());
        assertThat(new String(out.records().get(2).headers().lastHeader(ArticleRouter.COUNTRY_ROLE_HEADER).value(),
                StandardCharsets.US_ASCII)).isEqualTo("focus");
        assertThat(new String(out.records().get(3).headers().lastHeader(ArticleRouter.COUNTRY_ROLE_HEADER).value(),
                StandardCharsets.US_ASCII)).isEqualTo("mentioned");
        assertThat(new String(out.records().get(0).headers().lastHeader(ArticleRouter.RECEIVED_AT_HEADER).value(),
                StandardCharsets.US_ASCII)).isEqualTo(Long.toString(Fixtures.T0.plusSeconds(61).toEpochMilli()));
        assertThat(ensuredTopics).containsExactly("news.articles.country.BD", "news.articles.country.IN");
    }

    @Test
    void theCountryTopicsSettingChoosesWhichCountriesGetACopy() {
        EnrichedArticle e = Fixtures.enriched("a1").build();
        for (var c : java.util.Map.of(CountryCopies.FOCUS, List.of("news.articles.country.BD"),
                CountryCopies.NONE, List.<String>of()).entrySet()) {
            List<String> ensured = new ArrayList<>();
            ArticleRouter r = new ArticleRouter(topics, enrichedSerde, enrichedSerde, deadLetterSerde,
                    new FinishedArticleValidator(), new FinishedArticleJson(), ensured::add,
                    Clock.fixed(Fixtures.T0, ZoneOffset.UTC), c.getKey());
            List<String> written = r.route(in("a1", enrichedSerde.serialize("t", e))).records().stream()
                    .map(ProducerRecord::topic).filter(t -> t.startsWith("news.articles.country.")).toList();
            assertThat(written).as("%s", c.getKey()).isEqualTo(c.getValue());
            assertThat(ensured).as("topics made for %s", c.getKey()).isEqualTo(c.getValue());
        }
    }

    @Test
    void withdrawalIsForwardedAndTombstonesTheLatestView() {
        EnrichedArticle kill = Fixtures.enriched("a1")
                .setArticle(Fixtures.article("a1").setStatus(PublicationStatus.WITHDRAWN).build()).build();
        OutputRecords out = router.route(in("a1", enrichedSerde.serialize("t", kill)));

        ProducerRecord<byte[], byte[]> latest = out.records().get(out.records().size() - 1);
        assertThat(latest.topic()).isEqualTo("news.articles.latest");
        assertThat(latest.value()).isNull();
        assertThat(enrichedSerde.deserialize("news.articles", out.records().get(0).value()).getArticle().getStatus())
                .isEqualTo(PublicationStatus.WITHDRAWN);
        assertThat(new String(out.records().get(1).value(), StandardCharsets.UTF_8)).contains("\"status\":\"withdrawn\"");
    }

    @Test
    void unfinishedArticleIsDeadLetteredWithOriginalBytesAndReason() {
        EnrichedArticle e = Fixtures.enriched("a1").setStoryId(null).setEnrichedAt(null).build();
        byte[] original = enrichedSerde.serialize("t", e);
        OutputRecords out = router.route(in("a1", original));

        assertThat(out.deadLettered()).isTrue();
        assertThat(out.records()).hasSize(1);
        ProducerRecord<byte[], byte[]> r = out.records().get(0);
        assertThat(r.topic()).isEqualTo("news.deadletter");
        DeadLetter letter = deadLetterSerde.deserialize("news.deadletter", r.value());
        assertThat(letter.getStage()).isEqualTo("publish");
        assertThat(letter.getReason()).contains("enriched_at: not set").contains("story_id: no story attached");
        assertThat(letter.getItemId()).isEqualTo("a1");
        assertThat(letter.getPayload().array()).isEqualTo(original);
        assertThat(letter.getSourceTopic()).isEqualTo("news.articles.enriched");
        assertThat(letter.getSourcePartition()).isEqualTo(2);
        assertThat(letter.getSourceOffset()).isEqualTo(41L);
        // the headers every stage's dead letters carry
        assertThat(new String(r.headers().lastHeader("newsflow.dlq.stage").value())).isEqualTo("publish");
        assertThat(new String(r.headers().lastHeader("newsflow.dlq.source.offset").value())).isEqualTo("41");
        assertThat(ensuredTopics).isEmpty();
    }

    @Test
    void undecodableBytesAreDeadLetteredUnderTheOriginalKey() {
        byte[] garbage = {0, 0, 0, 0, 7, (byte) 0xff, (byte) 0xfe};
        OutputRecords out = router.route(in("k9", garbage));

        assertThat(out.deadLettered()).isTrue();
        ProducerRecord<byte[], byte[]> r = out.records().get(0);
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("k9");
        DeadLetter letter = deadLetterSerde.deserialize("news.deadletter", r.value());
        assertThat(letter.getReason()).startsWith("cannot decode EnrichedArticle");
        assertThat(letter.getPayload().array()).isEqualTo(garbage);
    }

    @Test
    void tombstoneInputIsDeadLetteredNotDropped() {
        OutputRecords out = router.route(in("a1", null));
        assertThat(out.deadLettered()).isTrue();
        assertThat(deadLetterSerde.deserialize("x", out.records().get(0).value()).getReason()).contains("tombstone");
    }

    private ArticleRouter routerWhoseCountryTopicsFail(RuntimeException cause) {
        return new ArticleRouter(topics, enrichedSerde, enrichedSerde, deadLetterSerde, new FinishedArticleValidator(),
                new FinishedArticleJson(), topic -> {
                    throw new io.newsflow.schemas.topics.TopicProvisioningException(topic, "cannot create topic " + topic
                            + ": " + cause.getMessage(), cause);
                }, Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
    }

    @Test
    void aCountryTopicTheClusterCannotCreateYetIsRetriedNotDeadLettered() {
        // a broker of three down: "Unable to replicate the partition 3 time(s)", what the cluster fixes by itself
        ArticleRouter r = routerWhoseCountryTopicsFail(new org.apache.kafka.common.errors.InvalidReplicationFactorException(
                "Unable to replicate the partition 3 time(s): The target replication factor of 3 cannot be reached "
                        + "because only 2 broker(s) are registered."));
        EnrichedArticle e = Fixtures.enriched("a1").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.route(in("a1", enrichedSerde.serialize("t", e))))
                .isInstanceOf(io.newsflow.schemas.topics.TopicProvisioningException.class)
                .hasMessageContaining("only 2 broker(s) are registered");
    }

    @Test
    void aCountryTopicThatCanNeverBeCreatedIsDeadLetteredWithTheReason() {
        ArticleRouter r = routerWhoseCountryTopicsFail(new org.apache.kafka.common.errors.PolicyViolationException(
                "topic names may not contain 'country'"));
        OutputRecords out = r.route(in("a1", enrichedSerde.serialize("t", Fixtures.enriched("a1").build())));
        assertThat(out.deadLettered()).isTrue();
        assertThat(out.reason()).contains("cannot publish: cannot create topic news.articles.country.BD")
                .contains("may not contain");
    }
}
