package io.newsflow.generator;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP body the generator sends: what kind of item it is, which story and agency it belongs to, the Content-Type
 * and the bytes. {@code itemId} is the id the source gives (ninjs uri, RSS guid, NewsML guid); null for bad items.
 */
public record WireItem(Kind kind, WireFormat format, String agency, String storyKey, String itemId, int version,
                       String countryCode, String contentType, byte[] body) {

    public enum Kind {
        /** First version of an agency's take on a story. */
        NEW,
        /** A later version of an item already sent (same id, version + 1). */
        UPDATE,
        /** A kill notice for an item already sent. */
        WITHDRAWAL,
        /** Broken JSON or XML: ingest must refuse it with a reason. */
        MALFORMED
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
