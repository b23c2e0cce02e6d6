package io.newsflow.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes an agency's copy in its wire format: ninjs 2.0 JSON, RSS 2.0 or a NewsML-G2 newsItem. */
final class WireFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json";

    /** What the item says about itself: usable, or a kill notice. */
    enum Status { USABLE, WITHDRAWN }

    byte[] format(Agency agency, Story story, String itemId, int version, Story.Copy copy, Status status,
                  Instant created, Instant versionCreated) {
        return switch (agency.format()) {
            case NINJS -> ninjs(agency, story, itemId, version, copy, status, created, versionCreated);
            case RSS -> rss(agency, itemId, copy, versionCreated);
            case NEWSML -> newsml(agency, story, itemId, version, copy, status, created, versionCreated);
        };
    }

    private byte[] ninjs(Agency agency, Story story, String itemId, int version, Story.Copy copy, Status status,
                         Instant created, Instant versionCreated) {
        ObjectNode n = JSON.createObjectNode();
        n.put("uri", itemId);
        ObjectNode standard = n.putObject("standard");
        standard.put("name", "ninjs");
        standard.put("version", "2.0");
        standard.put("schema", NINJS_SCHEMA);
        n.put("type", "text");
        n.put("version", Integer.toString(version));
        n.put("firstcreated", created.toString());
        n.put("versioncreated", versionCreated.toString());
        // ninjs 2.0 has no "withdrawn": a kill notice is "withheld"
        n.put("pubstatus", status == Status.WITHDRAWN ? "withheld" : "usable");
        n.put("language", "en");
        n.put("copyrightnotice", "(c) 2026 " + agency.name());
        n.put("by", copy.byline());
        n.put("located", copy.dateline());
        ArrayNode headlines = n.putArray("headlines");
        headlines.addObject().put("role", "main").put("value", copy.headline());
        if (status == Status.USABLE) {
            n.putArray("descriptions").addObject().put("role", "summary").put("value", copy.summary());
            n.putArray("bodies").addObject().put("role", "main").put("contenttype", "text/plain")
                    .put("value", copy.body());
        } else {
            n.put("ednote", "Withdrawn by " + agency.name() + ". Do not use.");
        }
        n.putArray("infosources").addObject().put("name", agency.name());
        ArrayNode places = n.putArray("places");
        places.addObject().put("name", story.place().name()).put("literal", "iso3166-1a2:" + story.place().code());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] rss(Agency agency, String itemId, Story.Copy copy, Instant versionCreated) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n"
                + "<title>" + xml(agency.name()) + " - World</title>\n"
                + "<link>" + xml(agency.uriBase()) + "</link>\n"
                + "<description>World news from " + xml(agency.name()) + "</description>\n"
                + "<language>en</language>\n"
                + "<item>\n"
                + "<title>" + xml(copy.headline()) + "</title>\n"
                + "<link>" + xml(itemId) + "</link>\n"
                + "<guid isPermaLink=\"true\">" + xml(itemId) + "</guid>\n"
                + "<pubDate>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(versionCreated.atOffset(ZoneOffset.UTC))
                + "</pubDate>\n"
                + "<dc:creator>" + xml(copy.byline().replaceFirst("^By ", "")) + "</dc:creator>\n"
                + copy.keywords().stream().map(k -> "<category>" + xml(k) + "</category>\n")
                        .reduce("", String::concat)
                + "<description>" + xml(copy.paragraphs().get(0)) + "</description>\n"
                // the full text, as feeds that carry whole articles do (RSS content module)
                + "<content:encoded><![CDATA[" + copy.paragraphs().stream().map(p -> "<p>" + xml(p) + "</p>")
                        .reduce("", String::concat) + "]]></content:encoded>\n"
                + "</item>\n</channel>\n</rss>\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] newsml(Agency agency, Story story, String itemId, int version, Story.Copy copy, Status status,
                          Instant created, Instant versionCreated) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"").append(xml(itemId))
                .append("\" version=\"").append(version)
                .append("\" standard=\"NewsML-G2\" standardversion=\"2.29\" conformance=\"power\" xml:lang=\"en\">\n")
                .append("<catalogRef href=\"http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml\"/>\n")
                .append("<itemMeta>\n<itemClass qcode=\"ninat:text\"/>\n")
                .append("<provider literal=\"").append(xml(agency.name())).append("\"/>\n")
                .append("<versionCreated>").append(versionCreated).append("</versionCreated>\n")
                .append("<firstCreated>").append(created).append("</firstCreated>\n")
                .append("<pubStatus qcode=\"").append(status == Status.WITHDRAWN ? "stat:withheld" : "stat:usable")
                .append("\"/>\n</itemMeta>\n<contentMeta>\n")
                .append("<creator><name>").append(xml(copy.byline().replaceFirst("^By ", ""))).append("</name></creator>\n")
                .append("<located><name>").append(xml(copy.dateline())).append("</name></located>\n")
                .append("<subject type=\"cpnat:geoArea\" qcode=\"iso3166-1a2:").append(story.place().code())
                .append("\"><name>").append(xml(story.place().name())).append("</name></subject>\n");
        for (String k : copy.keywords()) {
            x.append("<keyword>").append(xml(k)).append("</keyword>\n");
        }
        x.append("<headline>").append(xml(copy.headline())).append("</headline>\n");
        if (status == Status.USABLE) {
            x.append("<description role=\"drol:summary\">").append(xml(copy.summary())).append("</description>\n");
        }
        x.append("<dateline>").append(xml(copy.dateline())).append("</dateline>\n</contentMeta>\n<contentSet>\n")
                .append("<inlineXML contenttype=\"application/xhtml+xml\">")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>").append(xml(copy.headline()))
                .append("</title></head><body>");
        if (status == Status.USABLE) {
            for (String p : copy.paragraphs()) {
                x.append("<p>").append(xml(p)).append("</p>");
            }
        } else {
            x.append("<p>Withdrawn. Do not use.</p>");
        }
        x.append("</body></html></inlineXML>\n</contentSet>\n</newsItem>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
