package io.newsflow.ingest;

/**
 * Turns the bytes of one document (a file, a request body) in one wire format into articles.
 *
 * <p>Implementations are stateless and thread-safe. A document that cannot be read at all raises
 * {@link ParseException}; a document with some bad items returns the good ones plus one
 * {@link ItemError} per bad item.
 */
public interface FormatParser {

    /** Format names this parser answers to on the command line and in the article's {@code format}. */
    java.util.List<String> formats();

    /**
     * How sure this parser is that it can read the document, from its first bytes (already decoded
     * to text, BOM removed, leading whitespace kept): 0 = not mine, 100 = certain.
     */
    int sniff(String head, String mediaType);

    ParseResult parse(Document doc) throws ParseException;
}
