package io.newsflow.ingest.support;

/** One item is unusable: thrown while converting an item, caught per item and turned into an ItemError. */
public class ItemException extends RuntimeException {
    private final String field;

    public ItemException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
