package io.newsflow.publish.route;

import io.newsflow.schemas.deadletter.DeadLetterReport;
import io.newsflow.publish.config.PublishTopics;
import io.newsflow.publish.json.FinishedArticleJson;
import io.newsflow.publish.validate.FinishedArticleValidator;
import io.newsflow.schemas.article.Violation;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.topics.TopicProvisioningException;
import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.newsflow.schemas.registry.RegistryFailures;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Turns one record of news.articles.enriched into the records that go out in the same transaction.
 * Pure apart from the serializers and the country-topic callback, so it is tested without a broker.
 *
 * <p>Every output is keyed by the article id, so the default partitioner puts all versions of an article in one
 * partition of each topic and their order is kept. A finished article goes to news.articles (Avro), to
 * news.articles.json, to the topic of each tagged country (JSON) and to the latest view (Avro; a tombstone for
 * a kill notice). Anything else goes to the dead-letter topic with the original bytes and the reason.
 */
public final class ArticleRouter {
    /** Header carrying when ingest accepted the item (epoch millis, ASCII): end-to-end latency without decoding. */
    public static final String RECEIVED_AT_HEADER = "newsflow.received_at";
    public static final String COUNTRY_ROLE_HEADER = "newsflow.country_role";
    private static final String STAGE = "publish";

    private final PublishTopics topics;
    private final Deserializer<EnrichedArticle> enrichedDeserializer;
    private final Serializer<EnrichedArticle> articleSerializer;
    /** news.articles.latest gets news.articles' encoding, its own schema id written in */
    private final SameEncoding latestEncoding = new SameEncoding();
    private final Serializer<DeadLetter> deadLetterSerializer;
    private final FinishedArticleValidator validator;
    private final FinishedArticleJson json;
    private final Consumer<String> ensureCountryTopic;
    private final Clock clock;
    private final CountryCopies countryCopies;

    public ArticleRouter(PublishTopics topics, Deserializer<EnrichedArticle> enrichedDeserializer,
                         Serializer<EnrichedArticle> articleSerializer, Serializer<DeadLetter> deadLetterSerializer,
                         FinishedArticleValidator validator, FinishedArticleJson json,
                         Consumer<String> ensureCountryTopic, Clock clock) {
        this(topics, enrichedDeserializer, articleSerializer, deadLetterSerializer, validator, json, ensureCountryTopic,
                clock, CountryCopies.ALL);
    }

    public ArticleRouter(PublishTopics topics, Deserializer<EnrichedArticle> enrichedDeserializer,
                         Serializer<EnrichedArticle> articleSerializer, Serializer<DeadLetter> deadLetterSerializer,
                         FinishedArticleValidator validator, FinishedArticleJson json,
                         Consumer<String> ensureCountryTopic, Clock clock, CountryCopies countryCopies) {
        this.countryCopies = countryCopies;
        this.topics = topics;
        this.enrichedDeserializer = enrichedDeserializer;
        this.articleSerializer = articleSerializer;
        this.deadLetterSerializer = deadLetterSerializer;
        this.validator = validator;
        this.json = json;
        this.ensureCountryTopic = ensureCountryTopic;
        this.clock = clock;
    }

