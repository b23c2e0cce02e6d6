package io.newsflow.ingest.html;

import io.newsflow.ingest.support.CountryNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.newsflow.ingest.support.Languages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts an article from an HTML page: metadata from schema.org JSON-LD, OpenGraph, Twitter cards
 * and standard meta tags (in that order of trust), and the main text with boilerplate removed.
 * A body the page declares in JSON-LD ({@code articleBody}) is used to pick the best of the text
 * candidates found in the page, and only stands in for them when the page text agrees with it.
 *
 * <p>Thread-safe and stateless; one instance can serve all callers. Input beyond
 * {@link #MAX_HTML_CHARS} is cut off before parsing, which bounds time and memory per page.
 */
public final class HtmlArticleExtractor {

    /** Longest input parsed; real article pages are well below 2 MB. */
    public static final int MAX_HTML_CHARS = 4_000_000;

    private static final int MAX_KEYWORDS = 50;
    private static final int MAX_SUMMARY_CHARS = 1000;
    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^\\s*(by|por|par|von)[:\\s]+");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s\u2014\u2013|,;:-]+$");
    private static final int MAX_AUTHOR_ELEMENT_CHARS = 60;
    private static final int MIN_DECLARED_BODY = 200;
    private static final double GOOD_AGREEMENT = 0.9;

    /** "WASHINGTON (AP) —", "LONDON, Nov 19 (Reuters) -", "NEW YORK —" at the start of the text. */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?=\\S)((?:\\p{Lu}[\\p{Lu}.'-]*)(?: \\p{Lu}[\\p{Lu}.'-]*){0,3}(?:, (?:\\p{Lu}[\\p{L}.'-]*)(?: \\p{Lu}[\\p{L}.'-]*){0,2})?)?"
                    + "(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2})?"
                    + "\\s*(?:\\(([A-Za-z][\\w .&/-]{0,30})\\))?\\s*[-\u2013\u2014]+\\s+\\S");

    /**
     * @param html    the page, as decoded text
     * @param pageUrl where the page was fetched from (resolves relative links); may be null
     */
    public ExtractedArticle extract(String html, String pageUrl) {
        Objects.requireNonNull(html, "html");
        String bounded = html.length() > MAX_HTML_CHARS ? html.substring(0, MAX_HTML_CHARS) : html;
        Document doc = pageUrl == null ? Jsoup.parse(bounded) : Jsoup.parse(bounded, pageUrl);
        MetaTags meta = new MetaTags(doc);
        JsonNode ld = JsonLd.findArticle(doc);

        String headline = firstNonBlank(
                ld == null ? null : JsonLd.text(ld.get("headline")),
                meta.first("og:title", "twitter:title", "dc.title", "dcterms.title", "headline"),
                titleOrHeading(doc));
        // some pages put the whole article in the description; a summary is short
        String summary = firstShort(MAX_SUMMARY_CHARS,
                ld == null ? null : JsonLd.text(ld.get("description")),
                meta.first("og:description"), meta.first("twitter:description"), meta.first("description"),
                meta.first("dc.description", "dcterms.description"));
        String declaredBody = ld == null ? null : JsonLd.text(ld.get("articleBody"));

        List<String> paragraphs = chooseBody(doc, headline, declaredBody);
        String body = paragraphs.isEmpty() ? null : PlainText.join(paragraphs);

        String dateline = ld == null ? null : JsonLd.text(ld.get("dateline"));
        String credit = firstNonBlank(
                ld == null ? null : JsonLd.text(ld.get("creditText")),
                meta.first("dc.rights.credit", "credit"));
        if (!paragraphs.isEmpty()) {
            Matcher m = DATELINE.matcher(paragraphs.get(0));
            if (m.find() && (m.group(1) != null || m.group(2) != null)) {
                if (dateline == null && m.group(1) != null) {
                    dateline = m.group(1).trim();
                }
                if (credit == null && m.group(2) != null) {
                    credit = m.group(2).trim();
                }
            }
        }

        String canonical = absolute(doc.selectFirst("link[rel=canonical][href]"), pageUrl);
        String url = firstNonBlank(
                canonical,
                meta.first("og:url", "twitter:url"),
                ld == null ? null : JsonLd.text(ld.get("url")),
                pageUrl);
        String ldId = ld == null ? null : JsonLd.text(ld.get("@id"));
        String idHint = ldId != null && !ldId.startsWith("#") ? ldId : url;

        return new ExtractedArticle(
                clean(headline),
                clean(summary),
                body,
                byline(ld, meta, doc),
                dateline,
                language(ld, meta, doc, headline, body),
                firstInstant(
                        ld == null ? null : JsonLd.text(ld.get("datePublished")),
                        meta.first("article:published_time", "article:published", "og:published_time", "datepublished",
                                "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "pubdate",
                                "publish-date", "publishdate", "sailthru.date", "parsely-pub-date", "date"),
                        attr(doc.selectFirst("[itemprop=datePublished][datetime], time[pubdate][datetime]"),
                                "datetime"),
                        ld == null ? null : JsonLd.text(ld.get("dateCreated"))),
                firstInstant(
                        ld == null ? null : JsonLd.text(ld.get("dateModified")),
                        meta.first("article:modified_time", "article:modified", "og:updated_time", "datemodified",
                                "dc.date.modified", "dcterms.modified", "last-modified"),
                        attr(doc.selectFirst("[itemprop=dateModified][datetime]"), "datetime")),
                url,
                clean(firstName(
                        meta.first("og:site_name"), meta.first("application-name"),
                        ld == null ? null : JsonLd.text(ld.get("publisher")),
                        meta.first("dc.publisher", "dcterms.publisher", "publisher"))),
                clean(credit),
                clean(firstNonBlank(
                        ld == null ? null : JsonLd.text(ld.get("articleSection")),
                        meta.first("article:section", "section"))),
                keywords(ld, meta),
                countries(ld, meta, doc),
                idHint);
    }

    // ---------------------------------------------------------------- body

    private List<String> chooseBody(Document doc, String headline, String declaredBody) {
        BodyExtractor extractor = new BodyExtractor();
        if (declaredBody == null || declaredBody.length() < MIN_DECLARED_BODY) {
            return extractor.extract(doc, headline);
        }
        // the declared body arbitrates between the passes, from the strictest on; it is not copied,
        // as it often lacks subheads or carries text the page does not show
        List<String> best = null;
        double bestF1 = -1;
        for (BodyExtractor.Pass pass : BodyExtractor.PASSES) {
            List<String> candidate = extractor.extract(doc, pass, headline);
            double f1 = TextOverlap.f1(PlainText.join(candidate), declaredBody);
            if (f1 > bestF1 + 0.01) {
                best = candidate;
                bestF1 = f1;
            }
            if (bestF1 >= GOOD_AGREEMENT) {
                break;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- metadata

    /**
     * The first h1 when the page title repeats it (the title usually adds the site name), else the
     * title: a lone h1 is as often the site's logo as the headline.
     */
    private static String titleOrHeading(Document doc) {
        String title = PlainText.collapse(doc.title());
        String h1 = textOf(doc.selectFirst("h1"));
        if (title.isEmpty()) {
            return h1;
        }
        if (h1 != null && h1.length() >= 3 && title.toLowerCase(Locale.ROOT).contains(h1.toLowerCase(Locale.ROOT))) {
            return h1;
        }
        return title;
    }

    /** Names once each, whatever their case, without "By" and trailing separators. */
    private static String joinNames(List<String> names) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String n : names) {
            String name = TRAILING_SEPARATORS.matcher(BY_PREFIX.matcher(PlainText.collapse(n)).replaceFirst("")).replaceFirst("");
            if (!name.isEmpty()) {
                unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return unique.isEmpty() ? null : String.join(", ", unique.values());
    }

    private static String byline(JsonNode ld, MetaTags meta, Document doc) {
        if (ld != null) {
            List<String> names = new ArrayList<>(JsonLd.names(ld.get("author")));
            names.removeIf(HtmlArticleExtractor::isUrl);
            String joined = joinNames(names);
            if (joined != null) {
                return joined;
            }
        }
        List<String> authors = new ArrayList<>(meta.all("author", "article:author", "dc.creator", "dcterms.creator",
                "sailthru.author", "parsely-author", "byl"));
        authors.removeIf(HtmlArticleExtractor::isUrl);
        if (authors.isEmpty()) {
            String t = textOf(doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]"));
            if (t != null && t.length() <= MAX_AUTHOR_ELEMENT_CHARS) {
                authors.add(t);
            }
        }
        return joinNames(authors);
    }

    /** The declared language (normalised BCP 47 tag), else one detected from the text when confident. */
    private static String language(JsonNode ld, MetaTags meta, Document doc, String headline, String body) {
        String declared = firstNonBlank(
                ld == null ? null : JsonLd.text(ld.get("inLanguage")),
                attr(doc.selectFirst("html[lang]"), "lang"),
                attr(doc.selectFirst("html[xml:lang]"), "xml:lang"),
                meta.first("content-language", "dc.language", "language", "og:locale"));
        return Languages.declaredOrDetected(declared, headline, body);
    }

    private static List<String> keywords(JsonNode ld, MetaTags meta) {
        Set<String> out = new LinkedHashSet<>();
        if (ld != null) {
            JsonNode k = ld.get("keywords");
            if (k != null && k.isArray()) {
                k.forEach(n -> addKeyword(out, n.asText()));
            } else if (k != null) {
                addKeywords(out, k.asText());
            }
        }
        meta.all("article:tag").forEach(t -> addKeyword(out, t));
        meta.all("keywords", "news_keywords").forEach(t -> addKeywords(out, t));
        return out.stream().limit(MAX_KEYWORDS).toList();
    }

    private static void addKeywords(Set<String> out, String list) {
        for (String k : list.split("[,;]")) {
            addKeyword(out, k);
        }
    }

    private static void addKeyword(Set<String> out, String k) {
        String t = PlainText.collapse(k);
        if (!t.isEmpty() && t.length() <= 100) {
            out.add(t);
        }
    }

    private static final Pattern COUNTRY_TAG = Pattern.compile("^Countr(?:y|ies)\\s*:\\s*(.{2,200})$");

    private static List<String> countries(JsonNode ld, MetaTags meta, Document doc) {
        Set<String> codes = new LinkedHashSet<>();
        if (ld != null) {
            for (String field : List.of("contentLocation", "locationCreated", "spatialCoverage")) {
                JsonNode loc = ld.get(field);
                if (loc == null) {
                    continue;
                }
                for (JsonNode place : loc.isArray() ? loc : List.of(loc)) {
                    addCountry(codes, place.path("address").path("addressCountry"));
                    addCountry(codes, place.path("addressCountry"));
                    if (JsonLd.types(place).contains("Country")) {
                        addCountry(codes, place);
                    }
                }
            }
        }
        for (String v : meta.all("geo.country", "country", "dc.coverage.spatial")) {
            for (String part : v.split("[,;]")) {
                String code = CountryNames.toCode(part);
                if (code != null) {
                    codes.add(code);
                }
            }
        }
        // a "Country: XX" tag the page prints itself
        for (Element el : doc.body() == null ? List.<Element>of() : doc.body().select("*:containsOwn(Country)")) {
            Matcher m = COUNTRY_TAG.matcher(el.text().trim());
            if (m.matches()) {
                for (String part : m.group(1).split("[,;/]")) {
                    String code = CountryNames.toCode(part);
                    if (code != null) {
                        codes.add(code);
                    }
                }
            }
        }
        return new ArrayList<>(codes);
    }

    private static void addCountry(Set<String> codes, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(v -> addCountry(codes, v));
            return;
        }
        String code = CountryNames.toCode(value.isObject() ? JsonLd.text(value) : value.asText());
        if (code == null && value.isObject()) {
            code = CountryNames.toCode(JsonLd.text(value.get("identifier")));
        }
        if (code != null) {
            codes.add(code);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Instant firstInstant(String... raw) {
        for (String r : raw) {
            Instant t = Timestamps.parse(r);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String absolute(Element link, String pageUrl) {
        if (link == null) {
            return null;
        }
        String abs = link.absUrl("href");
        if (!abs.isEmpty()) {
            return abs;
        }
        String href = link.attr("href").trim();
        return isUrl(href) ? href : null;
    }

    private static boolean isUrl(String s) {
        return s != null && (s.startsWith("http://") || s.startsWith("https://"));
    }

    private static String attr(Element el, String name) {
        return el == null ? null : el.attr(name);
    }

    private static String textOf(Element el) {
        return el == null ? null : el.text();
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = PlainText.collapse(org.jsoup.parser.Parser.unescapeEntities(s, false));
        return t.isEmpty() ? null : t;
    }

    /** First value that is a name rather than a url (some pages put their address in og:site_name). */
    private static String firstName(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank() && !isUrl(v.trim())) {
                return v.trim();
            }
        }
        return null;
    }

    private static String firstShort(int maxChars, String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank() && v.length() <= maxChars) {
                return v.trim();
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
