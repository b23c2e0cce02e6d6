package io.newsflow.ingest.intake;

/**
 * Why a whole document was refused: a type, not message text. Each kind says whether its bytes go to the dead-letter
 * topic (bounds that a sender could use to amplify dead letters do not), the error type its dead letter carries and
 * the reason its meter counts.
 */
public enum Refusal {
    /** Over the body limit, as sent or once gunzipped. */
    TOO_LARGE(false, "payload_too_large", "too_large"),
    /** More items than one request may carry. */
    TOO_MANY_ITEMS(false, "too_many_items", "too_many_items"),
    /** Nothing to read. */
    EMPTY(false, "bad_request", "empty"),
    /** A media type no parser reads. */
    UNSUPPORTED_MEDIA_TYPE(true, "unsupported_media_type", "content_type"),
    /** A Content-Encoding other than gzip or identity. */
    UNSUPPORTED_ENCODING(true, "unsupported_encoding", "encoding"),
    /** Declared gzip, but not readable as gzip. */
    UNREADABLE_GZIP(true, "bad_request", "gzip"),
    /** No parser recognises the document. */
    UNKNOWN_FORMAT(true, "unsupported_media_type", "unparseable"),
    /** The parser of its format could not read it. */
    UNPARSEABLE(true, "bad_request", "unparseable"),
    /** Nested deeper than a parser goes. */
    TOO_DEEP(true, "unprocessable", "too_deep"),
    /** The parser failed on it (a bug): the bytes are kept all the same. */
    PARSER_FAILED(true, "unprocessable", "parser_error");

    private final boolean deadLettered;
    private final String errorType;
    private final String meterReason;

    Refusal(boolean deadLettered, String errorType, String meterReason) {
        this.deadLettered = deadLettered;
        this.errorType = errorType;
        this.meterReason = meterReason;
    }

    public boolean deadLettered() {
        return deadLettered;
    }

    /** The dead letter's error type (and the HTTP answer's error code). */
    public String errorType() {
        return errorType;
    }

    String meterReason() {
        return meterReason;
    }
}
