package io.newsflow.harness.bench;

import io.newsflow.generator.WireItem;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.serde.SpecificAvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Skips the ingest HTTP service ({@code bench --entry raw}): parses each item with ingest's own parsers, stamps
 * received_at, and produces the Article to news.articles.raw as ingest would. The pipeline then measured is
 * enrich + publish (two hops), and the bench says so: it separates the HTTP front's cost from the Kafka hops.
 */
final class RawTopicEntry implements PipelineEntry {
    private final ParserRegistry parsers = ParserRegistry.defaults();
    private final KafkaProducer<String, Article> producer;
    private final AtomicLong accepted = new AtomicLong();
    private long refused;

    RawTopicEntry(String bootstrap, String registryUrl) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        SpecificAvroSerde<Article> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", true), false);
        producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer());
    }

    @Override
    public void submit(WireItem item) {
        ParseResult parsed;
        try {
            parsed = parsers.parse(new Document("bench", item.contentType(), item.body()), null);
        } catch (Exception e) {
            refused++;
            return;
        }
        Instant now = Instant.now();
        for (Article a : parsed.articles()) {
            a.setReceivedAt(now);
            a.setFeed("bench");
            producer.send(new ProducerRecord<>(Topics.RAW, a.getId(), a), (md, e) -> {
                if (e == null) {
                    accepted.incrementAndGet();
                }
            });
        }
    }

    @Override
    public void drain() {
        producer.flush();
    }

    @Override
    public long accepted() {
        return accepted.get();
    }

    @Override
    public String describe() {
        return "ingest parsers in-process -> " + Topics.RAW + " (ingest HTTP service skipped)"
                + (refused > 0 ? ", " + refused + " unparsable" : "");
    }

    @Override
    public void close() {
        producer.close();
    }
}
