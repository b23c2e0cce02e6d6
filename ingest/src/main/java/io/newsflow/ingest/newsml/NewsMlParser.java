package io.newsflow.ingest.newsml;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.FormatParser;
import io.newsflow.ingest.ItemError;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.support.Charsets;
import io.newsflow.ingest.support.CountryCodes;
import io.newsflow.ingest.support.Dom;
import io.newsflow.ingest.support.Ids;
import io.newsflow.ingest.support.ItemException;
import io.newsflow.ingest.support.Languages;
import io.newsflow.ingest.support.SafeXml;
import io.newsflow.ingest.support.StartTagLines;
import io.newsflow.ingest.support.Texts;
import io.newsflow.ingest.support.Times;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IPTC NewsML-G2: a newsItem, a packageItem, or a newsMessage carrying several in its itemSet.
 * Country subjects (qcodes/URIs in the ISO 3166 schemes, directly, via {@code sameAs} or {@code broader})
 * become {@code declared_countries}; {@code pubStatus} becomes {@code status}. Concept, knowledge and planning
 * items carry no article and are skipped. XML is read with {@link SafeXml}.
 */
public final class NewsMlParser implements FormatParser {

    public static final String FORMAT = "newsml";
    /** Searched anywhere in the head (find, not a whole-text match with .* around it, which backtracks). */
    private static final Pattern G2_ROOT = Pattern.compile("<(\\w+:)?(newsItem|packageItem|newsMessage)[\\s>]");
    private static final Pattern NEWSML_1_ROOT = Pattern.compile("<NewsML[\\s>]");
    private static final Set<String> ARTICLE_ITEMS = Set.of("newsItem", "packageItem");
    private static final Set<String> OTHER_ITEMS = Set.of("conceptItem", "knowledgeItem", "planningItem", "catalogItem");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "hl1", "hl2", "blockquote", "pre", "tr", "table", "ul", "ol", "dl", "dd", "dt", "section", "block", "media-caption",
            "byline", "dateline", "note", "fn", "hr");

    @Override
    public List<String> formats() {
        return List.of(FORMAT);
    }

    @Override
    public int sniff(String head, String mediaType) {
        if (head.contains("iptc.org/std/nar/")) return 95;
        if (head.indexOf('<') < 0) return 0; // JSON or text: no element to look for
        if (G2_ROOT.matcher(head).find()) return 95;
        // NewsML 1.x: recognised so that it is refused with a clear reason instead of read as something else
        if (NEWSML_1_ROOT.matcher(head).find()) return 80;
        return 0;
    }

    @Override
    public ParseResult parse(Document doc) throws ParseException {
        String text = Charsets.decode(doc.bytes(), doc.declaredCharset()).text();
        org.w3c.dom.Document dom = SafeXml.parse(text);
        StartTagLines lines = new StartTagLines(text, "newsItem|packageItem");
        Element root = dom.getDocumentElement();
        String rootName = Dom.localName(root);
        List<Element> items = new ArrayList<>();
        if (ARTICLE_ITEMS.contains(rootName)) {
            items.add(root);
        } else if ("newsMessage".equals(rootName)) {
            for (Element set : Dom.children(root, "itemSet")) {
                for (Element e : Dom.children(set, null)) if (ARTICLE_ITEMS.contains(Dom.localName(e))) items.add(e);
            }
        } else if ("NewsML".equals(rootName)) {
            throw new ParseException("line 1", "NewsML 1.x (root element <NewsML>) is not supported: send NewsML-G2 or ninjs");
        } else if (OTHER_ITEMS.contains(rootName)) {
            throw new ParseException(null, "a NewsML-G2 " + rootName + " carries no article (expected newsItem, packageItem or newsMessage)");
        } else {
            throw new ParseException("line 1", "not NewsML-G2: root element <" + rootName + "> (expected newsItem, packageItem or newsMessage)");
        }
        ParseResult.Builder result = new ParseResult.Builder(FORMAT);
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String location = (items.size() == 1 && item == root ? Dom.localName(item) : "itemSet/" + Dom.localName(item) + "[" + (i + 1) + "]")
                    + lines.suffix(i);
            String guid = Dom.attr(item, "guid");
            try {
                result.add(toArticle(item));
            } catch (ItemException e) {
                result.error(new ItemError(location, e.field(), e.getMessage(), guid, null));
            }
        }
        return result.build();
    }

    private static Article toArticle(Element item) {
        String guid = Dom.attr(item, "guid");
        if (guid == null) throw new ItemException("guid", Dom.localName(item) + " has no guid (required by NewsML-G2)");
        Element itemMeta = Dom.child(item, "itemMeta");
        Element contentMeta = Dom.child(item, "contentMeta");
        String headline = headline(contentMeta);
        String summary = description(contentMeta);
        String body = body(item);
        String language = language(item, contentMeta);
        Article.Builder a = Article.newBuilder()
                .setId(guid)
                .setFormat(FORMAT)
                .setVersion(version(item))
                .setSource(provider(itemMeta))
                .setUrl(Texts.isHttpUrl(guid) ? guid : null)
                .setHeadline(headline)
                .setSummary(summary)
                .setBody(body)
                .setByline(byline(contentMeta))
                .setDateline(dateline(contentMeta))
                .setCreated(Times.iso(Dom.childText(itemMeta, "firstCreated"), "itemMeta/firstCreated"))
                .setUpdated(Times.iso(Dom.childText(itemMeta, "versionCreated"), "itemMeta/versionCreated"))
                .setCredit(credit(item, contentMeta))
                .setDeclaredCountries(countries(contentMeta))
                .setKeywords(keywords(contentMeta))
                .setStatus(status(itemMeta));
        if (a.getCreated() == null) a.setCreated(Times.iso(Dom.childText(contentMeta, "contentCreated"), "contentMeta/contentCreated"));
        a.setLanguage(Languages.declaredOrDetected(language, headline, summary, body));
        return a.build();
    }

    private static Long version(Element item) {
        String v = Dom.attr(item, "version");
        if (v == null) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ItemException("@version", "not a number: '" + v + "'");
        }
    }

    private static String provider(Element itemMeta) {
        Element p = Dom.child(itemMeta, "provider");
        if (p == null) return null;
        String name = Dom.childText(p, "name");
        if (name != null) return name;
        String literal = Dom.attr(p, "literal");
        if (literal != null) return literal;
        String qcode = Dom.attr(p, "qcode");
        if (qcode != null) return qcode.contains(":") ? qcode.substring(qcode.indexOf(':') + 1) : qcode;
        return Dom.attr(p, "uri");
    }

    private static String headline(Element contentMeta) {
        List<Element> hs = Dom.children(contentMeta, "headline");
        for (Element h : hs) {
            String role = Dom.attr(h, "role");
            if (role == null || role.endsWith(":main")) return Dom.text(h);
        }
        return hs.isEmpty() ? null : Dom.text(hs.get(0));
    }

    private static String description(Element contentMeta) {
        List<Element> ds = Dom.children(contentMeta, "description");
        for (Element d : ds) {
            String role = Dom.attr(d, "role");
            if (role != null && (role.endsWith(":summary") || role.endsWith(":abstract"))) return blockText(d);
        }
        for (Element d : ds) {
            String role = Dom.attr(d, "role");
            if (role == null || !role.toLowerCase(Locale.ROOT).contains("caption")) return blockText(d);
        }
        return ds.isEmpty() ? null : blockText(ds.get(0));
    }

    private static String byline(Element contentMeta) {
        String by = Dom.childText(contentMeta, "by");
        if (by != null) return by;
        List<String> names = new ArrayList<>();
        for (Element c : Dom.children(contentMeta, "creator")) {
            String n = Dom.childText(c, "name");
            if (n == null) n = Dom.attr(c, "literal");
            if (n != null) names.add(n);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String dateline(Element contentMeta) {
        String d = Dom.childText(contentMeta, "dateline");
        if (d != null) return d;
        Element located = Dom.child(contentMeta, "located");
        String name = Dom.childText(located, "name");
        return name != null ? name : Dom.attr(located, "literal");
    }

    private static String credit(Element item, Element contentMeta) {
        String c = Dom.childText(contentMeta, "creditline");
        if (c != null) return c;
        return Dom.childText(Dom.child(item, "rightsInfo"), "copyrightNotice");
    }

    private static String language(Element item, Element contentMeta) {
        Element lang = Dom.child(contentMeta, "language");
        if (lang != null && Dom.attr(lang, "tag") != null) return Dom.attr(lang, "tag");
        String xmlLang = item.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        return xmlLang == null || xmlLang.isBlank() ? null : xmlLang;
    }

    /** Subjects that name a country: ISO qcode/URI on the subject itself, a sameAs, or a broader of a geo subject. */
    private static List<String> countries(Element contentMeta) {
        List<String> out = new ArrayList<>();
        for (Element s : Dom.children(contentMeta, "subject")) {
            add(out, CountryCodes.fromIdentifier(Dom.attr(s, "qcode")));
            add(out, CountryCodes.fromIdentifier(Dom.attr(s, "uri")));
            for (Element same : Dom.children(s, "sameAs")) {
                add(out, CountryCodes.fromIdentifier(Dom.attr(same, "qcode")));
                add(out, CountryCodes.fromIdentifier(Dom.attr(same, "uri")));
            }
            for (Element b : Dom.children(s, "broader")) {
                add(out, CountryCodes.fromIdentifier(Dom.attr(b, "qcode")));
                add(out, CountryCodes.fromIdentifier(Dom.attr(b, "uri")));
            }
            Element details = Dom.child(s, "geoAreaDetails");
            if (details != null) {
                for (Element c : Dom.descendants(details, "country")) add(out, CountryCodes.fromIdentifier(Dom.attr(c, "qcode")));
            }
        }
        return out;
    }

    private static void add(List<String> out, String code) {
        if (code != null && !out.contains(code)) out.add(code);
    }

    private static List<String> keywords(Element contentMeta) {
        List<String> out = new ArrayList<>();
        for (Element k : Dom.children(contentMeta, "keyword")) {
            String t = Dom.text(k);
            if (t != null && !out.contains(t)) out.add(t);
        }
        return out;
    }

    private static PublicationStatus status(Element itemMeta) {
        String q = Dom.attr(Dom.child(itemMeta, "pubStatus"), "qcode");
        if (q == null) return PublicationStatus.USABLE;
        String code = q.substring(q.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        return switch (code) {
            case "withheld", "withdrawn" -> PublicationStatus.WITHDRAWN;
            case "canceled", "cancelled" -> PublicationStatus.CANCELED;
            default -> PublicationStatus.USABLE;
        };
    }

    /** The text of the first inlineXML (XHTML body or NITF body.content) or inlineData rendition. */
    private static String body(Element item) {
        Element contentSet = Dom.child(item, "contentSet");
        if (contentSet == null) return null;
        for (Element xml : Dom.children(contentSet, "inlineXML")) {
            Element content = Dom.descendant(xml, "body.content");
            if (content == null) content = Dom.descendant(xml, "body");
            if (content == null) content = xml;
            String t = blockText(content);
            if (t != null) return t;
        }
        for (Element data : Dom.children(contentSet, "inlineData")) {
            String ct = Dom.attr(data, "contenttype");
            String raw = data.getTextContent();
            String t = ct != null && ct.contains("html") ? Texts.htmlToText(raw)
                    : Texts.paragraphsOf(raw);
            if (t != null) return t;
        }
        return null;
    }

    /** Element text as paragraphs: block elements (p, hl2, li...) separate paragraphs. */
    static String blockText(Element e) {
        if (e == null) return null;
        List<String> paras = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        walk(e, paras, cur);
        paras.add(cur.toString());
        return Texts.paragraphs(paras);
    }

    private static void walk(Node n, List<String> paras, StringBuilder cur) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                cur.append(c.getNodeValue());
            } else if (c instanceof Element el) {
                String name = Dom.localName(el);
                if (name.equals("script") || name.equals("style")) continue;
                boolean block = BLOCKS.contains(name);
                if (block) flush(paras, cur);
                walk(el, paras, cur);
                if (block) flush(paras, cur);
            }
        }
    }

    private static void flush(List<String> paras, StringBuilder cur) {
        if (cur.length() > 0) {
            paras.add(cur.toString());
            cur.setLength(0);
        }
    }
}
