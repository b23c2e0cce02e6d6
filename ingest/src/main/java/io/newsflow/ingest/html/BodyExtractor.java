package io.newsflow.ingest.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the main text of an article page. Paragraph-like blocks are scored by text length and
 * comma count, the score flows to their ancestors, and the best-scoring container (minus link-heavy,
 * negatively named and form-like parts) is the article. When the page yields too little text the
 * search is repeated with gentler cleaning, as pages that hide their text inside "unlikely" wrappers
 * otherwise lose everything. One instance serves one page (it memoises class-name matches, which
 * pages repeat by the thousand); create one per extraction.
 */
final class BodyExtractor {

    private final Map<Pattern, Map<String, Boolean>> nameMatches = new IdentityHashMap<>();
    /** Text measures of the pass being run. */
    private TextStats stats;

    /** Whether a class/id string matches; cached because pages reuse the same names everywhere. */
    private boolean matches(Pattern pattern, String name) {
        return nameMatches.computeIfAbsent(pattern, p -> new java.util.HashMap<>())
                .computeIfAbsent(name, n -> pattern.matcher(n).find());
    }

    /** Cleaning strictness of one pass; later passes keep more of the page. */
    record Pass(boolean stripUnlikely, boolean weightClasses, boolean cleanConditionally) {}

    static final List<Pass> PASSES = List.of(
            new Pass(true, true, true),
            new Pass(false, true, true),
            new Pass(false, false, true),
            new Pass(false, false, false));

    private static final int ENOUGH_CHARS = 500;

