package io.newsflow.ingest.intake;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.FormatParser;
import io.newsflow.ingest.ItemError;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.ingest.UnknownFormatException;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestMetrics;
import io.newsflow.ingest.sources.SourceHealth;
import io.newsflow.ingest.support.DocumentTooLargeException;
import io.newsflow.ingest.support.Gzip;
import io.newsflow.schemas.article.ArticleRequirements;
import io.newsflow.schemas.article.ArticleRequirements.EventTime;
import io.newsflow.schemas.article.Violation;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.deadletter.DeadLetterReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest's core, the same for a pushed and a pulled document: bound, decode, parse, stamp, the door checks, dead
 * letters, produce. It answers with a typed {@link IntakeOutcome} once Kafka acknowledged every record (articles and
 * dead letters), or {@link IntakeOutcome.Unavailable} when it did not; HTTP is the caller's business.
 */
public final class Intake {
    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final IngestConfig config;
    private final ParserRegistry parsers;
    /** Feeds that declared the ninjs version they send get parsers fixed to it. */
    private final Map<String, ParserRegistry> parsersByFeed = new HashMap<>();
    private final Producer<String, Object> producer;
    private final IngestMetrics metrics;
    private final SourceHealth health;

    public Intake(IngestConfig config, ParserRegistry parsers, Producer<String, Object> producer, IngestMetrics metrics,
                  SourceHealth health) {
        this.config = config;
        this.parsers = parsers;
        config.feedNinjsVersions().forEach((feed, version) -> parsersByFeed.put(feed, parsers.withNinjsVersion(version)));
        this.producer = producer;
        this.metrics = metrics;
        this.health = health;
    }

    /** Without the sources' health told what each delivery brought (pushed documents only, tests). */
    public static Intake of(IngestConfig config, ParserRegistry parsers, Producer<String, Object> producer,
                            IngestMetrics metrics) {
        return new Intake(config, parsers, producer, metrics,
                new SourceHealth(SourceHealth.Settings.defaults(), java.time.Clock.systemUTC(), e -> { }));
    }

    /** Why a body of {@code bytes} is refused under a limit of {@code max}. */
    public static String overLimit(long bytes, long max) {
        return "body of " + bytes + " bytes is over the limit of " + max;
    }

    public IntakeOutcome take(Delivery d) {
        return take(d, UnaryOperator.identity());
    }

    /** With {@code eachArticle} applied to every parsed article before the door checks (a source's full text). */
    public IntakeOutcome take(Delivery d, UnaryOperator<Article> eachArticle) {
        byte[] raw = d.body();
        metrics.bodyBytes(raw.length);
        if (raw.length > config.maxBodyBytes()) {
            return refuse(d, Refusal.TOO_LARGE, overLimit(raw.length, config.maxBodyBytes()), null, null, 1);
        }
        String mediaType = new Document("x", d.contentType(), raw).mediaType();
        if (mediaType != null && !parsers.accepts(mediaType)) {
            return refuse(d, Refusal.UNSUPPORTED_MEDIA_TYPE, "unsupported content type '" + mediaType
                    + "' (send ninjs JSON, NewsML-G2, RSS, Atom, HTML or plain text)", null, null, 1);
        }
        String encoding = d.contentEncoding();
        boolean gzipped = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
        if (encoding != null && !gzipped && !encoding.equalsIgnoreCase("identity")) {
            return refuse(d, Refusal.UNSUPPORTED_ENCODING, "unsupported Content-Encoding '" + encoding
                    + "' (gzip or identity)", null, null, 1);
        }
        byte[] body;
        try {
            body = Gzip.maybeGunzip(raw, config.maxBodyBytes());
        } catch (DocumentTooLargeException e) {
            return refuse(d, Refusal.TOO_LARGE, e.getMessage(), null, null, 1);
        } catch (IllegalArgumentException e) {
            return refuse(d, Refusal.UNREADABLE_GZIP, e.getMessage(), null, null, 1);
        } catch (IOException e) {
            return refuse(d, Refusal.UNREADABLE_GZIP, "cannot read gzip body: " + e.getMessage(), null, null, 1);
        }
        if (body.length == 0) {
            return refuse(d, Refusal.EMPTY, "empty body", null, null, 1);
        }
        // refused before parsing when the body plainly holds far more items than allowed
        int counted = ItemCount.upTo(body, 2 * config.maxItems());
        if (counted > 2 * config.maxItems()) {
            return refuse(d, Refusal.TOO_MANY_ITEMS, "more than " + 2 * config.maxItems()
                    + " items in one request, the limit is " + config.maxItems(), null, null, counted);
        }
        Document doc = new Document(d.id(), d.contentType(), body);
        String format = "unknown";
        ParseResult result;
        try {
            FormatParser parser = parsersByFeed.getOrDefault(d.feed(), parsers).choose(doc, d.declaredFormat());
            format = parser.formats().get(0);
            result = parser.parse(doc);
            format = result.format();
        } catch (UnknownFormatException e) {
            return refuse(d, Refusal.UNKNOWN_FORMAT, e.getMessage(), e.location(), format, 1);
        } catch (ParseException e) {
            return refuse(d, Refusal.UNPARSEABLE, e.getMessage(), e.location(), format, 1);
        } catch (StackOverflowError e) {
            // a document nested deeper than a parser's recursion goes: refused by name, the thread goes on
            return refuse(d, Refusal.TOO_DEEP, "the " + format + " document is nested too deeply to read", null, format, 1);
        } catch (RuntimeException e) {
            // a parser bug must not lose the payload: it goes to the dead letters like any refusal
            log.warn("ingest {} feed={} parser failure", d.id(), d.feed(), e);
            return refuse(d, Refusal.PARSER_FAILED, "the " + format + " parser failed: " + e, null, format, 1);
        }
        int items = result.articles().size() + result.errors().size();
        if (items > config.maxItems()) {
            return refuse(d, Refusal.TOO_MANY_ITEMS, items + " items in one request, the limit is " + config.maxItems(),
                    null, format, items);
        }
        return store(d, raw, format, result, eachArticle);
    }

