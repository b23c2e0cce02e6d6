package io.newsflow.ingest;

/**
 * No parser reads the document: its content type is not one of the supported formats, or its bytes match none.
 * A kind of its own, so callers tell it from a document of a known format that is broken (an unsupported media
 * type, not a bad request).
 */
public final class UnknownFormatException extends ParseException {
    public UnknownFormatException(String message) {
        super(null, message);
    }
}
