package io.newsflow.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.ItemError;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.ingest.intake.Delivery;
import io.newsflow.ingest.intake.Intake;
import io.newsflow.ingest.intake.IntakeOutcome;
import io.newsflow.ingest.intake.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/articles} without the HTTP server: authenticate, bound the declared length, hand the body to
 * {@link Intake}, and answer its outcome in HTTP.
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
    private final Intake intake;
    private final IngestMetrics metrics;
    private final AtomicLong requestCounter = new AtomicLong();

    public IngestHandler(IngestConfig config, ParserRegistry parsers, Producer<String, Object> producer, IngestMetrics metrics) {
        this(config, Intake.of(config, parsers, producer, metrics), metrics);
    }

    public IngestHandler(IngestConfig config, Intake intake, IngestMetrics metrics) {
        this.config = config;
        this.keys = new ApiKeys(config.feedKeys());
        this.intake = intake;
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
            // the same refusal the intake makes of a body read over the limit, answered the same way
            return answer(new IntakeOutcome.Refused(Refusal.TOO_LARGE, Intake.overLimit(contentLength, config.maxBodyBytes()),
                    null, null));
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
        Response r = answer(intake.take(new Delivery(feed, feed, Delivery.Origin.PUSH, requestId, req.contentType(),
                req.contentEncoding(), null, req.body())));
        metrics.request(feed, r.status());
        log.info("ingest request={} feed={} status={} bytes={} ms={}", requestId, feed, r.status(),
                req.body() == null ? 0 : req.body().length, (System.nanoTime() - started) / 1_000_000);
        return r;
    }

    /** The HTTP answer to an outcome: 202 with the ids and versions stored, else the refusal's status and code. */
    Response answer(IntakeOutcome outcome) {
        if (outcome instanceof IntakeOutcome.Unavailable u) {
            return new Response(503, json("unavailable", "Kafka did not acknowledge the records; nothing is promised "
                    + "stored, retry later (" + u.why() + ")", null).toString(),
                    Map.of("Retry-After", Integer.toString(config.retryAfterSeconds())));
        }
        if (outcome instanceof IntakeOutcome.Refused r) {
            return new Response(status(r.refusal()), json(r.refusal().errorType(), r.message(), r.location()).toString(),
                    Map.of());
        }
        return stored((IntakeOutcome.Stored) outcome);
    }

    static int status(Refusal refusal) {
        return switch (refusal) {
            case TOO_LARGE, TOO_MANY_ITEMS -> 413;
            case EMPTY, UNREADABLE_GZIP, UNPARSEABLE -> 400;
            case UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_ENCODING, UNKNOWN_FORMAT -> 415;
            case TOO_DEEP, PARSER_FAILED -> 422;
        };
    }

    private static Response stored(IntakeOutcome.Stored s) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode rejected = JSON.createArrayNode();
        for (ItemError e : s.refused()) {
            ObjectNode r = rejected.addObject();
            r.put("location", e.location());
            r.put("field", e.field());
            r.put("id", e.itemId());
            r.put("reason", e.reason());
        }
        if (s.accepted().isEmpty()) {
            out.put("error", "unprocessable");
            out.put("message", s.refused().isEmpty() ? "no items in the " + s.format() + " document"
                    : "every item was refused (" + s.refused().size() + ")");
            out.put("format", s.format());
            out.set("rejected", rejected);
            return new Response(422, out.toString(), Map.of());
        }
        out.put("format", s.format());
        out.put("accepted", s.accepted().size());
        ArrayNode ids = out.putArray("ids");
        s.accepted().forEach(a -> ids.add(a.getId()));
        // what a feed (or a checker) needs to know which version of each article Kafka now holds
        ArrayNode versions = out.putArray("items");
        s.accepted().forEach(a -> versions.addObject().put("id", a.getId()).put("version", a.getVersion()));
        out.set("rejected", rejected);
        return new Response(202, out.toString(), Map.of());
    }

    private static ObjectNode json(String code, String message, String location) {
        ObjectNode out = JSON.createObjectNode();
        out.put("error", code);
        out.put("message", message);
        if (location != null) out.put("location", location);
        return out;
    }

    private static Response error(int status, String code, String message, Map<String, String> headers) {
        return new Response(status, json(code, message, null).toString(), new LinkedHashMap<>(headers));
    }
}