    public OutputRecords route(ConsumerRecord<byte[], byte[]> in) {
        if (in.value() == null) {
            return deadLetter(in, null, null, "empty value (tombstone) on " + in.topic(), "EmptyValue", null);
        }
        EnrichedArticle enriched;
        try {
            enriched = enrichedDeserializer.deserialize(in.topic(), in.headers(), in.value());
        } catch (RuntimeException e) {
            // the registry down is a broken pipeline: the caller retries the batch
            if (RegistryFailures.isTransient(e)) throw e;
            // bad data, not a broken pipeline: park it and move on
            return deadLetter(in, null, null, "cannot decode EnrichedArticle: " + e.getMessage(),
                    e.getClass().getSimpleName(), null);
        }
        if (enriched == null) {
            return deadLetter(in, null, null, "value decoded to null", "EmptyValue", null);
        }
        List<Violation> violations = validator.violations(enriched);
        Article article = enriched.getArticle();
        if (!violations.isEmpty()) {
            String reason = "not finished: " + violations.stream().map(Violation::toString)
                    .collect(Collectors.joining("; "));
            return deadLetter(in, article == null ? null : article.getId(), article, reason, "NotFinished",
                    violations.get(0).field());
        }
        try {
            return publish(enriched);
        } catch (RuntimeException e) {
            // what the registry or the cluster will fix by itself (a topic that cannot be created while a broker is
            // down) is retried by the caller, never dead-lettered
            if (RegistryFailures.isTransient(e) || TopicProvisioningException.isRetriable(e)) throw e;
            // can never be published as it is (its schema refused by the registry, say): park it and go on
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String message = String.valueOf(e.getMessage());
            String reason = root == e || message.contains(String.valueOf(root.getMessage())) ? message
                    : message + " (caused by " + root + ")";
            // the type that says why (IncompatibleSchemaException), not the serializer's wrapper
            return deadLetter(in, article == null ? null : article.getId(), article, "cannot publish: " + reason,
                    root.getClass().getSimpleName(), null);
        }
    }

    private OutputRecords publish(EnrichedArticle enriched) {
        Article article = enriched.getArticle();
        String id = article.getId();
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        Headers headers = new RecordHeaders();
        if (article.getReceivedAt() != null) {
            headers.add(RECEIVED_AT_HEADER,
                    Long.toString(article.getReceivedAt().toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        byte[] articleBytes = articleSerializer.serialize(topics.articles(), enriched);
        out.add(record(topics.articles(), key, articleBytes, headers));
        byte[] jsonBytes = json.toBytes(enriched);
        out.add(record(topics.articlesJson(), key, jsonBytes, headers));
        for (String code : countryCopies.codes(enriched.getCountries())) {
            String topic = topics.country(code);
            ensureCountryTopic.accept(topic);
            Headers countryHeaders = new RecordHeaders(headers.toArray());
            countryHeaders.add(COUNTRY_ROLE_HEADER, roleOf(enriched.getCountries(), code));
            out.add(record(topic, key, jsonBytes, countryHeaders));
        }
        byte[] latestValue = FinishedArticleValidator.isKillNotice(article)
                ? null // tombstone: compaction removes the article from the latest view
                : latestEncoding.forOther(articleBytes, () -> articleSerializer.serialize(topics.latest(), enriched));
        out.add(record(topics.latest(), key, latestValue, headers));
        return new OutputRecords(id, out, false, null);
    }

    private OutputRecords deadLetter(ConsumerRecord<byte[], byte[]> in, String id, Article article, String reason,
                                     String errorType, String location) {
        DeadLetter letter = DeadLetterReport.of(STAGE, reason, errorType).location(location).item(id)
                .origin(article == null ? null : article.getFeed(), article == null ? null : article.getFormat(), null)
                .source(in.topic(), in.partition(), in.offset()).payload(in.value()).at(clock.instant());
        byte[] key = id != null ? id.getBytes(StandardCharsets.UTF_8) : in.key();
        byte[] value = deadLetterSerializer.serialize(topics.deadLetter(), letter);
        String shownId = id != null ? id : in.topic() + "-" + in.partition() + "@" + in.offset();
        return new OutputRecords(shownId, List.of(record(topics.deadLetter(), key, value, DeadLetterReport.headers(letter))),
                true, reason);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, byte[] key, byte[] value, Headers headers) {
        return new ProducerRecord<>(topic, null, key, value, new RecordHeaders(headers.toArray()));
    }

    private static byte[] roleOf(List<CountryTag> tags, String code) {
        // an article can tag a country twice (focus and mentioned): the strongest role wins
        boolean focus = tags.stream().anyMatch(t -> t.getCode().equals(code) && t.getRole().name().equals("FOCUS"));
        return (focus ? "focus" : "mentioned").getBytes(StandardCharsets.US_ASCII);
    }
}
