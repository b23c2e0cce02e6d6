package io.newsflow.ingest.html;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.FormatParser;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.support.Charsets;
import io.newsflow.ingest.support.Ids;
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
    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    @Override
    public List<String> formats() {
        return List.of(FORMAT);
    }

    @Override
    public int sniff(String head, String mediaType) {
        String t = head.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("<!doctype html") || t.startsWith("<html") || t.contains("<html")) return 90;
        if (t.contains("<head") || t.contains("<body")) return 60;
        return 0;
    }

    @Override
    public ParseResult parse(Document doc) throws ParseException {
        String html = Charsets.decode(doc.bytes(), doc.declaredCharset()).text();
        String pageUrl = doc.name().matches("(?i)https?://.+") ? doc.name() : null;
        ExtractedArticle x = extractor.extract(html, pageUrl);
        if (x.headline() == null && x.body() == null) {
            throw new ParseException(null, "no article found in the HTML page (no headline and no main text)");
        }
        String url = x.url() != null ? x.url() : pageUrl;
        Article a = Article.newBuilder()
                .setId(Ids.stableId(x.idHint(), x.source(), url, x.headline()))
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
