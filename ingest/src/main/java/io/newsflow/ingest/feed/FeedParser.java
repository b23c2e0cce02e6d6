package io.newsflow.ingest.feed;

import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.FormatParser;
import io.newsflow.ingest.ItemError;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.support.Charsets;
import io.newsflow.ingest.support.Ids;
import io.newsflow.ingest.support.ItemException;
import io.newsflow.ingest.support.Languages;
import io.newsflow.ingest.support.SafeXml;
import io.newsflow.ingest.support.StartTagLines;
import io.newsflow.ingest.support.Texts;
import io.newsflow.schemas.avro.Article;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds via ROME. The bytes are decoded here (declared or sniffed
 * charset, Latin-1/windows-1252 fallback), HTML entities healed, and the XML parsed by {@link SafeXml};
 * ROME only maps the hardened DOM, so it never sees a DTD or an external entity.
 * Each entry becomes one article; an entry with nothing to identify it by is reported and skipped.
 */
public final class FeedParser implements FormatParser {
    /** Searched anywhere in the head (find, not a whole-text match with .* around it, which backtracks). */
    private static final Pattern RSS_ROOT = Pattern.compile("<(\\w+:)?(rss|RDF)[\\s>]");
    private static final Pattern FEED_ROOT = Pattern.compile("<(\\w+:)?feed[\\s>]");

    @Override
    public List<String> formats() {
        return List.of("rss", "atom");
    }

    @Override
    public int sniff(String head, String mediaType) {
        if (head.indexOf('<') < 0) return 0; // JSON or text: no element to look for
        if (RSS_ROOT.matcher(head).find()) return 95;
        boolean feed = FEED_ROOT.matcher(head).find();
        if (feed && head.contains("http://www.w3.org/2005/Atom")) return 95;
        return feed ? 70 : 0;
    }

    /**
     * The feed with ROME's fixes: leading blanks and comments trimmed, HTML entities ({@code &nbsp;}) made
     * numeric, a bare {@code &} made {@code &amp;}. A feed without any {@code &} that starts with an element or
     * declaration has nothing to fix and is used as it is; the fixer reads a char at a time, so that matters.
     */
    static String healed(String text) throws ParseException {
        if (text.indexOf('&') < 0 && text.startsWith("<") && !text.startsWith("<!")) return text;
        try (XmlFixerReader fixer = new XmlFixerReader(new UnsynchronizedReader(text))) {
            java.io.StringWriter out = new java.io.StringWriter(text.length());
            fixer.transferTo(out);
            return out.toString();
        } catch (IOException e) {
            throw new ParseException(null, "cannot read feed: " + e.getMessage(), e);
        }
    }

    /** A StringReader without its per-char lock: the fixer calls read() once per char. */
    private static final class UnsynchronizedReader extends java.io.Reader {
        private final String text;
        private int next;

        UnsynchronizedReader(String text) {
            this.text = text;
        }

        @Override
        public int read() {
            return next < text.length() ? text.charAt(next++) : -1;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (len == 0) return 0;
            if (next >= text.length()) return -1;
            int n = Math.min(len, text.length() - next);
            text.getChars(next, next + n, buf, off);
            next += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Override
    public ParseResult parse(Document doc) throws ParseException {
        String text = Charsets.decode(doc.bytes(), doc.declaredCharset()).text();
        String healed = healed(text);
        org.w3c.dom.Document dom = SafeXml.parse(healed);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(true); // to tell an RSS guid from the link ROME puts in its place
            feed = input.build(dom);
        } catch (FeedException | IllegalArgumentException e) {
            throw new ParseException(null, "not an RSS or Atom feed: " + e.getMessage(), e);
        }
        String format = feed.getFeedType() != null && feed.getFeedType().startsWith("atom") ? "atom" : "rss";
        String source = Texts.clean(feed.getTitle());
        String feedLanguage = feed.getLanguage();
        ParseResult.Builder result = new ParseResult.Builder(format);
        List<SyndEntry> entries = feed.getEntries();
        StartTagLines lines = new StartTagLines(healed, format.equals("atom") ? "entry" : "item");
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            String location = (format.equals("atom") ? "entry " : "item ") + (i + 1) + lines.suffix(i);
            try {
                result.add(toArticle(e, format, feed.getFeedType(), source, feedLanguage));
            } catch (ItemException ex) {
                result.error(new ItemError(location, ex.field(), ex.getMessage(), Texts.clean(e.getUri()), null));
            }
        }
        return result.build();
    }

    private static Article toArticle(SyndEntry e, String format, String feedType, String source, String feedLanguage) {
        String headline = Texts.htmlToText(e.getTitle());
        String url = Texts.clean(e.getLink());
        String summary = e.getDescription() == null ? null : Texts.htmlToText(e.getDescription().getValue());
        String body = body(e.getContents());
        if (summary != null && summary.equals(body)) summary = null;
        String id = Ids.stableId(sourceId(e, feedType), source, url, headline);
        if (id == null) id = Ids.stableId(null, source, null, summary != null ? summary : body);
        if (id == null) throw new ItemException(null, "entry has nothing to identify it by: no guid/id, link, title, description or content");
        Article.Builder a = Article.newBuilder()
                .setId(id)
                .setFormat(format)
                .setSource(source)
                .setUrl(url)
                .setHeadline(headline)
                .setSummary(summary)
                .setBody(body)
                .setByline(byline(e))
                .setCreated(e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant())
                .setUpdated(e.getUpdatedDate() == null ? null : e.getUpdatedDate().toInstant())
                .setKeywords(keywords(e.getCategories()));
        a.setLanguage(Languages.declaredOrDetected(feedLanguage, headline, summary, body));
        return a.build();
    }

    /**
     * The entry's own identifier: Atom id, RSS guid, RSS 1.0 rdf:about. ROME fills the uri with the link when an
     * RSS item has no guid; a link is no id, so such items get the contract's hash of source + url instead.
     */
    private static String sourceId(SyndEntry e, String feedType) {
        if (e.getWireEntry() instanceof Item item) {
            if (item.getGuid() != null && Texts.clean(item.getGuid().getValue()) != null) return item.getGuid().getValue();
            // RSS 1.0 items are identified by rdf:about; in RSS 0.9x/2.0 ROME's uri is only the link
            return feedType != null && feedType.startsWith("rss_1.0") ? item.getUri() : null;
        }
        return e.getUri();
    }

    private static String body(List<SyndContent> contents) {
        if (contents == null) return null;
        List<String> parts = new ArrayList<>();
        for (SyndContent c : contents) {
            String t = c.getType() != null && c.getType().toLowerCase(Locale.ROOT).contains("text") && !c.getType().contains("html")
                    ? Texts.paragraphsOf(String.valueOf(c.getValue()))
                    : Texts.htmlToText(c.getValue());
            if (t != null) parts.add(t);
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    private static String byline(SyndEntry e) {
        List<String> names = new ArrayList<>();
        if (e.getAuthors() != null) {
            for (SyndPerson p : e.getAuthors()) {
                String n = Texts.clean(p.getName());
                if (n != null && !names.contains(n)) names.add(n);
            }
        }
        if (names.isEmpty()) {
            String a = Texts.clean(e.getAuthor());
            if (a != null) names.add(a);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static List<String> keywords(List<SyndCategory> categories) {
        List<String> out = new ArrayList<>();
        if (categories == null) return out;
        for (SyndCategory c : categories) {
            String n = Texts.clean(c.getName());
            if (n != null && !out.contains(n)) out.add(n);
        }
        return out;
    }
}
