package io.newsflow.ingest.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line numbers of the start tags of repeated elements (RSS item, Atom entry, NewsML item), in document order,
 * so per-item errors can name the line. A text scan: the DOM does not keep positions.
 */
public final class StartTagLines {
    private final List<Integer> lines = new ArrayList<>();

    /** @param localNames element local names, e.g. "item" or "newsItem|packageItem" */
    public StartTagLines(String text, String localNames) {
        Pattern tag = Pattern.compile("<(?:[\\w.-]+:)?(?:" + localNames + ")[\\s>/]");
        Matcher m = tag.matcher(text);
        int line = 1;
        int pos = 0;
        while (m.find()) {
            for (int i = pos; i < m.start(); i++) if (text.charAt(i) == '\n') line++;
            pos = m.start();
            lines.add(line);
        }
    }

    /** Line of the n-th (0-based) start tag, or -1 when there are fewer. */
    public int line(int n) {
        return n < lines.size() ? lines.get(n) : -1;
    }

    /** " (line L)" or "" when unknown. */
    public String suffix(int n) {
        int l = line(n);
        return l < 0 ? "" : " (line " + l + ")";
    }
}
