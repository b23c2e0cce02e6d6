package io.newsflow.ingest.text;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.FormatParser;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.support.Charsets;
import io.newsflow.ingest.support.CountryNames;
import io.newsflow.ingest.support.Ids;
import io.newsflow.ingest.support.Languages;
import io.newsflow.ingest.support.Texts;
import io.newsflow.ingest.support.TimeZones;
import io.newsflow.schemas.avro.Article;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text captures of news pages in the common "headline / standfirst / byline | dateline | Updated: ... |
 * Created: ..." layout: the page's own fields are read from their places, the navigation, image caption,
 * TRENDING, OPINION and footer blocks are left out.
 *
 * <pre>
 * Left Menu
 *
 * Headline
 *
 * Standfirst (summary), one or more paragraphs
 *
 * Desk Name | Dateline | Updated: 18-02-2026 14:25 IST | Created: 18-02-2026 14:25 IST
 * Headline (image alt text)
 * Image caption
 *   • Country:
 *   • Russia
 *
 * Body paragraphs...
 *
 * (With inputs from agencies.)
 *
 * TRENDING ... footer
 * </pre>
 *
 * A text without the meta line is read as headline (first paragraph) + body (the rest).
 */
public final class TextPageParser implements FormatParser {

    public static final String FORMAT = "text";
    private static final Pattern TIME_LABEL = Pattern.compile("\\|\\s*(Updated|Created)\\s*:", Pattern.CASE_INSENSITIVE);

