package io.newsflow.ingest.html;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.FormatParser;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.support.Charsets;
import io.newsflow.ingest.support.Ids;
import io.newsflow.ingest.support.Texts;
import io.newsflow.schemas.avro.Article;

import java.util.ArrayList;
import java.util.List;

/**
 * HTML article pages: {@link HtmlArticleExtractor} reads the metadata (JSON-LD, OpenGraph, meta tags) and
 * the main text; this maps it to one article. The page's charset comes from its meta tag, the
 * Content-Type, or sniffing. The document name is passed as the page url only when it is an http(s) url.
 */
public final class HtmlPageParser implements FormatParser {

    public static final String FORMAT = "html";
    private static final java.util.regex.Pattern FIRST_ELEMENT =
            java.util.regex.Pattern.compile("^\\s*(?:<!--.*?-->\\s*)*<([a-z][a-z0-9]*)", java.util.regex.Pattern.DOTALL);
    private static final java.util.Set<String> HTML_ROOTS = java.util.Set.of("head", "body", "meta", "title", "div", "article",
            "main", "section", "p", "header", "link", "script", "style");
    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    @Override
    public List<String> formats() {
        return List.of(FORMAT);
    }

    @Override
    public int sniff(String head, String mediaType) {
        String t = head.stripLeading().toLowerCase(java.util.Locale.ROOT);
        // XML whose root is not html (NewsML fragments with an XHTML body inside) is not a web page
        if (t.startsWith("<?xml") && !t.contains("<html")) return 0;
        if (t.startsWith("<!doctype html") || t.startsWith("<html") || t.contains("<html")) return 90;
        // fragments: only when the first element is an HTML one (an XML root like <contentSet> is not a page)
        java.util.regex.Matcher first = FIRST_ELEMENT.matcher(t);
        if (first.find() && HTML_ROOTS.contains(first.group(1)) && (t.contains("<head") || t.contains("<body") || t.contains("<p"))) return 50;
        return 0;
    }

    @Override
    public ParseResult parse(Document doc) throws ParseException {
        String html = Charsets.decode(doc.bytes(), doc.declaredCharset()).text();
        String pageUrl = Texts.isHttpUrl(doc.name()) ? doc.name() : null;
        ExtractedArticle x = extractor.extract(html, pageUrl);
        if (x.headline() == null && x.body() == null) {
            throw new ParseException(null, "no article found in the HTML page (no headline and no main text)");
        }
        String url = x.url() != null ? x.url() : pageUrl;
        String id = Ids.stableId(x.idHint(), x.source(), url, x.headline());
        if (id == null) id = Ids.stableId(null, x.source(), null, x.body());
        if (id == null) throw new ParseException(null, "no article found in the HTML page (no headline and no main text)");
        Article a = Article.newBuilder()
                .setId(id)
                .setFormat(FORMAT)
                .setSource(x.source())
                .setUrl(url)
                .setHeadline(x.headline())
                .setSummary(x.summary())
                .setBody(x.body())
                .setByline(x.byline())
                .setDateline(x.dateline())
                .setLanguage(x.language())
                .setCreated(x.created())
                .setUpdated(x.updated())
                .setCredit(x.credit())
                .setDeclaredCountries(new ArrayList<>(x.declaredCountries()))
                .setKeywords(new ArrayList<>(x.keywords()))
                .build();
        return new ParseResult.Builder(FORMAT).add(a).build();
    }
}
