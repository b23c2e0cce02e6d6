package io.newsflow.harness.bench;

import io.newsflow.generator.WireFormat;
import io.newsflow.generator.WireItem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several wire items of one format as one HTTP body, the way feeds are pushed: a JSON array of ninjs items, a
 * NewsML-G2 newsMessage with the newsItems in its itemSet, or one RSS channel (one agency's) with all the items.
 */
final class WireBatch {
    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*");
    private static final Pattern RSS_ITEM = Pattern.compile("<item>.*?</item>\\s*", Pattern.DOTALL);

    private WireBatch() {}

    /** What items may share one body: a format, and for RSS one agency's channel (its title names the source). */
    static String key(WireItem item) {
        return item.format() == WireFormat.RSS ? "rss/" + item.agency() : item.format().name();
    }

    static byte[] body(List<WireItem> items) {
        if (items.size() == 1) return items.get(0).body();
        return switch (items.get(0).format()) {
            case NINJS -> ninjs(items);
            case NEWSML -> newsMessage(items);
            case RSS -> rssChannel(items);
        };
    }

    private static byte[] ninjs(List<WireItem> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(',');
            out.append(items.get(i).text());
        }
        return out.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] newsMessage(List<WireItem> items) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>\n");
        for (WireItem item : items) out.append(XML_DECLARATION.matcher(item.text()).replaceFirst("")).append('\n');
        return out.append("</itemSet></newsMessage>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] rssChannel(List<WireItem> items) {
        String first = items.get(0).text();
        StringBuilder allItems = new StringBuilder();
        for (WireItem item : items) {
            Matcher m = RSS_ITEM.matcher(item.text());
            if (!m.find()) throw new IllegalArgumentException("an RSS wire item without <item>: " + item.itemId());
            allItems.append(m.group());
        }
        Matcher m = RSS_ITEM.matcher(first);
        if (!m.find()) throw new IllegalArgumentException("an RSS wire item without <item>: " + items.get(0).itemId());
        return (first.substring(0, m.start()) + allItems + first.substring(m.end())).getBytes(StandardCharsets.UTF_8);
    }
}
