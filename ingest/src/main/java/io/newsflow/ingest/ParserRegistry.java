package io.newsflow.ingest;

import io.newsflow.ingest.feed.FeedParser;
import io.newsflow.ingest.html.HtmlPageParser;
import io.newsflow.ingest.newsml.NewsMlParser;
import io.newsflow.ingest.ninjs.NinjsParser;
import io.newsflow.ingest.text.TextPageParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the parser for a document: by explicit format name, else by Content-Type, else by sniffing
 * the first bytes. Generic media types (application/xml, text/xml, application/json, application/octet-stream)
 * are only hints: the content decides among the parsers that read that family.
 */
public final class ParserRegistry {

    /** Format names accepted by {@code --format} (besides {@code auto}). */
    public static final List<String> FORMATS = List.of("ninjs", "newsml", "rss", "atom", "html", "text");

    /** Media types that name one format outright. */
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("application/ninjs+json", "ninjs"),
            Map.entry("application/vnd.iptc.ninjs+json", "ninjs"),
            Map.entry("application/vnd.iptc.g2.newsitem+xml", "newsml"),
            Map.entry("application/vnd.iptc.g2.packageitem+xml", "newsml"),
            Map.entry("application/vnd.iptc.g2.newsmessage+xml", "newsml"),
            Map.entry("application/newsml+xml", "newsml"),
            Map.entry("application/rss+xml", "rss"),
            Map.entry("application/rdf+xml", "rss"),
            Map.entry("application/atom+xml", "atom"),
            Map.entry("text/html", "html"),
            Map.entry("application/xhtml+xml", "html"),
            Map.entry("text/plain", "text"));

    /** Media types that say only "some JSON / some XML / some bytes": sniffing decides. */
    private static final Set<String> GENERIC = Set.of("application/json", "text/json", "application/xml", "text/xml",
            "application/octet-stream", "binary/octet-stream");

    private final Map<String, FormatParser> byFormat = new LinkedHashMap<>();
    private final List<FormatParser> parsers;

    public ParserRegistry(List<FormatParser> parsers) {
        this.parsers = List.copyOf(parsers);
        for (FormatParser p : parsers) for (String f : p.formats()) byFormat.put(f, p);
    }

    /** Every built-in format. */
    public static ParserRegistry defaults() {
        return new ParserRegistry(List.of(new NinjsParser(), new NewsMlParser(), new FeedParser(),
                new HtmlPageParser(), new TextPageParser()));
    }

    /**
     * The same parsers, but ninjs items are validated against one schema version ("2.1", "3.0", ...) instead of
     * the version each item declares or shows: for feeds that send a known version without saying so.
     *
     * @throws IllegalArgumentException naming the known versions when {@code ninjsVersion} is none of them
     */
    public ParserRegistry withNinjsVersion(String ninjsVersion) {
        NinjsParser fixed = new NinjsParser(ninjsVersion);
        List<FormatParser> replaced = new ArrayList<>();
        for (FormatParser p : parsers) replaced.add(p instanceof NinjsParser ? fixed : p);
        return new ParserRegistry(replaced);
    }

    /** Whether a media type is one we accept at all (null = undeclared = sniff). */
    public boolean accepts(String mediaType) {
        return mediaType == null || MEDIA_TYPES.containsKey(mediaType) || GENERIC.contains(mediaType);
    }

    /**
     * Parses with the named format, or with the detected one when format is null or "auto".
     *
     * @throws ParseException when the document is not readable in that format, or no format fits
     */
    public ParseResult parse(Document doc, String format) throws ParseException {
        return choose(doc, format).parse(doc);
    }

    /** The parser for this document; see {@link #parse(Document, String)}. */
    public FormatParser choose(Document doc, String format) throws ParseException {
        if (format != null && !format.isBlank() && !"auto".equalsIgnoreCase(format)) {
            FormatParser p = byFormat.get(format.toLowerCase(Locale.ROOT));
            if (p == null) throw new ParseException(null, "unknown format '" + format + "' (known: auto, " + String.join(", ", FORMATS) + ")");
            return p;
        }
        String media = doc.mediaType();
        if (media != null && !accepts(media)) {
            throw new UnknownFormatException("unsupported content type '" + media + "' (send ninjs JSON, NewsML-G2, RSS, Atom, HTML or plain text)");
        }
        String head = head(doc.bytes());
        if (media != null && MEDIA_TYPES.containsKey(media)) {
            FormatParser named = byFormat.get(MEDIA_TYPES.get(media));
            // trust the declaration unless the bytes plainly belong to another format
            if (named.sniff(head, media) > 0) return named;
        }
        FormatParser best = null;
        int bestScore = 0;
        for (FormatParser p : parsers) {
            int s = p.sniff(head, media);
            if (s > bestScore) {
                best = p;
                bestScore = s;
            }
        }
        if (best == null) {
            throw new UnknownFormatException("cannot tell the format" + (media == null ? "" : " of this " + media + " content")
                    + " (not ninjs JSON, NewsML-G2, RSS, Atom, HTML or text); give --format or a Content-Type");
        }
        return best;
    }

    /** The first 4 KiB as text for sniffing: BOM and NULs (UTF-16) dropped, bytes > 0x7F kept as Latin-1. */
    static String head(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        String s = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        if (s.startsWith("\u00EF\u00BB\u00BF")) s = s.substring(3);
        else if (s.startsWith("\u00FE\u00FF") || s.startsWith("\u00FF\u00FE")) s = s.substring(2).replace("\u0000", "");
        return s;
    }

    public List<FormatParser> parsers() {
        return new ArrayList<>(parsers);
    }
}
