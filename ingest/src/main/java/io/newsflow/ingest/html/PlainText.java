package io.newsflow.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Renders elements as plain text: one paragraph per block element, paragraphs separated by a blank line. */
final class PlainText {

    static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "thead", "tfoot", "tr", "ul", "caption", "body", "html");

    private static final char BREAK = '\u0001';
    private static final java.util.regex.Pattern DOUBLE_BREAK =
            java.util.regex.Pattern.compile("\n[\\s&&[^\n]]*\n");

    private PlainText() {}

    /** Paragraphs of the given elements, in order, whitespace-normalised, empty ones dropped. */
    static List<String> paragraphs(List<Element> roots) {
        StringBuilder sb = new StringBuilder();
        for (Element root : roots) {
            sb.append(BREAK);
            NodeTraversor.traverse(new Renderer(sb), root);
            sb.append(BREAK);
        }
        List<String> out = new ArrayList<>();
        for (String chunk : sb.toString().split(String.valueOf(BREAK))) {
            // two line breaks in a row (br br) end a paragraph, as they do on screen
            for (String part : DOUBLE_BREAK.split(chunk)) {
                String para = normaliseParagraph(part);
                if (!para.isEmpty()) {
                    out.add(para);
                }
            }
        }
        return out;
    }

    static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** Collapses runs of spaces, keeps single line breaks (from br) and trims every line. */
    static String normaliseParagraph(String chunk) {
        StringBuilder out = new StringBuilder(chunk.length());
        for (String line : chunk.split("\n")) {
            String t = collapse(line);
            if (!t.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(t);
            }
        }
        return out.toString();
    }

    static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final class Renderer implements NodeVisitor {
        private final StringBuilder sb;
        private int preDepth;

        Renderer(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (preDepth > 0) {
                    sb.append(text.getWholeText().replace('\t', ' '));
                } else {
                    sb.append(text.getWholeText().replace('\n', ' ').replace('\r', ' '));
                }
            } else if (node instanceof Element el) {
                String tag = el.normalName();
                if (tag.equals("br")) {
                    sb.append('\n');
                } else if (tag.equals("td") || tag.equals("th")) {
                    sb.append(' ');
                } else if (BLOCK_TAGS.contains(tag)) {
                    sb.append(BREAK);
                }
                if (tag.equals("pre")) {
                    preDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el) {
                String tag = el.normalName();
                if (tag.equals("pre")) {
                    preDepth--;
                }
                if (BLOCK_TAGS.contains(tag)) {
                    sb.append(BREAK);
                } else if (tag.equals("td") || tag.equals("th")) {
                    sb.append(' ');
                }
            }
        }
    }
}
