package io.newsflow.ingest.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Text clean-up shared by the parsers: whitespace, blank-to-null, HTML fragments to plain paragraphs. */
public final class Texts {
    private Texts() {}

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "tr", "section", "article", "header", "footer", "ul", "ol", "table", "dd", "dt", "hr",
            "figure", "figcaption");

    /** Collapses whitespace runs to one space and trims; null for null/blank. */
    public static String clean(String s) {
        if (s == null) return null;
        // a hand loop: this runs over every body and title, and String.replaceAll compiles a regex per call
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) out.append(' ');
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** Joins non-blank paragraphs with a blank line (the contract's body form); null when none. */
    public static String paragraphs(List<String> paras) {
        List<String> kept = new ArrayList<>();
        for (String p : paras) {
            String c = clean(p);
            if (c != null) kept.add(c);
        }
        return kept.isEmpty() ? null : String.join("\n\n", kept);
    }

    /** True when the text looks like it carries HTML markup. */
    public static boolean looksLikeHtml(String s) {
        return s != null && s.matches("(?s).*<\\s*(p|br|div|a|span|img|b|i|em|strong|ul|li|h[1-6]|table|figure|blockquote)\\b.*");
    }

    /** An HTML fragment (feed description, NITF-ish body) as plain text paragraphs separated by blank lines. */
    public static String htmlToText(String html) {
        if (html == null) return null;
        if (!looksLikeHtml(html) && !html.contains("&")) return paragraphs(List.of(html.split("\\n\\s*\\n")));
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("script, style, noscript, iframe").remove();
        List<String> paras = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        collect(body, paras, cur);
        paras.add(cur.toString());
        return paragraphs(paras);
    }

    private static void collect(Node node, List<String> paras, StringBuilder cur) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                cur.append(t.getWholeText());
            } else if (child instanceof Element e) {
                boolean block = BLOCKS.contains(e.normalName());
                if (block) flush(paras, cur);
                collect(e, paras, cur);
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