    private static final Set<String> JUNK_TAGS = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button",
            "input", "select", "textarea", "option", "nav", "aside", "footer", "figure", "figcaption", "picture",
            "video", "audio", "map", "dialog", "link", "meta", "head", "form-hidden", "math");

    private static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner",
            "contentinfo", "search", "toolbar");

    static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
                    + "legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
                    + "ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|trending|most-?popular|"
                    + "most-?read|share|sharing|signup|subscribe|promo|outbrain|taboola|recommend|caption|"
                    + "masthead|cookie|credit|author-?bio|byline|dateline|toolbar|tags\\b|topics|teaser",
            Pattern.CASE_INSENSITIVE);
    /** Reader comments: never the article, even when the article itself is short. */
    static final Pattern COMMENTS = Pattern.compile("comment|disqus|replies|respond", Pattern.CASE_INSENSITIVE);
    static final Pattern IMAGE_BLOCK = Pattern.compile(
            "image|img|photo|picture|media|figure|caption|gallery|slide|thumb", Pattern.CASE_INSENSITIVE);
    static final Pattern MAYBE_CANDIDATE = Pattern.compile(
            "and|article|body|column|content|main|mathjax|shadow", Pattern.CASE_INSENSITIVE);
    static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|"
                    + "meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
                    + "tags|widget|trending|newsletter|caption|credit|byline|social|recommend|taboola|subscribe",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    /** Children that make a div a container rather than a paragraph. */
    private static final Set<String> DIV_BLOCK_CHILDREN = Set.of(
            "a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "figure", "li");
    private static final Set<String> PHRASING = Set.of(
            "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "i",
            "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress",
            "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea",
            "time", "var", "wbr", "u", "s", "font", "a", "del", "ins", "strike", "tt", "big");
    private static final Set<String> TAGS_TO_SCORE = Set.of("p", "pre", "td", "section", "h2", "h3", "h4", "h5",
            "h6", "blockquote");

    /** The text found, with the pass that found it. */
    record Result(List<String> paragraphs, int chars) {}

    /** Extracts the body from a copy of {@code doc}; {@code doc} itself is left untouched. */
    List<String> extract(Document doc, String headline) {
        Result best = null;
        for (Pass pass : PASSES) {
            Result r = runPass(doc.clone(), pass, headline);
            if (r.chars() >= ENOUGH_CHARS) {
                return r.paragraphs();
            }
            if (best == null || r.chars() > best.chars()) {
                best = r;
            }
        }
        return best.paragraphs();
    }

    /** One pass's paragraphs, for callers that arbitrate between passes (e.g. against a declared body). */
    List<String> extract(Document doc, Pass pass, String headline) {
        return runPass(doc.clone(), pass, headline).paragraphs();
    }

    Result runPass(Document doc, Pass pass, String headline) {
        Element body = doc.body();
        removeJunk(body, pass);
        wrapLooseText(body);
        stats = new TextStats(body);
        Map<Element, Double> scores = score(body, pass);
        List<Element> article = pickArticle(body, scores, pass);
        for (Element el : article) {
            clean(el, pass, headline);
        }
        List<String> paragraphs = BoilerplateLines.filter(PlainText.paragraphs(article), headline);
        int chars = 0;
        for (String p : paragraphs) {
            chars += p.length();
        }
        return new Result(paragraphs, chars);
    }

    // ---------------------------------------------------------------- cleaning before scoring

    private void removeJunk(Element body, Pass pass) {
        List<Node> doomed = new ArrayList<>();
        int[] tableOrCode = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.Comment) {
                    doomed.add(node);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (!(node instanceof Element el) || el == body) {
                    return FilterResult.CONTINUE;
                }
                if (isJunk(el, pass, tableOrCode[0] > 0)) {
                    doomed.add(el);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (el.normalName().equals("table") || el.normalName().equals("code")) {
                    tableOrCode[0]++;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el && (el.normalName().equals("table") || el.normalName().equals("code"))) {
                    tableOrCode[0]--;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        removeAll(doomed);
    }

    private boolean isJunk(Element el, Pass pass, boolean insideTableOrCode) {
        String tag = el.normalName();
        if (JUNK_TAGS.contains(tag) || isHidden(el) || (tag.equals("header") && !hasLongParagraph(el))) {
            return true;
        }
        if (isImageBlock(el)) {
            return true;
        }
        if (pass.stripUnlikely() && UNLIKELY_ROLES.contains(el.attr("role").toLowerCase())) {
            return true;
        }
        // layout tables and code listings keep their parts whatever they are called
        return !insideTableOrCode && (pass.stripUnlikely() ? isUnlikely(el, UNLIKELY) : isUnlikely(el, COMMENTS));
    }

    /**
     * Detaches nodes with one rebuild per parent: removing them one by one renumbers the siblings
     * each time, which is quadratic on pages with thousands of siblings.
     */
    static void removeAll(List<? extends Node> doomed) {
        Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
        for (Node n : doomed) {
            if (n.parentNode() instanceof Element parent) {
                byParent.computeIfAbsent(parent, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(n);
            }
        }
        for (Map.Entry<Element, Set<Node>> e : byParent.entrySet()) {
            Element parent = e.getKey();
            Set<Node> gone = e.getValue();
            if (gone.size() == 1) {
                gone.iterator().next().remove();
                continue;
            }
            List<Node> keep = new ArrayList<>(parent.childNodeSize());
            for (Node child : parent.childNodes()) {
                if (!gone.contains(child)) {
                    keep.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(keep);
        }
    }

    /** A picture with its caption and credit, laid out without figure/figcaption. */
    private boolean isImageBlock(Element el) {
        String match = el.className() + " " + el.id();
        if (match.isBlank() || !matches(IMAGE_BLOCK, match) || matches(MAYBE_CANDIDATE, match)) {
            return false;
        }
        return !el.getElementsByTag("img").isEmpty() && !textLongerThan(el, 300);
    }

    /** Whether the element holds more than {@code limit} characters; stops reading once it does. */
    static boolean textLongerThan(Element el, int limit) {
        int[] seen = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    seen[0] += t.getWholeText().strip().length();
                }
                return seen[0] > limit ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, el);
        return seen[0] > limit;
    }

    private static boolean hasLongParagraph(Element el) {
        for (Element p : el.getElementsByTag("p")) {
            if (textLongerThan(p, 150)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Element el) {
        if (el.hasAttr("hidden")) {
            return true;
        }
        if ("true".equalsIgnoreCase(el.attr("aria-hidden"))) {
            return true;
        }
        String style = el.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    private boolean isUnlikely(Element el, Pattern unlikely) {
        String tag = el.normalName();
        if (tag.equals("body") || tag.equals("a") || tag.equals("article") || tag.equals("main")
                || tag.equals("p")) {
            return false;
        }
        String match = el.className() + " " + el.id();
        return !match.isBlank() && matches(unlikely, match) && !matches(MAYBE_CANDIDATE, match);
    }

    /**
     * Turns divs that only hold inline content into paragraphs, and wraps loose inline runs inside
     * container divs into paragraphs, so every piece of visible text sits in a scoreable block.
     */
    private void wrapLooseText(Element body) {
        for (Element div : body.getElementsByTag("div")) {
            boolean hasBlock = false;
            for (Element child : div.children()) {
                if (DIV_BLOCK_CHILDREN.contains(child.normalName())) {
                    hasBlock = true;
                    break;
                }
            }
            if (!hasBlock) {
                div.tagName("p");
                continue;
            }
            // rebuild the child list once: moving nodes one by one renumbers siblings each time
            List<Node> rebuilt = new ArrayList<>();
            Map<Element, List<Node>> wraps = new IdentityHashMap<>();
            List<Node> run = new ArrayList<>();
            for (Node child : div.childNodes()) {
                if (isPhrasing(child)) {
                    run.add(child);
                } else {
                    flushRun(run, rebuilt, wraps);
                    run = new ArrayList<>();
                    rebuilt.add(child);
                }
            }
            flushRun(run, rebuilt, wraps);
            if (!wraps.isEmpty()) {
                div.empty();
                for (Map.Entry<Element, List<Node>> w : wraps.entrySet()) {
                    w.getKey().appendChildren(w.getValue());
                }
                div.appendChildren(rebuilt);
            }
        }
    }

    private static void flushRun(List<Node> run, List<Node> rebuilt, Map<Element, List<Node>> wraps) {
        boolean hasText = false;
        for (Node n : run) {
            if (n instanceof TextNode t ? !t.isBlank() : ((Element) n).hasText()) {
                hasText = true;
                break;
            }
        }
        if (!hasText) {
            rebuilt.addAll(run);
            return;
        }
        Element p = new Element("p");
        wraps.put(p, run);
        rebuilt.add(p);
    }

    private static boolean isPhrasing(Node node) {
        if (node instanceof TextNode) {
            return true;
        }
        if (node instanceof Element el) {
            String tag = el.normalName();
            if (tag.equals("a") || tag.equals("del") || tag.equals("ins")) {
                for (Element c : el.children()) {
                    if (!PHRASING.contains(c.normalName())) {
                        return false;
                    }
                }
                return true;
            }
            return PHRASING.contains(tag);
        }
        return false;
    }

    // ---------------------------------------------------------------- scoring

    private Map<Element, Double> score(Element body, Pass pass) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element el : body.getAllElements()) {
            if (!TAGS_TO_SCORE.contains(el.normalName())) {
                continue;
            }
            TextStats.Counts c = stats.of(el);
            if (c.chars < 25) {
                continue;
            }
            double contentScore = 1 + c.commas + Math.min(c.chars / 100, 3);
            int level = 0;
            for (Element ancestor = el.parent(); ancestor != null && level < 5; ancestor = ancestor.parent()) {
                if (ancestor.parent() == null) {
                    break;
                }
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor, pass));
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.put(ancestor, scores.get(ancestor) + contentScore / divider);
                level++;
            }
        }
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            e.setValue(e.getValue() * (1 - linkDensity(e.getKey())));
        }
        return scores;
    }

    private double initialScore(Element el, Pass pass) {
        double score = switch (el.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(el, pass);
    }

    double classWeight(Element el, Pass pass) {
        if (!pass.weightClasses()) {
            return 0;
        }
        double weight = 0;
        String cls = el.className();
        if (!cls.isEmpty()) {
            if (matches(NEGATIVE, cls)) {
                weight -= 25;
            }
            if (matches(POSITIVE, cls)) {
                weight += 25;
            }
        }
        String id = el.id();
        if (!id.isEmpty()) {
            if (matches(NEGATIVE, id)) {
                weight -= 25;
            }
            if (matches(POSITIVE, id)) {
                weight += 25;
            }
        }
        return weight;
    }

    /** Share of an element's text that sits inside links; in-page (#) links count less. */
    private double linkDensity(Element el) {
        return stats.of(el).linkDensity();
    }

    // ---------------------------------------------------------------- choosing the container

    private List<Element> pickArticle(Element body, Map<Element, Double> scores, Pass pass) {
        Element top = null;
        double topScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getValue() > topScore) {
                top = e.getKey();
                topScore = e.getValue();
            }
        }
        if (top == null || top == body) {
            return List.of(body);
        }

        // several near-equal candidates under one ancestor: the ancestor holds the whole article
        List<Element> alternatives = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getKey() != top && e.getValue() / topScore >= 0.75) {
                alternatives.add(e.getKey());
            }
        }
        if (alternatives.size() >= 3) {
            for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
                int containing = 0;
                for (Element alt : alternatives) {
                    if (isAncestor(parent, alt)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        scores.putIfAbsent(top, initialScore(top, pass));
        topScore = scores.get(top);

        // climb while the parent scores about as well: the text is spread over several children
        double lastScore = topScore;
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Double parentScore = scores.get(parent);
            if (parentScore == null) {
                continue;
            }
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                top = parent;
                break;
            }
            lastScore = parentScore;
        }
        while (top.parent() != null && top.parent() != body && top.parent().children().size() == 1) {
            top = top.parent();
        }
        topScore = scores.getOrDefault(top, topScore);

        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        List<Element> article = new ArrayList<>();
        double siblingThreshold = Math.max(10, topScore * 0.2);
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                article.add(sibling);
                continue;
            }
            double bonus = 0;
            if (!top.className().isEmpty() && top.className().equals(sibling.className())) {
                bonus += topScore * 0.2;
            }
            Double siblingScore = scores.get(sibling);
            if (siblingScore != null && siblingScore + bonus >= siblingThreshold) {
                article.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                int length = stats.of(sibling).chars;
                double density = linkDensity(sibling);
                String text = length > 80 ? "" : sibling.text();
                if (length > 80 && density < 0.25) {
                    article.add(sibling);
                } else if (!text.isEmpty() && text.length() < 80 && density == 0
                        && (text.contains(". ") || text.endsWith("."))) {
                    article.add(sibling);
                }
            }
        }
        return article;
    }

    private static boolean isAncestor(Element ancestor, Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- cleaning the chosen container

    private static final Set<String> CONDITIONALLY_CLEANED = Set.of(
            "form", "fieldset", "table", "ul", "ol", "div", "section", "p");

    private void clean(Element article, Pass pass, String headline) {
        List<Element> doomed = new ArrayList<>();
        if (pass.cleanConditionally()) {
            // innermost first, so that a container is judged without the parts already dropped
            List<Element> all = article.getAllElements();
            for (int i = all.size() - 1; i >= 1; i--) {
                Element el = all.get(i);
                if (CONDITIONALLY_CLEANED.contains(el.normalName()) && shouldRemove(el, pass)) {
                    stats.subtract(el, article);
                    doomed.add(el);
                }
            }
        }
        for (Element h : article.select("h1, h2, h3, h4, h5, h6")) {
            if (h.normalName().equals("h1") || classWeight(h, pass) < 0
                    || (headline != null && similar(h.text().trim(), headline))) {
                doomed.add(h);
            }
        }
        removeAll(doomed);
    }

    private static boolean similar(String a, String b) {
        String x = a.toLowerCase().replaceAll("\\W+", " ").trim();
        String y = b.toLowerCase().replaceAll("\\W+", " ").trim();
        return !x.isEmpty() && (x.equals(y) || (x.length() > 15 && (y.contains(x) || x.contains(y))));
    }

    private boolean shouldRemove(Element el, Pass pass) {
        double weight = classWeight(el, pass);
        if (weight < 0) {
            return true;
        }
        TextStats.Counts c = stats.of(el);
        if (c.commas >= 10) {
            return false;
        }
        String tag = el.normalName();
        int contentLength = c.chars;
        boolean isList = tag.equals("ul") || tag.equals("ol")
                || (contentLength > 0 && (double) c.listChars / contentLength > 0.9);
        int p = c.paragraphs;
        int img = c.images;
        int li = c.listItems - 100;
        double linkDensity = c.linkDensity();
        if (tag.equals("p")) {
            // a paragraph that is nothing but links is navigation ("Read more: ...", tag lists)
            return contentLength > 0 && linkDensity > 0.9 && contentLength < 200 && !pass.equals(PASSES.get(3));
        }
        if (img > 1 && (double) p / img < 0.5) {
            return true;
        }
        if (!isList && li > p) {
            return true;
        }
        if (c.inputs > p / 3) {
            return true;
        }
        double headingShare = contentLength == 0 ? 0 : (double) c.headingChars / contentLength;
        if (!isList && contentLength < 25 && (img == 0 || img > 2) && headingShare < 0.9) {
            return true;
        }
        if (!isList && weight < 25 && linkDensity > 0.2) {
            return true;
        }
        if (weight >= 25 && linkDensity > 0.5) {
            return true;
        }
        return isList && linkDensity > 0.5 && contentLength < 1000 && !tag.equals("div") && hasMostlyLinkItems(el);
    }

    private boolean hasMostlyLinkItems(Element list) {
        int items = 0;
        int linkItems = 0;
        for (Element li : list.getElementsByTag("li")) {
            items++;
            if (linkDensity(li) > 0.8) {
                linkItems++;
            }
        }
        return items > 0 && linkItems * 2 > items;
    }
}
