package io.newsflow.frontpage.render;

import io.newsflow.frontpage.zone.DatelineZones;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Evidence;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the pages show of one article, derived the same way for HTML and JSON. */
public final class ArticleFacts {
    /** As the seed page writes it: 18-02-2026 14:25 IST. */
    static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm z", Locale.ENGLISH);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\r?\\n\\s*\\r?\\n");

    /** Focus countries first, then by score. */
    private static final Comparator<CountryTag> FOCUS_FIRST = Comparator
            .comparing((CountryTag t) -> t.getRole() == CountryRole.FOCUS ? 0 : 1)
            .thenComparing(Comparator.comparingDouble(CountryTag::getScore).reversed());

    /** A region id rather than ZoneOffset.UTC, so that times read "08:55 UTC" rather than "08:55 Z". */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private ArticleFacts() {}

    /** Desk (source or feed), dateline, then the update and creation times in the dateline's zone. */
    public static String metaLine(Article a, ZoneId zone) {
        List<String> parts = new ArrayList<>(4);
        String desk = desk(a);
        if (desk != null) {
            parts.add(desk);
        }
        if (notBlank(a.getDateline())) {
            parts.add(a.getDateline().strip());
        }
        if (a.getUpdated() != null) {
            parts.add("Updated: " + format(a.getUpdated(), zone));
        }
        if (a.getCreated() != null) {
            parts.add("Created: " + format(a.getCreated(), zone));
        }
        if (a.getUpdated() == null && a.getCreated() == null && a.getReceivedAt() != null) {
            // the source sent no time: say it is ours
            parts.add("Received: " + format(a.getReceivedAt(), zone));
        }
        return String.join(" | ", parts);
    }

    public static String desk(Article a) {
        if (notBlank(a.getSource())) {
            return a.getSource().strip();
        }
        return notBlank(a.getFeed()) ? a.getFeed().strip() : null;
    }

    public static String format(Instant at, ZoneId zone) {
        return PAGE_TIME.format(at.atZone(zone));
    }

    /** The dateline's zone if the place is known, else UTC. */
    public static ZoneId zoneOf(EnrichedArticle e, DatelineZones zones) {
        return zones.zoneOf(e.getArticle().getDateline(), datelineCountry(e)).orElse(UTC);
    }

    /** The country the tagger found in the dateline, if any. */
    static String datelineCountry(EnrichedArticle e) {
        for (CountryTag tag : e.getCountries()) {
            for (Evidence ev : tag.getEvidence()) {
                if ("dateline".equals(ev.getField())) {
                    return tag.getCode();
                }
            }
        }
        return null;
    }

    public static List<CountryTag> countriesFocusFirst(EnrichedArticle e) {
        List<CountryTag> tags = new ArrayList<>(e.getCountries());
        tags.sort(FOCUS_FIRST);
        List<CountryTag> distinct = new ArrayList<>(tags.size());
        for (CountryTag t : tags) {
            if (distinct.stream().noneMatch(d -> d.getCode().equalsIgnoreCase(t.getCode()))) {
                distinct.add(t);
            }
        }
        return distinct;
    }

    /** Country codes, focus first: the regions whose trending lists matter most for this article. */
    public static List<String> countryCodes(EnrichedArticle e) {
        return countriesFocusFirst(e).stream().map(t -> t.getCode().toUpperCase(Locale.ROOT)).toList();
    }

    public static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        for (String p : PARAGRAPH_BREAK.split(body.strip())) {
            String text = p.strip().replaceAll("\\s*\\r?\\n\\s*", " ");
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /** The summary, or for a card without one the start of the first paragraph. */
    public static String teaser(Article a, int maxChars) {
        if (notBlank(a.getSummary())) {
            return a.getSummary().strip();
        }
        List<String> paragraphs = paragraphs(a.getBody());
        if (paragraphs.isEmpty()) {
            return "";
        }
        String first = paragraphs.get(0);
        if (first.length() <= maxChars) {
            return first;
        }
        int cut = first.lastIndexOf(' ', maxChars);
        return first.substring(0, cut > maxChars / 2 ? cut : maxChars) + "\u2026";
    }

    public static String headline(Article a) {
        return notBlank(a.getHeadline()) ? a.getHeadline().strip() : "(no headline)";
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
