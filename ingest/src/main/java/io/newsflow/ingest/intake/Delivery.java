package io.newsflow.ingest.intake;

/**
 * A document for a feed, pushed over HTTP or pulled from a source: its bytes as they came, with the declared type and
 * encoding (null when absent) and, for a pulled source, the format it is configured with (null: sniffed).
 */
public record Delivery(String feed, String source, Origin origin, String id, String contentType, String contentEncoding,
                       String declaredFormat, byte[] body) {

    public enum Origin { PUSH, PULL }

    public Delivery {
        body = body == null ? new byte[0] : body;
    }

    String kind() {
        return origin == Origin.PUSH ? "push" : "pull";
    }
}
