package io.newsflow.ingest.support;

import io.newsflow.ingest.ParseException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;

/**
 * XML parsing that cannot be turned against us: no external entities, no external DTDs, no entity
 * declarations (so no expansion bombs), no XInclude. A DOCTYPE without an internal subset (RSS 0.91 feeds
 * carry one) is blanked out and parsing goes on; one with an internal subset is refused.
 * Input is text already decoded (see {@link Charsets}), so the parser never guesses the encoding.
 */
public final class SafeXml {
    private SafeXml() {}

    /** Elements nested deeper than this are refused: the DOM walks recurse, and no news item needs more. */
    static final int MAX_DEPTH = 256;

    /** Throws instead of printing "[Fatal Error]" lines to stderr. */
    private static final org.xml.sax.ErrorHandler QUIET = new org.xml.sax.ErrorHandler() {
        @Override public void warning(SAXParseException e) {}
        @Override public void error(SAXParseException e) throws SAXParseException { throw e; }
        @Override public void fatalError(SAXParseException e) throws SAXParseException { throw e; }
    };

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

    /** A namespace-aware DOM; errors carry line and column. */
    public static Document parse(String xml) throws ParseException {
        String text = stripProlog(xml);
        DocumentBuilder b = BUILDER.get();
        b.reset();
        b.setErrorHandler(QUIET);
        try {
            return b.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new ParseException("line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "malformed XML: " + e.getMessage(), e);
        } catch (org.xml.sax.SAXException e) {
            throw new ParseException(null, "malformed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ParseException(null, "cannot read XML: " + e.getMessage(), e);
        }
    }

    /** Leading whitespace before the XML declaration (common in real feeds) and the DOCTYPE handled as described above. */
    static String stripProlog(String xml) throws ParseException {
        String text = xml;
        int start = 0;
        while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) start++;
        if (start > 0 && text.startsWith("<?xml", start)) {
            // keep line numbers: replace the skipped run by as many newlines
            long nl = text.substring(0, start).chars().filter(c -> c == '\n').count();
            text = text.substring(start);
            if (nl > 0) {
                int declEnd = text.indexOf("?>");
                if (declEnd > 0) text = text.substring(0, declEnd + 2) + "\n".repeat((int) nl) + text.substring(declEnd + 2);
            }
        }
        // one linear scan, no regex: "<!DOCTYPE[" repeated must not cost quadratic time
        int limit = Math.min(text.length(), 64 * 1024);
        int doctype = indexOfIgnoreCase(text, "<!DOCTYPE", limit);
        if (doctype < 0) return text;
        int end = doctype + "<!DOCTYPE".length();
        while (end < limit && text.charAt(end) != '[' && text.charAt(end) != '>') end++;
        if (end >= limit) return text; // not closed near the top: the parser refuses it (no DOCTYPE is allowed)
        if (text.charAt(end) == '[') {
            int line = 1 + (int) text.substring(0, doctype).chars().filter(c -> c == '\n').count();
            int close = text.indexOf(']', end);
            String subset = text.substring(end, close < 0 ? Math.min(text.length(), end + 4096) : close);
            throw new ParseException("line " + line, "DOCTYPE with an internal subset is refused"
                    + (subset.contains("<!ENTITY") ? " (entity declarations: expansion and external entities are not allowed)" : ""));
        }
        String blank = text.substring(doctype, end + 1).replaceAll("[^\\n]", " ");
        return text.substring(0, doctype) + blank + text.substring(end + 1);
    }

    private static int indexOfIgnoreCase(String text, String what, int limit) {
        int n = what.length();
        for (int i = text.indexOf('<'); i >= 0 && i + n <= limit; i = text.indexOf('<', i + 1)) {
            if (text.regionMatches(true, i, what, 0, n)) return i;
        }
        return -1;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setValidating(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a hardening feature", e);
        }
    }
}
