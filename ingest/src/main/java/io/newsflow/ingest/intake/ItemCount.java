package io.newsflow.ingest.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * How many items a body holds at most, found before it is parsed, so a body of a hundred thousand tiny items is
 * refused without building them all: the item tags of RSS, Atom and NewsML-G2 are counted in the bytes, the top-level
 * elements of a JSON array by a streaming read. An over-count (an item tag inside a CDATA section) only matters
 * past twice the limit, where the request is refused anyway.
 */
final class ItemCount {
    private static final byte[][] TAGS = {"<item".getBytes(), "<entry".getBytes(), "<newsItem".getBytes()};
    private static final JsonFactory JSON = new JsonFactory();

    private ItemCount() {}

    /** The count, stopping once it passes {@code stopAt}. */
    static int upTo(byte[] body, int stopAt) {
        int first = 0;
        while (first < body.length && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r' || body[first] == '\t'
                || (body[first] & 0xff) == 0xef || (body[first] & 0xff) == 0xbb || (body[first] & 0xff) == 0xbf)) first++;
        if (first < body.length && body[first] == '[') return jsonArray(body, stopAt);
        int n = 0;
        for (int i = 0; i < body.length && n <= stopAt; i++) {
            if (body[i] != '<') continue;
            for (byte[] tag : TAGS) {
                if (startsWith(body, i, tag) && i + tag.length < body.length) {
                    byte next = body[i + tag.length];
                    if (next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '/') {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    private static int jsonArray(byte[] body, int stopAt) {
        int n = 0;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) return 0;
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY && n <= stopAt; t = p.nextToken()) {
                n++;
                p.skipChildren();
            }
        } catch (IOException malformed) {
            // the parser will say what is wrong with it
        }
        return n;
    }

    private static boolean startsWith(byte[] b, int at, byte[] tag) {
        if (at + tag.length > b.length) return false;
        for (int k = 0; k < tag.length; k++) if (b[at + k] != tag[k]) return false;
        return true;
    }
}