    static final Pattern META_TIME = Pattern.compile(
            "^(Updated|Created|Published|Posted)\\s*:\\s*(\\d{1,2})-(\\d{1,2})-(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTRY_LABEL = Pattern.compile("^[•*·-]?\\s*Countr(y|ies)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("^[•*·]\\s*(.+)$");
    private static final Pattern CREDIT = Pattern.compile("^\\((With inputs|Inputs|Reporting|Writing|Written|Editing|Edited|Compiled|Source|Courtesy|This story|Additional reporting)\\b.*\\)$",
            Pattern.CASE_INSENSITIVE);
    /** Lines that open the blocks after the article: the body ends at the first of them. */
    private static final Set<String> END_MARKERS = Set.of("TRENDING", "OPINION / BLOG / INTERVIEW", "OPINION", "DEVSHOTS",
            "LATEST NEWS", "RELATED NEWS", "RELATED STORIES", "READ MORE", "ALSO READ", "CONNECT US ON", "SECTORS",
            "EDITIONS", "OTHER LINKS", "SUBSCRIBE TO OUR NEWSLETTER", "GIVE FEEDBACK", "MORE NEWS", "TOP NEWS");
    private static final Set<String> NAVIGATION = Set.of("LEFT MENU", "MENU", "SKIP TO CONTENT", "SKIP TO MAIN CONTENT", "HOME");

    @Override
    public List<String> formats() {
        return List.of(FORMAT);
    }

    @Override
    public int sniff(String head, String mediaType) {
        String t = head.stripLeading();
        if (t.startsWith("<") || t.startsWith("{") || t.startsWith("[")) return 0;
        if (looksBinary(head)) return 0;
        if (TIME_LABEL.matcher(head).find()) return 90;
        return "text/plain".equals(mediaType) ? 60 : 10;
    }

    /** Control characters other than whitespace mean bytes, not text (images, archives). */
    private static boolean looksBinary(String head) {
        long control = head.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        return control > 0 && control * 100 > head.length();
    }

    @Override
    public ParseResult parse(Document doc) throws ParseException {
        String text = Charsets.decode(doc.bytes(), doc.declaredCharset()).text();
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        Article.Builder a = Article.newBuilder().setFormat(FORMAT);
        int meta = findMetaLine(lines);
        String headline;
        String summary = null;
        String body;
        List<String> countries = new ArrayList<>();
        String source = findSiteName(lines);
        if (meta < 0) {
            List<List<String>> paras = paragraphs(lines, 0, lines.size());
            paras.removeIf(p -> p.size() == 1 && NAVIGATION.contains(p.get(0).trim().toUpperCase()));
            if (paras.isEmpty()) throw new ParseException(null, "no text found");
            headline = join(paras.get(0));
            body = bodyOf(paras.subList(1, paras.size()), a);
        } else {
            List<List<String>> header = paragraphs(lines, 0, meta);
            header.removeIf(p -> p.size() == 1 && NAVIGATION.contains(p.get(0).trim().toUpperCase()));
            if (header.isEmpty()) throw new ParseException("line " + (meta + 1), "no headline above the byline line");
            headline = join(header.get(0));
            List<String> standfirst = new ArrayList<>();
            for (List<String> p : header.subList(1, header.size())) standfirst.add(join(p));
            summary = Texts.paragraphs(standfirst);
            readMeta(lines.get(meta), meta + 1, a);
            int bodyStart = skipCaptionBlock(lines, meta + 1, headline, countries);
            body = bodyOf(paragraphs(lines, bodyStart, lines.size()), a);
        }
        String id = Ids.stableId(null, source, null, headline);
        if (id == null) throw new ParseException(null, "no headline in the text page: nothing to name the article by");
        a.setHeadline(headline).setSummary(summary).setBody(body).setSource(source)
                .setDeclaredCountries(countries)
                .setLanguage(Languages.declaredOrDetected(null, headline, summary, body))
                .setId(id);
        return new ParseResult.Builder(FORMAT).add(a.build()).build();
    }

    private static int findMetaLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.contains("|")) continue;
            for (String part : l.split("\\|")) {
                if (META_TIME.matcher(part.trim()).matches()) return i;
            }
        }
        return -1;
    }

    /** "Desk | Dateline | Updated: ... | Created: ...": times normalised to UTC, zone abbreviations resolved. */
    private static void readMeta(String line, int lineNo, Article.Builder a) throws ParseException {
        List<String> names = new ArrayList<>();
        for (String raw : line.split("\\|")) {
            String part = raw.trim();
            Matcher m = META_TIME.matcher(part);
            if (!m.matches()) {
                if (!part.isEmpty()) names.add(part);
                continue;
            }
            Instant t = toInstant(m, lineNo);
            String kind = m.group(1).toLowerCase();
            if (kind.equals("updated")) a.setUpdated(t); else a.setCreated(t);
        }
        if (names.size() > 0) a.setByline(Texts.clean(names.get(0)));
        if (names.size() > 1) a.setDateline(Texts.clean(names.get(1)));
        if (a.getUpdated() == null && a.getCreated() != null) {
            // nothing to copy: absent stays absent
        }
    }

    private static Instant toInstant(Matcher m, int lineNo) throws ParseException {
        String field = m.group(1).toLowerCase();
        String zoneText = m.group(8);
        ZoneId zone;
        if (zoneText == null) {
            throw new ParseException("line " + lineNo, "field '" + field + "': time without a time zone: '" + m.group() + "'");
        } else if (zoneText.startsWith("+") || zoneText.startsWith("-")) {
            zone = java.time.ZoneOffset.of(zoneText.length() == 5 ? zoneText.substring(0, 3) + ":" + zoneText.substring(3) : zoneText);
        } else {
            zone = TimeZones.forAbbreviation(zoneText);
            if (zone == null) {
                throw new ParseException("line " + lineNo, "field '" + field + "': unknown time zone '" + zoneText + "'");
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
            return local.atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new ParseException("line " + lineNo, "field '" + field + "': not a date: '" + m.group() + "'");
        }
    }

    /**
     * The block right under the meta line is the picture (alt text = headline, caption) and the page's
     * country tags; it is not body. Returns the first line after it.
     */
    private static int skipCaptionBlock(List<String> lines, int from, String headline, List<String> countries) {
        int end = from;
        while (end < lines.size() && !lines.get(end).isBlank()) end++;
        List<String> block = lines.subList(from, end);
        boolean caption = false;
        boolean inCountries = false;
        for (String raw : block) {
            String l = raw.trim();
            if (l.equals(headline)) caption = true;
            Matcher label = COUNTRY_LABEL.matcher(l);
            if (label.matches()) {
                caption = true;
                inCountries = true;
                for (String name : label.group(2).split("[,•]")) addCountry(name, countries);
                continue;
            }
            Matcher bullet = BULLET.matcher(l);
            if (bullet.matches()) {
                caption = true;
                if (inCountries) addCountry(bullet.group(1), countries);
            } else {
                inCountries = false;
            }
        }
        return caption ? end : from;
    }

    private static void addCountry(String name, List<String> countries) {
        String code = CountryNames.toCode(name);
        if (code != null && !countries.contains(code)) countries.add(code);
    }

    /** Body paragraphs up to the first end marker; a trailing parenthesised credit line goes to {@code credit}. */
    private static String bodyOf(List<List<String>> paras, Article.Builder a) {
        List<String> body = new ArrayList<>();
        for (List<String> p : paras) {
            if (p.size() >= 1 && END_MARKERS.contains(p.get(0).trim().toUpperCase())) break;
            String text = join(p);
            if (text != null) body.add(text); // a paragraph of symbols and spaces only says nothing
        }
        if (!body.isEmpty()) {
            String last = body.get(body.size() - 1);
            if (CREDIT.matcher(last).matches()) {
                a.setCredit(last);
                body.remove(body.size() - 1);
            }
        }
        return Texts.paragraphs(body);
    }

    /** The publisher's name as its footer states it: the line right above the "Email:" contact line. */
    private static String findSiteName(List<String> lines) {
        for (int i = lines.size() - 1; i > 0; i--) {
            if (lines.get(i).trim().toLowerCase().startsWith("email:")) {
                for (int j = i - 1; j >= 0; j--) {
                    String s = lines.get(j).trim();
                    if (!s.isEmpty()) return s.length() <= 60 ? s : null;
                }
            }
        }
        return null;
    }

    /** Blank-line separated paragraphs of lines[from, to), each a list of its trimmed non-blank lines. */
    private static List<List<String>> paragraphs(List<String> lines, int from, int to) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty()) {
                if (!cur.isEmpty()) out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(l);
            }
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    private static String join(List<String> para) {
        return Texts.clean(String.join(" ", para));
    }
}
