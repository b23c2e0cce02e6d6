package io.newsflow.ingest.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures of every element under a root, computed in one walk so that scoring and cleaning
 * stay linear in the page size (asking each element for its text again would be quadratic on deep or
 * long pages). Kept current when elements are dropped via {@link #subtract}.
 */
final class TextStats {

    /** Measures of one element's subtree. Lengths count characters with whitespace runs as one. */
    static final class Counts {
        int chars;
        double linkChars;
        int commas;
        int paragraphs;
        int images;
        int listItems;
        int inputs;
        int headingChars;
        int listChars;

        void add(Counts c) {
            chars += c.chars;
            linkChars += c.linkChars;
            commas += c.commas;
            paragraphs += c.paragraphs;
            images += c.images;
            listItems += c.listItems;
            inputs += c.inputs;
            headingChars += c.headingChars;
            listChars += c.listChars;
        }

        void subtract(Counts c) {
            chars -= c.chars;
            linkChars -= c.linkChars;
            commas -= c.commas;
            paragraphs -= c.paragraphs;
            images -= c.images;
            listItems -= c.listItems;
            inputs -= c.inputs;
            headingChars -= c.headingChars;
            listChars -= c.listChars;
        }

        /** Share of the text inside links; in-page (#) links count less. */
        double linkDensity() {
            return chars == 0 ? 0 : Math.min(1, linkChars / chars);
        }
    }

    private static final Counts NONE = new Counts();

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    TextStats(Element root) {
        Deque<Counts> open = new ArrayDeque<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element) {
                    open.push(new Counts());
                } else if (node instanceof TextNode text && !open.isEmpty()) {
                    measure(text.getWholeText(), open.peek());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return;
                }
                Counts c = open.pop();
                switch (el.normalName()) {
                    case "p" -> c.paragraphs++;
                    case "img" -> c.images++;
                    case "li" -> c.listItems++;
                    case "input" -> c.inputs++;
                    case "a" -> {
                        String href = el.attr("href");
                        c.linkChars = c.chars * (href.startsWith("#") && href.length() > 1 ? 0.3 : 1);
                    }
                    case "h1", "h2", "h3", "h4", "h5", "h6" -> c.headingChars = c.chars;
                    case "ul", "ol" -> c.listChars = c.chars;
                    default -> { }
                }
                counts.put(el, c);
                if (!open.isEmpty()) {
                    open.peek().add(c);
                }
            }
        }, root);
    }

    private static void measure(String text, Counts into) {
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch) || ch == '\u00a0') {
                space = true;
            } else {
                if (space) {
                    into.chars++;
                    space = false;
                }
                into.chars++;
                if (ch == ',' || ch == '\uff0c' || ch == '\u3001' || ch == '\u060c') {
                    into.commas++;
                }
            }
        }
    }

    Counts of(Element el) {
        return counts.getOrDefault(el, NONE);
    }

    /** Takes a dropped element's measures off its ancestors, up to and including {@code root}. */
    void subtract(Element dropped, Element root) {
        Counts c = of(dropped);
        for (Element a = dropped.parent(); a != null; a = a.parent()) {
            Counts ac = counts.get(a);
            if (ac != null) {
                ac.subtract(c);
            }
            if (a == root) {
                break;
            }
        }
    }
}
