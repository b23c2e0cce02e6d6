package io.newsflow.ingest;

/**
 * One item of a document that could not be turned into an article; the other items are unaffected.
 *
 * @param location where: {@code item 3}, {@code item 3 (line 41)}, {@code $[2]}
 * @param field    the field at fault, or null when the whole item is
 * @param reason   what is wrong, for people
 * @param itemId   the item's id when it has one, else null
 * @param raw      the item's original text when it can be cut out (for the dead-letter topic), else null
 * @param errorType the dead letter's {@code error_type}: {@link #INVALID_ITEM} (the format's rules) or
 *                  {@link #UNFINISHED} (valid, but without what a finished article needs)
 */
public record ItemError(String location, String field, String reason, String itemId, String raw, String errorType) {
    public static final String INVALID_ITEM = "invalid_item";
    public static final String UNFINISHED = "unfinished";

    /** An item its format's rules refuse. */
    public ItemError(String location, String field, String reason, String itemId, String raw) {
        this(location, field, reason, itemId, raw, INVALID_ITEM);
    }

    /** One line naming the document, the place, the field and the reason. */
    public String describe(String documentName) {
        StringBuilder sb = new StringBuilder(documentName).append(": ").append(location);
        if (itemId != null) sb.append(" (id ").append(itemId).append(')');
        if (field != null) sb.append(": field '").append(field).append('\'');
        return sb.append(": ").append(reason).toString();
    }
}
