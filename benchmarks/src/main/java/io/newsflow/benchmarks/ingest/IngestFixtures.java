package io.newsflow.benchmarks.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Documents in each wire format, written in code so that the benchmark carries no data files: a ninjs 2.x
 * array of items, an RSS 2.0 feed, an HTML article page with site furniture around the story, and a plain-text
 * desk page in the "Desk | Dateline | Updated: ... IST | Created: ..." layout. The prose is drawn from a fixed
 * vocabulary with a seeded random source, so every run parses the same bytes.
 */
final class IngestFixtures {
    private static final List<String> WORDS = List.of("government", "minister", "talks", "river", "flood", "market",
            "shares", "budget", "council", "election", "farmers", "harbour", "railway", "agreement", "forecast",
            "season", "officials", "border", "trade", "energy", "prices", "water", "police", "court", "school",
            "hospital", "storm", "city", "village", "report", "said", "on", "Tuesday", "the", "and", "of", "in",
            "to", "a", "with", "after", "before", "their", "two", "days", "new", "data", "plan", "week", "year");
    private static final List<String> PLACES = List.of("New Delhi", "Lyon", "Nairobi", "Lima", "Osaka", "Hamburg");

    private IngestFixtures() {}

    /** A ninjs 2.x JSON array of {@code items} items, each with four body paragraphs (2 KB of an item's 2.8) and a declared language. */
    static byte[] ninjsArray(int items) {
        Random random = new Random(1);
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < items; i++) {
            if (i > 0) sb.append(",\n");
            sb.append("{\"uri\":\"urn:newsflow:bench:").append(i).append("\",\"type\":\"text\",\"version\":\"2\",")
                    .append("\"versioncreated\":\"2026-02-18T09:").append(two(i % 60)).append(":00Z\",")
                    .append("\"firstcreated\":\"2026-02-18T08:").append(two(i % 60)).append(":00+05:30\",")
                    .append("\"language\":\"en\",\"pubstatus\":\"usable\",")
                    .append("\"headlines\":[{\"role\":\"main\",\"value\":").append(json(sentence(random, 9))).append("}],")
                    .append("\"descriptions\":[{\"role\":\"summary\",\"value\":").append(json(sentence(random, 24))).append("}],")
                    .append("\"bodies\":[{\"role\":\"main\",\"contenttype\":\"text/plain\",\"value\":")
                    .append(json(paragraphs(random, 4, 80, "\n\n"))).append("}],")
                    .append("\"by\":\"Regional News Desk\",\"located\":").append(json(PLACES.get(i % PLACES.size()))).append(',')
                    .append("\"subjects\":[{\"name\":\"India\",\"uri\":\"http://cv.iptc.org/newscodes/iso3166-1a2/IN\"}],")
                    .append("\"copyrightnotice\":\"(c) 2026 Regional Wire\"}");
        }
        return bytes(sb.append("\n]").toString());
    }

    /** An RSS 2.0 feed of {@code items} items with HTML descriptions of two paragraphs. */
    static byte[] rssFeed(int items) {
        Random random = new Random(2);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n")
                .append("<title>Regional Wire</title><link>https://wire.example/</link><description>Top stories</description>\n")
                .append("<language>en</language>\n");
        for (int i = 0; i < items; i++) {
            sb.append("<item><title>").append(xml(sentence(random, 9))).append("</title>")
                    .append("<link>https://wire.example/story/").append(i).append("</link>")
                    .append("<guid isPermaLink=\"false\">wire-").append(i).append("</guid>")
                    .append("<pubDate>Wed, 18 Feb 2026 09:").append(two(i % 60)).append(":00 +0000</pubDate>")
                    .append("<dc:creator>Regional News Desk</dc:creator><category>World</category>")
                    .append("<description><![CDATA[<p>").append(paragraphs(random, 2, 50, "</p><p>")).append("</p>]]></description>")
                    .append("</item>\n");
        }
        return bytes(sb.append("</channel>\n</rss>\n").toString());
    }

    /** An article page: JSON-LD and OpenGraph metadata, menus, share bar, eight story paragraphs, related links, comments, trending box, footer. */
    static byte[] htmlPage() {
        Random random = new Random(3);
        String headline = sentence(random, 10);
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            body.append("    <p>").append(xml(sentence(random, 45))).append("</p>\n");
            if (p == 3) {
                body.append("    <aside class=\"related-links\"><h3>Related</h3><ul><li><a href=\"/a\">")
                        .append(xml(sentence(random, 6))).append("</a></li><li><a href=\"/b\">")
                        .append(xml(sentence(random, 6))).append("</a></li></ul></aside>\n");
            }
        }
        StringBuilder menu = new StringBuilder();
        for (String section : List.of("World", "Politics", "Business", "Sport", "Culture", "Science", "Opinion")) {
            menu.append("<li><a href=\"/").append(section.toLowerCase()).append("\">").append(section).append("</a></li>");
        }
        StringBuilder trending = new StringBuilder();
        for (int t = 0; t < 5; t++) trending.append("<li><a href=\"/t").append(t).append("\">").append(xml(sentence(random, 7))).append("</a></li>");
        String page = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + xml(headline) + " | The Daily Meridian</title>\n"
                + "<link rel=\"canonical\" href=\"https://meridian.example/world/2026/02/18/story\">\n"
                + "<meta property=\"og:title\" content=\"" + xml(headline) + "\">\n"
                + "<meta property=\"og:site_name\" content=\"The Daily Meridian\">\n"
                + "<meta property=\"og:description\" content=\"" + xml(sentence(random, 20)) + "\">\n"
                + "<meta name=\"author\" content=\"Claire Dubois\">\n"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":" + json(headline) + ",\"inLanguage\":\"en-GB\",\"datePublished\":\"2026-02-18T10:15:00+05:30\","
                + "\"dateModified\":\"2026-02-18T18:40:12Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Claire Dubois\"}],"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Meridian Media Group\"},\"keywords\":[\"floods\",\"France\"]}</script>\n"
                + "<style>.story{max-width:40em}</style>\n<script>var tracking = \"advertisement text in a script\";</script>\n"
                + "</head>\n<body>\n<header class=\"site-header\"><a href=\"/\">The Daily Meridian</a>\n"
                + "<nav class=\"main-menu\"><ul>" + menu + "</ul></nav></header>\n"
                + "<div class=\"ad-slot\">Advertisement</div>\n<main>\n<article class=\"story\">\n  <h1>" + xml(headline) + "</h1>\n"
                + "  <div class=\"byline\">By Claire Dubois</div>\n"
                + "  <div class=\"share-bar\"><a href=\"https://social.example/share\">Share</a> <a href=\"mailto:?\">Email</a></div>\n"
                + "  <figure class=\"lead-image\"><img src=\"/img/lead.jpg\" alt=\"\"><figcaption>" + xml(sentence(random, 12))
                + " Photo: Meridian staff</figcaption></figure>\n  <div class=\"story-body\">\n" + body + "  </div>\n"
                + "  <div class=\"tags\">Tags: <a href=\"/t/floods\">floods</a>, <a href=\"/t/france\">France</a></div>\n</article>\n"
                + "<section class=\"comments\"><h3>Comments</h3><div class=\"comment\"><p>" + xml(sentence(random, 40)) + "</p></div></section>\n"
                + "</main>\n<aside class=\"sidebar\"><div class=\"trending-box\"><h3>Trending now</h3><ol>" + trending + "</ol></div>\n"
                + "<div class=\"newsletter-signup\"><p>Sign up to our daily newsletter and get the best of the Meridian every morning.</p></div></aside>\n"
                + "<footer class=\"site-footer\"><p>© 2026 Meridian Media Group. All rights reserved.</p>"
                + "<a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer>\n</body>\n</html>\n";
        return bytes(page);
    }

    /** A plain-text desk page: menu, headline, standfirst, the meta line with IST times, caption, country tags, body, credit, TRENDING, OPINION, footer. */
    static byte[] textPage() {
        Random random = new Random(4);
        String headline = sentence(random, 10);
        StringBuilder sb = new StringBuilder("Left Menu\n\n").append(headline).append("\n\n")
                .append(sentence(random, 30)).append("\n\n")
                .append("Regional News Desk | New Delhi | Updated: 18-02-2026 14:25 IST | Created: 18-02-2026 09:05 IST\n")
                .append(headline).append("\nRepresentative Image\n  • Country:\n  • India\n  • Pakistan\n\n");
        for (int p = 0; p < 8; p++) sb.append(sentence(random, 45)).append("\n\n");
        sb.append("(With inputs from agencies.)\n\nTRENDING\n\n1\n").append(sentence(random, 6)).append("\n\n")
                .append(sentence(random, 6)).append("\n\n Global\n\nOPINION / BLOG / INTERVIEW\n\n").append(sentence(random, 9))
                .append("\n\nLatest News\n\nConnect us on\n\nRegional Wire\n\nEmail: desk@example.org\nPhone: +00-000-0000000\n\n© Copyright 2026\n");
        return bytes(sb.toString());
    }

    private static String paragraphs(Random random, int count, int words, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < count; p++) {
            if (p > 0) sb.append(separator);
            sb.append(sentence(random, words));
        }
        return sb.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            if (w == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            if (w > 0) sb.append(w % 12 == 0 ? ", " : " ");
            sb.append(word);
        }
        return sb.append('.').toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
