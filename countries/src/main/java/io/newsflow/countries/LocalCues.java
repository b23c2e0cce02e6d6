package io.newsflow.countries;

import java.util.ArrayList;
import java.util.List;

/**
 * Words of local government that imply a country without naming it: a story about a sheriff's office, Rapides
 * Parish or a state senator is set in the United States even when it names only its towns (Alexandria, Pineville).
 * Found with plain substring searches, so the scan costs no more than a few passes of indexOf over the text.
 */
final class LocalCues {
    /**
     * One cue: the country it implies, the text as written, where, and what it is. A weak cue (a city council, a
     * mayor, a dollar amount) is local government anywhere: it implies the country only in a story that names no
     * other country at all.
     */
    record Cue(String code, String text, int offset, String what, boolean weak) {}

    private record Literal(String text, String what) {}

    private static final List<Literal> US_LITERALS = List.of(
            new Literal("Sheriff's Office", "a sheriff's office"), new Literal("sheriff's office", "a sheriff's office"),
            new Literal("Sheriff's Department", "a sheriff's department"), new Literal("sheriff's department", "a sheriff's department"),
            new Literal("sheriff's deputies", "sheriff's deputies"), new Literal("Sheriff's deputies", "sheriff's deputies"),
            new Literal("County Sheriff", "a county sheriff"),
            new Literal("Police Department", "a police department"), new Literal("police department", "a police department"),
            new Literal("District Attorney", "a district attorney"), new Literal("district attorney", "a district attorney"),
            new Literal("School District", "a school district"), new Literal("school district", "a school district"),
            new Literal("state Sen.", "a state senator"), new Literal("state senator", "a state senator"),
            new Literal("state Rep.", "a state representative"), new Literal("state representative", "a state representative"),
            new Literal("state legislature", "a state legislature"), new Literal("state lawmakers", "state lawmakers"),
            new Literal("Interstate ", "an interstate highway"),
            new Literal("First Selectman", "a first selectman"), new Literal("Board of Selectmen", "a board of selectmen"),
            new Literal("County Road", "a county road"));
    private static final List<Literal> US_WEAK = List.of(
            new Literal("City Council", "a city council"), new Literal("city council", "a city council"),
            new Literal("aldermen", "aldermen"), new Literal("Aldermen", "aldermen"),
            new Literal("selectman", "a selectman"), new Literal("selectmen", "selectmen"),
            new Literal("Board of Education", "a board of education"),
            new Literal("Police Chief", "a police chief"), new Literal("police chief", "a police chief"),
            new Literal("Fire Chief", "a fire chief"), new Literal("fire chief", "a fire chief"),
            new Literal("Democrat", "a Democrat"), new Literal("Republican", "a Republican"),
            new Literal("Mayor ", "a mayor"), new Literal("mayor", "a mayor"));
    /** Capitalised word + one of these: Rapides Parish, Cook County, Hamilton Township. */
    private static final List<Literal> US_AFTER_NAME = List.of(
            new Literal(" County", "a county"), new Literal(" Parish", "a parish"), new Literal(" Township", "a township"));
    /** A party and home town after a legislator's name: (R-Elbow Lake), D-Calif. */
    private static final List<String> PARTY = List.of("(R-", "(D-", ", R-", ", D-");

    private LocalCues() {}

    /** Each kind of cue once, first occurrence; empty when none. */
    static List<Cue> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Cue> out = new ArrayList<>(2);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Literal l : US_LITERALS) {
            int at = text.indexOf(l.text());
            if (at >= 0 && wordStart(text, at) && seen.add(l.what())) {
                out.add(new Cue("US", l.text().strip(), at, l.what(), false));
            }
        }
        for (Literal l : US_WEAK) {
            int at = text.indexOf(l.text());
            if (at >= 0 && wordStart(text, at) && seen.add(l.what())) {
                out.add(new Cue("US", l.text().strip(), at, l.what(), true));
            }
        }
        int dollar = text.indexOf('$');
        if (dollar >= 0 && dollar + 1 < text.length() && Character.isDigit(text.charAt(dollar + 1))) {
            out.add(new Cue("US", text.substring(dollar, Math.min(text.length(), dollar + 8)).strip(), dollar, "a dollar amount", true));
        }
        for (Literal l : US_AFTER_NAME) {
            for (int at = text.indexOf(l.text()); at >= 0; at = text.indexOf(l.text(), at + 1)) {
                int end = at + l.text().length();
                int nameStart = previousWordStart(text, at);
                if (nameStart >= 0 && Character.isUpperCase(text.charAt(nameStart)) && (end == text.length() || !Character.isLetter(text.charAt(end)))) {
                    if (seen.add(l.what())) {
                        out.add(new Cue("US", text.substring(nameStart, end), nameStart, l.what(), false));
                    }
                    break;
                }
            }
        }
        for (String p : PARTY) {
            int at = text.indexOf(p);
            int next = at + p.length();
            if (at >= 0 && next < text.length() && Character.isUpperCase(text.charAt(next)) && seen.add("party")) {
                out.add(new Cue("US", text.substring(at, Math.min(text.length(), next + 12)).strip(), at, "a legislator's party and state", false));
            }
        }
        return out;
    }

    private static boolean wordStart(String text, int at) {
        return at == 0 || !Character.isLetter(text.charAt(at - 1));
    }

    /** Start of the word right before {@code at} (which is a space), or -1. */
    private static int previousWordStart(String text, int at) {
        int i = at - 1;
        if (i < 0 || !Character.isLetter(text.charAt(i))) {
            return -1;
        }
        while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
            i--;
        }
        return i;
    }
}
