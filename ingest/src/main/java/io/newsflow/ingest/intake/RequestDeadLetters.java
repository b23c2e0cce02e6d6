package io.newsflow.ingest.intake;

import io.newsflow.ingest.ItemError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead letters of one request's refused items, bounded: at most twice the request's bytes of payload, however
 * many items it refused. An item whose own text can be cut out is dead-lettered with that text, while the items'
 * share of the budget (the body's size) lasts; every other refused item is listed in one dead letter for the whole
 * document, which carries the body once. So 1,000 bad items in a 900 KiB body write about the body twice at most,
 * not the body a thousand times.
 */
final class RequestDeadLetters {
    /** Items named one by one in the document's dead letter; the rest are counted (the 4xx answer lists them all). */
    static final int LISTED = 50;

    /** One dead letter to write: its reason, type, place, item id and payload. */
    record Letter(String reason, String errorType, String location, String itemId, byte[] payload) {}

    private RequestDeadLetters() {}

    /**
     * @param requestId names the document in each reason
     * @param body      the request's bytes, as received (the document's dead letter carries them)
     */
    static List<Letter> of(List<ItemError> errors, byte[] body, String requestId) {
        List<Letter> letters = new ArrayList<>();
        List<ItemError> folded = new ArrayList<>();
        long itemBudget = body.length; // the items' own texts together: at most the body again
        for (ItemError e : errors) {
            byte[] own = e.raw() == null ? null : e.raw().getBytes(StandardCharsets.UTF_8);
            if (own != null && own.length <= itemBudget) {
                itemBudget -= own.length;
                letters.add(new Letter(e.describe(requestId), e.errorType(), e.location(), e.itemId(), own));
            } else {
                folded.add(e);
            }
        }
        if (!folded.isEmpty()) {
            letters.add(document(folded, errors.size(), body, requestId));
        }
        return letters;
    }

    private static Letter document(List<ItemError> folded, int refused, byte[] body, String requestId) {
        StringBuilder reason = new StringBuilder(requestId).append(": ").append(folded.size())
                .append(folded.size() == 1 ? " item" : " items").append(" refused, in this document");
        if (folded.size() < refused) reason.append(" (").append(refused - folded.size()).append(" more dead-lettered with their own text)");
        reason.append(": ");
        for (int i = 0; i < Math.min(LISTED, folded.size()); i++) {
            if (i > 0) reason.append("; ");
            reason.append(folded.get(i).describe("").substring(2)); // "location (id x): field 'f': reason"
        }
        if (folded.size() > LISTED) reason.append("; and ").append(folded.size() - LISTED).append(" more");
        String type = folded.stream().map(ItemError::errorType).distinct().count() == 1 ? folded.get(0).errorType() : "invalid_items";
        String id = folded.size() == 1 ? folded.get(0).itemId() : null;
        String location = folded.size() == 1 ? folded.get(0).location() : null;
        return new Letter(reason.toString(), type, location, id, body);
    }
}
