package io.newsflow.ingest.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Text clean-up shared by the parsers: whitespace, blank-to-null, HTML fragments to plain paragraphs. */
public final class Texts {
    private Texts() {}

    private static final Pattern HTML_TAG =
            Pattern.compile("<\\s*(p|br|div|a|span|img|b|i|em|strong|ul|li|h[1-6]|table|figure|blockquote)\\b");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://.+");

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "tr", "section", "article", "header", "footer", "ul", "ol", "table", "dd", "dt", "hr",
            "figure", "figcaption");

    /** Collapses whitespace runs to one space and trims; null for null/blank. */
    public static String clean(String s) {
        if (s == null) return null;
        // this runs over every body and title: a text that is already clean (the usual case) is returned as it
        // is, anything else is rewritten in one char array, never char by char through a StringBuilder
        int n = s.length();
        int i = cleanPrefix(s);
        // s[0, i) is clean but for the one space it may end with, which stays only if more text follows
        int keep = i > 0 && s.charAt(i - 1) == ' ' ? i - 1 : i;
        if (i == n) return keep == 0 ? null : keep == n ? s : s.substring(0, keep);
        char[] buf = new char[n];
        s.getChars(0, keep, buf, 0);
        int w = keep;
        boolean pendingSpace = false;
        for (int r = keep; r < n; r++) {
            char c = s.charAt(r);
            if (isSpace(c)) {
                pendingSpace = w > 0;
            } else {
                if (pendingSpace) buf[w++] = ' ';
                pendingSpace = false;
                buf[w++] = c;
            }
        }
        return w == 0 ? null : new String(buf, 0, w);
    }

    /** How far the text is clean: no whitespace but single spaces between other characters (the end excluded). */
    private static int cleanPrefix(String s) {
        int n = s.length();
        boolean afterSpace = true; // a leading space is not clean
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (afterSpace) return i;
                afterSpace = true;
            } else if (isSpace(c)) {
                return i;
            } else {
                afterSpace = false;
            }
        }
        return n;
    }

    private static boolean isSpace(char c) {
        if (c <= ' ') return Character.isWhitespace(c);
        return c >= '\u0080' && (c == '\u00A0' || Character.isWhitespace(c));
    }

    /**
     * {@code paragraphs(List.of(text.split("\\n\\s*\\n")))} in one pass, without a regex: words (runs of non-whitespace, as {@link #clean}
     * sees whitespace) joined by a space, or by a blank line where the whitespace between them holds a paragraph
     * break ({@code \n\s*\n}); null when there are no words. A text that is already one clean paragraph is
     * returned as it is.
     */
    public static String paragraphsOf(String text) {
        int n = text.length();
        int i = cleanPrefix(text);
        int keep = i > 0 && text.charAt(i - 1) == ' ' ? i - 1 : i;
        if (i == n) return keep == 0 ? null : keep == n ? text : text.substring(0, keep);
        char[] out = new char[n]; // a gap never grows: a blank line needs two newlines
        text.getChars(0, keep, out, 0);
        int w = keep;
        boolean inGap = false;      // between two words
        boolean openLine = false;   // in this gap, a \n followed so far only by regex whitespace (\s)
        boolean paragraphBreak = false;
        for (int r = keep; r < n; r++) {
            char c = text.charAt(r);
            if (isSpace(c)) {
                inGap = true;
                if (c == '\n') {
                    if (openLine) paragraphBreak = true;
                    openLine = true;
                } else if (!isRegexSpace(c)) {
                    openLine = false;
                }
            } else {
                if (inGap && w > 0) {
                    out[w++] = paragraphBreak ? '\n' : ' ';
                    if (paragraphBreak) out[w++] = '\n';
                }
                inGap = false;
                openLine = false;
                paragraphBreak = false;
                out[w++] = c;
            }
        }
        return w == 0 ? null : new String(out, 0, w);
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Joins non-blank paragraphs with a blank line (the contract's body form); null when none. */
    public static String paragraphs(List<String> paras) {
        List<String> kept = new ArrayList<>();
        for (String p : paras) {
            String c = clean(p);
            if (c != null) kept.add(c);
        }
        if (kept.size() == 1) return kept.get(0);
        return kept.isEmpty() ? null : String.join("\n\n", kept);
    }

    /** True when the text looks like it carries HTML markup. */
    public static boolean looksLikeHtml(String s) {
        return s != null && HTML_TAG.matcher(s).find();
    }

    /** Whether the whole text is an http(s) URL (case-insensitive scheme, one line). */
    public static boolean isHttpUrl(String s) {
        return s != null && HTTP_URL.matcher(s).matches();
    }

    /** An HTML fragment (feed description, NITF-ish body) as plain text paragraphs separated by blank lines. */
    public static String htmlToText(String html) {
        if (html == null) return null;
        if (!looksLikeHtml(html) && !html.contains("&")) return paragraphsOf(html);
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
