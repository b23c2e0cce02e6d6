package io.newsflow.ingest.support;

/** A document (or its uncompressed form) is over the size limit: refused whole, by its type, not its message. */
public final class DocumentTooLargeException extends IllegalArgumentException {
    public DocumentTooLargeException(String message) {
        super(message);
    }
}
