package io.newsflow.ingest.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What the poller remembers of one source between polls and across restarts (kept in Kafka, see {@link PollStateStore}):
 * the validators for the next conditional GET, the hash of the last body parsed, and how it has gone lately.
 */
public record PollState(String etag, String lastModified, long bodyHash, Instant lastSuccess, Instant lastAttempt,
                        int failures, Instant nextPoll) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final PollState NEW = new PollState(null, null, 0, null, null, 0, Instant.EPOCH);

    PollState withAttempt(Instant at, String newEtag, String newLastModified, long hash, boolean success, Instant next) {
        return new PollState(newEtag, newLastModified, hash, success ? at : lastSuccess, at, success ? 0 : failures + 1, next);
    }

    PollState failed(Instant at, Instant next) {
        return new PollState(etag, lastModified, bodyHash, lastSuccess, at, failures + 1, next);
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("etag", etag);
        n.put("last_modified", lastModified);
        n.put("body_hash", bodyHash);
        n.put("last_success", lastSuccess == null ? null : lastSuccess.toString());
        n.put("last_attempt", lastAttempt == null ? null : lastAttempt.toString());
        n.put("failures", failures);
        n.put("next_poll", nextPoll.toString());
        return n.toString();
    }

    public static PollState fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new PollState(text(n, "etag"), text(n, "last_modified"), n.path("body_hash").asLong(),
                    instant(n, "last_success"), instant(n, "last_attempt"), n.path("failures").asInt(),
                    instant(n, "next_poll") == null ? Instant.EPOCH : instant(n, "next_poll"));
        } catch (Exception e) {
            return NEW; // an unreadable state only costs one unconditional fetch
        }
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    private static Instant instant(JsonNode n, String f) {
        return n.hasNonNull(f) ? Instant.parse(n.get(f).asText()) : null;
    }
}
