package io.newsflow.countries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the place out of a dateline ("NEW YORK, Feb 26 -", "Paris, Texas, May 2 (AP) -") or, when the
 * article has none, out of the opening words of the body ("LONDON (Reuters) - ..."). A dateline names
 * where the reporter was; it may be any town, so besides the gazetteer it uses the full place list.
 */
final class DatelineReader {

    private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");

    /** A place the dateline names and the countries it may be in, most likely first. */
    record Place(String text, int offset, String[] codes, boolean country) {
    }

    private final Gazetteer gazetteer;

    DatelineReader(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The place parts of a dateline, most general (country or state) last. */
    List<Place> read(String dateline) {
        List<Place> out = new ArrayList<>();
        if (dateline == null || dateline.isBlank()) {
            return out;
        }
        int pos = 0;
        while (pos < dateline.length()) {
            int comma = dateline.indexOf(',', pos);
            int stop = comma < 0 ? dateline.length() : comma;
            String part = dateline.substring(pos, stop);
            int paren = part.indexOf('(');
            if (paren >= 0) {
                part = part.substring(0, paren);
            }
            int dash = part.indexOf(" -");
            if (dash >= 0) {
                part = part.substring(0, dash);
            }
            String trimmed = part.strip();
            int lead = 0;
            while (lead < trimmed.length() && !Character.isLetterOrDigit(trimmed.charAt(lead))) {
                lead++; // wire markers such as "****NEW YORK"
            }
            trimmed = trimmed.substring(lead);
            if (trimmed.isEmpty() || isDate(trimmed)) {
                break;
            }
            Place place = resolve(trimmed, pos + part.indexOf(trimmed));
            if (place != null) {
                out.add(place);
            }
            if (paren >= 0 || dash >= 0 || comma < 0) {
                break;
            }
            pos = comma + 1;
        }
        return out;
    }

    /** A dateline written at the start of the body, up to the agency credit or dash; null if none. */
    static String leadingDateline(String body) {
        if (body == null) {
            return null;
        }
        int limit = Math.min(body.length(), 60);
        int i = 0;
        while (i < limit && body.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        for (; i < limit; i++) {
            char c = body.charAt(i);
            if (c == '(' || c == '\u2014' || c == '\u2013' || (c == '-' && i > 0 && body.charAt(i - 1) == ' ')) {
                String head = body.substring(start, i).strip();
                // a dateline is written in capitals ("WASHINGTON") or as "Paris, Texas" before the credit
                int comma = head.indexOf(',');
                return !head.isEmpty() && (TextScanner.isAllCaps(comma < 0 ? head : head.substring(0, comma)) || c == '(')
                        ? head : null;
            }
            if (c == '.' && i + 1 < limit && body.charAt(i + 1) == ' ' && !Character.isUpperCase(body.charAt(i - 1))) {
                return null;
            }
            if (c == '\n') {
                return null;
            }
        }
        return null;
    }

    private static boolean isDate(String part) {
        int end = 0;
        while (end < part.length() && Character.isLetterOrDigit(part.charAt(end))) {
            end++;
        }
        String first = part.substring(0, end).toLowerCase(Locale.ROOT);
        return MONTHS.contains(first) || Character.isDigit(part.charAt(0));
    }

    private Place resolve(String text, int offset) {
        String key = Normalizer.key(text);
        Gazetteer.Name name = gazetteer.name(key);
        if (name != null) {
            List<String> codes = new ArrayList<>();
            boolean country = false;
            for (Gazetteer.Entry e : name.entries()) {
                if (e.code().equals("-")) {
                    continue;
                }
                if (!codes.contains(e.code())) {
                    codes.add(e.code());
                }
                country |= e.kind() == Kind.NAME || e.kind() == Kind.ABBREV || e.kind() == Kind.FORMER
                        || e.kind() == Kind.REGION;
            }
            boolean major = name.entries().stream().anyMatch(e -> e.kind() == Kind.CITY || e.kind() == Kind.CAPITAL);
            String[] known = gazetteer.place(key);
            if (known != null && !country && !major) {
                for (String c : known) {
                    if (!codes.contains(c)) {
                        codes.add(c);
                    }
                }
            }
            if (!codes.isEmpty()) {
                return new Place(text, offset, codes.toArray(String[]::new), country);
            }
        }
        String[] codes = gazetteer.place(key);
        if (codes == null && key.startsWith("st. ")) {
            codes = gazetteer.place("saint " + key.substring(4));
        }
        if (codes == null && key.startsWith("st ")) {
            codes = gazetteer.place("saint " + key.substring(3));
        }
        if (codes == null && key.startsWith("ft. ")) {
            codes = gazetteer.place("fort " + key.substring(4));
        }
        return codes == null ? null : new Place(text, offset, codes, false);
    }
}
