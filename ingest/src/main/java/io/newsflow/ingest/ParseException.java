package io.newsflow.ingest;

/** A whole document cannot be read; the message names the place (line, column or field) and the reason. */
public class ParseException extends Exception {
    private final String location;

    public ParseException(String location, String message) {
        this(location, message, null);
    }

    public ParseException(String location, String message, Throwable cause) {
        super(location == null ? message : location + ": " + message, cause);
        this.location = location;
    }

    /** Line/column or field, or null. */
    public String location() {
        return location;
    }
}