    /** Stamps and checks each parsed article; the refused ones and the parser's item errors become dead letters. */
    private IntakeOutcome store(Delivery d, byte[] raw, String format, ParseResult result, UnaryOperator<Article> eachArticle) {
        Instant now = Instant.now();
        List<Article> articles = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>(result.errors());
        for (int i = 0; i < result.articles().size(); i++) {
            Article a = eachArticle.apply(result.articles().get(i));
            // the parser's records are this delivery's own: stamped in place, not deep-copied through a builder
            a.setFeed(d.feed());
            a.setReceivedAt(now);
            EventTime eventTime = EventTime.of(a);
            a.setEventTimeFrom(eventTime == null ? null : eventTime.from());
            // what publish would refuse later is refused now, so an acceptance means the article comes out
            List<Violation> unfinished = ArticleRequirements.violations(a, "");
            if (unfinished.isEmpty()) {
                articles.add(a);
            } else {
                Violation first = unfinished.get(0);
                errors.add(new ItemError("article " + (i + 1), first.field(), unfinished.stream().map(Violation::problem)
                        .reduce((x, y) -> x + "; " + y).orElseThrow(), a.getId(), null, ItemError.UNFINISHED));
            }
        }
        List<DeadLetter> letters = new ArrayList<>();
        for (RequestDeadLetters.Letter l : RequestDeadLetters.of(errors, raw, d.id())) {
            letters.add(deadLetter(d, l.reason(), l.errorType(), l.location(), l.itemId(), format, l.payload(), now));
        }
        if (articles.isEmpty() && letters.isEmpty()) {
            letters.add(deadLetter(d, "no items in the document", "no_items", null, null, format, raw, now));
        }
        long t0 = System.nanoTime();
        try {
            produceAll(articles, letters);
        } catch (KafkaUnavailable e) {
            log.warn("ingest {} feed={} Kafka unavailable: {}", d.id(), d.feed(), e.getMessage());
            return new IntakeOutcome.Unavailable(e.getMessage());
        }
        metrics.produceLatency(Duration.ofNanos(System.nanoTime() - t0));
        if (!articles.isEmpty()) health.delivered(d.source(), d.kind(), articles.size());
        if (!errors.isEmpty()) health.refused(d.source(), d.kind(), errors.size());
        metrics.accepted(d.feed(), format, articles.size());
        metrics.refused(d.feed(), format, "invalid_item", errors.size());
        return new IntakeOutcome.Stored(format, articles, errors);
    }

    /** A whole-document refusal: its bytes and reason go to the dead letters first when its kind says so. */
    private IntakeOutcome refuse(Delivery d, Refusal refusal, String message, String location, String format, int count) {
        metrics.refused(d.feed(), format == null ? "unknown" : format, refusal.meterReason(), count);
        if (refusal.deadLettered()) {
            DeadLetter letter = deadLetter(d, d.id() + ": " + message, refusal.errorType(), location, null, format, d.body(),
                    Instant.now());
            try {
                produceAll(List.of(), List.of(letter));
            } catch (KafkaUnavailable e) {
                log.warn("ingest {} feed={} refused ({}) and Kafka unavailable for the dead letter: {}", d.id(), d.feed(),
                        message, e.getMessage());
                return new IntakeOutcome.Unavailable(e.getMessage());
            }
        }
        log.info("ingest {} feed={} refused {}: {}", d.id(), d.feed(), refusal, message);
        return new IntakeOutcome.Refused(refusal, message, location, format);
    }

    private static DeadLetter deadLetter(Delivery d, String reason, String errorType, String location, String itemId,
                                         String format, byte[] payload, Instant at) {
        return DeadLetterReport.of("ingest", reason, errorType).location(location).item(itemId)
                .origin(d.feed(), format, d.contentType()).payload(payload).at(at);
    }

    /** Sends every record, then waits for every ack; any failure or timeout means nothing can be promised. */
    private void produceAll(List<Article> articles, List<DeadLetter> letters) throws KafkaUnavailable {
        List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size() + letters.size());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.produceTimeoutMs());
        try {
            for (Article a : articles) acks.add(producer.send(new ProducerRecord<>(config.rawTopic(), a.getId(), a)));
            for (DeadLetter l : letters) {
                acks.add(producer.send(new ProducerRecord<>(config.deadLetterTopic(), null, l.getItemId(), l,
                        DeadLetterReport.headers(l))));
            }
            for (Future<RecordMetadata> f : acks) {
                long left = Math.max(1, deadline - System.nanoTime());
                f.get(left, TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new KafkaUnavailable(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            throw new KafkaUnavailable("no acknowledgement within " + config.produceTimeoutMs() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while waiting for Kafka");
        } catch (org.apache.kafka.common.KafkaException e) {
            // send() itself fails fast when metadata cannot be fetched within max.block.ms
            throw new KafkaUnavailable(e.toString());
        }
    }

    private static final class KafkaUnavailable extends Exception {
        KafkaUnavailable(String message) {
            super(message);
        }
    }
}
