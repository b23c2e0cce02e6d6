package io.newsflow.ingest.http;

import io.newsflow.ingest.UnknownFormatException;
import io.newsflow.ingest.support.DocumentTooLargeException;
import io.newsflow.schemas.deadletter.DeadLetterReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.FormatParser;
import io.newsflow.ingest.ItemError;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.ingest.support.Gzip;
import io.newsflow.schemas.avro.Article;
import io.newsflow.ingest.sources.SourceHealth;
import io.newsflow.schemas.article.ArticleRequirements;
import io.newsflow.schemas.article.ArticleRequirements.EventTime;
import io.newsflow.schemas.article.Violation;
import io.newsflow.schemas.avro.DeadLetter;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/articles} without the HTTP server: authenticate, bound, gunzip, parse, produce, answer.
 *
 * <p>202 carries the ids only after Kafka acknowledged every record of the request (articles and dead letters).
 * Anything refused goes to the dead-letter topic with the original bytes and the reason; if that cannot be
 * stored either, the answer is 503, never a 2xx or a 4xx for data that is not stored.
 */
public final class IngestHandler {
    private static final Logger log = LoggerFactory.getLogger(IngestHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What arrived: header values as sent (null when absent) and the raw body. */
    public record Request(String authorization, String contentType, String contentEncoding, Long contentLength, byte[] body) {}

    /** What to answer. */
    public record Response(int status, String json, Map<String, String> headers) {}

    private final IngestConfig config;
    private final ApiKeys keys;
    private final ParserRegistry parsers;
    private final SourceHealth health;
    /** Feeds that declared the ninjs version they send get parsers fixed to it. */
    private final Map<String, ParserRegistry> parsersByFeed = new HashMap<>();
    private final Producer<String, Object> producer;
    private final IngestMetrics metrics;
    private final AtomicLong requestCounter = new AtomicLong();

    public IngestHandler(IngestConfig config, ParserRegistry parsers, Producer<String, Object> producer, IngestMetrics metrics) {
        this(config, parsers, producer, metrics, new SourceHealth(SourceHealth.Settings.defaults(), java.time.Clock.systemUTC(), e -> {}));
    }

    /** With the health of sources told what each delivery brought. */
    public IngestHandler(IngestConfig config, ParserRegistry parsers, Producer<String, Object> producer, IngestMetrics metrics,
                         SourceHealth health) {
        this.health = health;
        this.config = config;
        this.keys = new ApiKeys(config.feedKeys());
        this.parsers = parsers;
        config.feedNinjsVersions().forEach((feed, version) -> parsersByFeed.put(feed, parsers.withNinjsVersion(version)));
        this.producer = producer;
        this.metrics = metrics;
    }

    /** Checks the Bearer key before the body is read: null when allowed, else the 401/403 answer. */
    public Response authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            metrics.request("unknown", 401);
            return error(401, "unauthorized", "send 'Authorization: Bearer <feed API key>'", Map.of("WWW-Authenticate", "Bearer"));
        }
        if (keys.feedFor(authorization.substring(7).trim()) == null) {
            metrics.request("unknown", 403);
            return error(403, "forbidden", "this API key belongs to no feed", Map.of());
        }
        return null;
    }

    /** Whether a declared Content-Length is already over the limit (answer 413 without reading). */
    public Response checkLength(Long contentLength, String feed) {
        if (contentLength != null && contentLength > config.maxBodyBytes()) {
            metrics.request(feed, 413);
            return error(413, "payload_too_large", "body of " + contentLength + " bytes is over the limit of " + config.maxBodyBytes(), Map.of());
        }
        return null;
    }

    public String feedOf(String authorization) {
        return authorization == null || authorization.length() < 8 ? null : keys.feedFor(authorization.substring(7).trim());
    }

    public Response handle(Request req) {
        Response denied = authenticate(req.authorization());
        if (denied != null) return denied;
        String feed = feedOf(req.authorization());
        Response tooLong = checkLength(req.contentLength(), feed);
        if (tooLong != null) return tooLong;
        String requestId = "req-" + Long.toString(System.currentTimeMillis(), 36) + "-" + requestCounter.incrementAndGet();
        long started = System.nanoTime();
        Response r = process(req, feed, requestId, null, feed, "push", java.util.function.UnaryOperator.identity());
        metrics.request(feed, r.status());
        log.info("ingest request={} feed={} status={} bytes={} ms={}", requestId, feed, r.status(),
                req.body() == null ? 0 : req.body().length, (System.nanoTime() - started) / 1_000_000);
        return r;
    }

    /**
     * A document a poller fetched for {@code feed}: the same limits, parsers, checks, dead letters and produce path
     * as a pushed one, without the API key (the source is configured, not calling in). {@code format} null or "auto"
     * sniffs. Answers once Kafka acknowledged every record, or 503 when it did not.
     */
    public Response handlePulled(String feed, String format, String contentType, byte[] body, String source) {
        return handlePulled(feed, format, contentType, body, source, java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #handlePulled(String, String, String, byte[], String)}, with {@code eachArticle} applied to every parsed
     * article before the door checks: where a source's full text is fetched from its article pages.
     */
    public Response handlePulled(String feed, String format, String contentType, byte[] body, String source,
                                 java.util.function.UnaryOperator<Article> eachArticle) {
        String requestId = "pull-" + source + "-" + Long.toString(System.currentTimeMillis(), 36) + "-" + requestCounter.incrementAndGet();
        long started = System.nanoTime();
        Response r = process(new Request(null, contentType, null, (long) body.length, body), feed, requestId,
                format == null || "auto".equals(format) ? null : format, source, "pull", eachArticle);
        metrics.request(feed, r.status());
        log.info("ingest pulled={} feed={} status={} bytes={} ms={}", requestId, feed, r.status(), body.length,
                (System.nanoTime() - started) / 1_000_000);
        return r;
    }

    private Response process(Request req, String feed, String requestId, String declaredFormat, String source, String kind,
                             java.util.function.UnaryOperator<Article> eachArticle) {
        byte[] raw = req.body() == null ? new byte[0] : req.body();
        metrics.bodyBytes(raw.length);
        if (raw.length > config.maxBodyBytes()) {
            return error(413, "payload_too_large", "body of " + raw.length + " bytes is over the limit of " + config.maxBodyBytes(), Map.of());
        }
        String mediaType = new Document("x", req.contentType(), raw).mediaType();
        if (mediaType != null && !parsers.accepts(mediaType)) {
            metrics.refused(feed, "unknown", "content_type", 1);
            return refuseWhole(415, "unsupported_media_type", "unsupported content type '" + mediaType
                    + "' (send ninjs JSON, NewsML-G2, RSS, Atom, HTML or plain text)", null, feed, null, req, raw, requestId);
        }
        byte[] body;
        try {
            boolean gzipped = req.contentEncoding() != null && req.contentEncoding().toLowerCase(Locale.ROOT).contains("gzip");
            if (req.contentEncoding() != null && !gzipped && !req.contentEncoding().equalsIgnoreCase("identity")) {
                return refuseWhole(415, "unsupported_encoding", "unsupported Content-Encoding '" + req.contentEncoding() + "' (gzip or identity)",
                        null, feed, null, req, raw, requestId);
            }
            body = Gzip.maybeGunzip(raw, config.maxBodyBytes());
        } catch (DocumentTooLargeException e) {
            metrics.refused(feed, "unknown", "too_large", 1);
            return error(413, "payload_too_large", e.getMessage(), Map.of());
        } catch (IllegalArgumentException e) {
            metrics.refused(feed, "unknown", "gzip", 1);
            return refuseWhole(400, "bad_request", e.getMessage(), null, feed, null, req, raw, requestId);
        } catch (IOException e) {
            return refuseWhole(400, "bad_request", "cannot read gzip body: " + e.getMessage(), null, feed, null, req, raw, requestId);
        }
        if (body.length == 0) {
            return error(400, "bad_request", "empty body", Map.of());
        }
        // refused before parsing when the body plainly holds far more items than allowed
        int counted = ItemCount.upTo(body, 2 * config.maxItems());
        if (counted > 2 * config.maxItems()) {
            metrics.refused(feed, "unknown", "too_many_items", counted);
            return error(413, "too_many_items", "more than " + 2 * config.maxItems() + " items in one request, the limit is "
                    + config.maxItems(), Map.of());
        }
        Document doc = new Document(requestId, req.contentType(), body);
        String format = "unknown";
        ParseResult result;
        try {
            FormatParser parser = parsersByFeed.getOrDefault(feed, parsers).choose(doc, declaredFormat);
            format = parser.formats().get(0);
            result = parser.parse(doc);
            format = result.format();
        } catch (UnknownFormatException e) {
            metrics.refused(feed, format, "unparseable", 1);
            return refuseWhole(415, "unsupported_media_type", e.getMessage(), e.location(), feed, format, req, raw, requestId);
        } catch (ParseException e) {
            metrics.refused(feed, format, "unparseable", 1);
            return refuseWhole(400, "bad_request", e.getMessage(), e.location(), feed, format, req, raw, requestId);
        } catch (StackOverflowError e) {
            // a document nested deeper than a parser's recursion goes: refused by name, the thread goes on
            metrics.refused(feed, format, "too_deep", 1);
            return refuseWhole(422, "unprocessable", "the " + format + " document is nested too deeply to read", null, feed,
                    format, req, raw, requestId);
        } catch (RuntimeException e) {
            // a parser bug must not lose the payload: it goes to the dead letters like any refusal
            log.warn("ingest request={} feed={} parser failure", requestId, feed, e);
            metrics.refused(feed, format, "parser_error", 1);
            return refuseWhole(422, "unprocessable", "the " + format + " parser failed: " + e, null, feed, format, req, raw, requestId);
        }
        int items = result.articles().size() + result.errors().size();
        if (items > config.maxItems()) {
            metrics.refused(feed, format, "too_many_items", items);
            return error(413, "too_many_items", items + " items in one request, the limit is " + config.maxItems(), Map.of());
        }
        Instant now = Instant.now();
        List<Article> articles = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>(result.errors());
        for (int i = 0; i < result.articles().size(); i++) {
            Article a = eachArticle.apply(result.articles().get(i));
            // the parser's records are this request's own: stamped in place, not deep-copied through a builder
            a.setFeed(feed);
            a.setReceivedAt(now);
            EventTime eventTime = EventTime.of(a);
            a.setEventTimeFrom(eventTime == null ? null : eventTime.from());
            // what publish would refuse later is refused now, so a 202 means the article comes out
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
        for (RequestDeadLetters.Letter l : RequestDeadLetters.of(errors, raw, requestId)) {
            letters.add(deadLetter(l.reason(), l.errorType(), l.location(), l.itemId(), feed, format, req.contentType(), l.payload(), now));
        }
        if (articles.isEmpty() && letters.isEmpty()) {
            letters.add(deadLetter("no items in the document", "no_items", null, null, feed, format, req.contentType(), raw, now));
        }
        long t0 = System.nanoTime();
        try {
            produceAll(articles, letters);
        } catch (KafkaUnavailable e) {
            log.warn("ingest request={} feed={} Kafka unavailable: {}", requestId, feed, e.getMessage());
            return unavailable(e.getMessage());
        }
        metrics.produceLatency(Duration.ofNanos(System.nanoTime() - t0));
        if (!articles.isEmpty()) {
            health.delivered(source, kind, articles.size());
        }
        if (!errors.isEmpty()) {
            health.refused(source, kind, errors.size());
        }
        metrics.accepted(feed, format, articles.size());
        metrics.refused(feed, format, "invalid_item", errors.size());
        ObjectNode out = JSON.createObjectNode();
        ArrayNode rejected = JSON.createArrayNode();
        for (ItemError e : errors) {
            ObjectNode r = rejected.addObject();
            r.put("location", e.location());
            r.put("field", e.field());
            r.put("id", e.itemId());
            r.put("reason", e.reason());
        }
        if (articles.isEmpty()) {
            out.put("error", "unprocessable");
            out.put("message", errors.isEmpty() ? "no items in the " + format + " document"
                    : "every item was refused (" + errors.size() + ")");
            out.put("format", format);
            out.set("rejected", rejected);
            return new Response(422, out.toString(), Map.of());
        }
        out.put("format", format);
        out.put("accepted", articles.size());
        ArrayNode ids = out.putArray("ids");
        articles.forEach(a -> ids.add(a.getId()));
        // what a feed (or a checker) needs to know which version of each article Kafka now holds
        ArrayNode versions = out.putArray("items");
        articles.forEach(a -> versions.addObject().put("id", a.getId()).put("version", a.getVersion()));
        out.set("rejected", rejected);
        return new Response(202, out.toString(), Map.of());
    }

    /** A whole-request refusal: the raw payload and reason go to the dead letters first (503 if they cannot). */
    private Response refuseWhole(int status, String code, String message, String location, String feed, String format,
                                 Request req, byte[] raw, String requestId) {
        DeadLetter dl = deadLetter(requestId + ": " + message, code, location, null, feed, format, req.contentType(), raw, Instant.now());
        try {
            produceAll(List.of(), List.of(dl));
        } catch (KafkaUnavailable e) {
            log.warn("ingest request={} feed={} refused ({}) and Kafka unavailable for the dead letter: {}", requestId, feed, message, e.getMessage());
            return unavailable(e.getMessage());
        }
        log.info("ingest request={} feed={} refused status={} reason={}", requestId, feed, status, message);
        ObjectNode out = JSON.createObjectNode();
        out.put("error", code);
        out.put("message", message);
        if (location != null) out.put("location", location);
        return new Response(status, out.toString(), Map.of());
    }

    private DeadLetter deadLetter(String reason, String errorType, String location, String itemId, String feed, String format, String contentType,
                                  byte[] payload, Instant at) {
        return DeadLetterReport.of("ingest", reason, errorType).location(location).item(itemId)
                .origin(feed, format, contentType).payload(payload).at(at);
    }

    /** Sends every record, then waits for every ack; any failure or timeout means nothing can be promised. */
    private void produceAll(List<Article> articles, List<DeadLetter> letters) throws KafkaUnavailable {
        List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size() + letters.size());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.produceTimeoutMs());
        try {
            for (Article a : articles) acks.add(producer.send(new ProducerRecord<>(config.rawTopic(), a.getId(), a)));
            for (DeadLetter d : letters) {
                acks.add(producer.send(new ProducerRecord<>(config.deadLetterTopic(), null, d.getItemId(), d,
                        DeadLetterReport.headers(d))));
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

    private Response unavailable(String why) {
        ObjectNode out = JSON.createObjectNode();
        out.put("error", "unavailable");
        out.put("message", "Kafka did not acknowledge the records; nothing is promised stored, retry later (" + why + ")");
        return new Response(503, out.toString(), Map.of("Retry-After", Integer.toString(config.retryAfterSeconds())));
    }

    private static Response error(int status, String code, String message, Map<String, String> headers) {
        ObjectNode out = JSON.createObjectNode();
        out.put("error", code);
        out.put("message", message);
        return new Response(status, out.toString(), new LinkedHashMap<>(headers));
    }

    private static final class KafkaUnavailable extends Exception {
        KafkaUnavailable(String message) {
            super(message);
        }
    }
}
