package io.newsflow.countries;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Words of local government that imply a country without naming it: a story about a sheriff's office, Rapides
 * Parish or a state senator is set in the United States even when it names only its towns (Alexandria, Pineville).
 * Every pattern is found in one pass over the text (a small Aho–Corasick automaton over the original characters,
 * case-sensitive), so the cues cost a few nanoseconds per character whatever their number.
 */
final class LocalCues {
    /**
     * One cue: the country it implies, the text as written, where, and what it is. A weak cue (a city council, a
     * mayor, a dollar amount) is local government anywhere: it implies the country only in a story that names no
     * other country at all.
     */
    record Cue(String code, String text, int offset, String what, boolean weak) {}

    /** What a pattern needs around it: nothing, a capitalised word before it, a capital or a digit after it. */
    private enum Context { WORD, AFTER_NAME, BEFORE_CAPITAL, BEFORE_DIGIT }

    private record Pattern(String text, String what, boolean weak, Context context) {}

    private static final List<Pattern> PATTERNS = new ArrayList<>();

    private static void strong(String what, String... texts) {
        for (String t : texts) PATTERNS.add(new Pattern(t, what, false, Context.WORD));
    }

    private static void weak(String what, String... texts) {
        for (String t : texts) PATTERNS.add(new Pattern(t, what, true, Context.WORD));
    }

    static {
        strong("a sheriff's office", "Sheriff's Office", "sheriff's office");
        strong("a sheriff's department", "Sheriff's Department", "sheriff's department");
        strong("sheriff's deputies", "sheriff's deputies", "Sheriff's deputies");
        strong("a county sheriff", "County Sheriff");
        strong("a police department", "Police Department", "police department");
        strong("a district attorney", "District Attorney", "district attorney");
        strong("a school district", "School District", "school district");
        strong("a state senator", "state Sen.", "state senator");
        strong("a state representative", "state Rep.", "state representative");
        strong("a state legislature", "state legislature");
        strong("state lawmakers", "state lawmakers");
        strong("an interstate highway", "Interstate ");
        strong("a first selectman", "First Selectman");
        strong("a board of selectmen", "Board of Selectmen");
        strong("a county road", "County Road");
        weak("a city council", "City Council", "city council");
        weak("aldermen", "aldermen", "Aldermen");
        weak("a selectman", "selectman", "selectmen");
        weak("a board of education", "Board of Education");
        weak("a police chief", "Police Chief", "police chief");
        weak("a fire chief", "Fire Chief", "fire chief");
        weak("a Democrat", "Democrat");
        weak("a Republican", "Republican");
        weak("a mayor", "Mayor ", "mayor");
        // Rapides Parish, Cook County, Hamilton Township
        for (String[] t : new String[][] {{" County", "a county"}, {" Parish", "a parish"}, {" Township", "a township"}}) {
            PATTERNS.add(new Pattern(t[0], t[1], false, Context.AFTER_NAME));
        }
        // a legislator's party and home: (R-Elbow Lake), D-Calif.
        for (String t : new String[] {"(R-", "(D-", ", R-", ", D-"}) {
            PATTERNS.add(new Pattern(t, "a legislator's party and state", false, Context.BEFORE_CAPITAL));
        }
        PATTERNS.add(new Pattern("$", "a dollar amount", true, Context.BEFORE_DIGIT));
    }

    private static final Automaton AUTOMATON = new Automaton(PATTERNS);

    private LocalCues() {}

    /** Each kind of cue once, first occurrence; empty when none. */
    static List<Cue> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Cue> out = null;
        Set<String> seen = null;
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            state = AUTOMATON.step(state, text.charAt(i));
            for (int p = AUTOMATON.output[state]; p >= 0; p = AUTOMATON.nextOutput[p]) {
                Pattern pattern = PATTERNS.get(p);
                int start = i + 1 - pattern.text().length();
                Cue cue = accept(text, start, i + 1, pattern);
                if (cue == null) {
                    continue;
                }
                if (seen == null) {
                    seen = new HashSet<>();
                    out = new ArrayList<>(2);
                }
                if (seen.add(pattern.what())) {
                    out.add(cue);
                }
            }
        }
        return out == null ? List.of() : out;
    }

    private static Cue accept(String text, int start, int end, Pattern p) {
        switch (p.context()) {
            case WORD -> {
                if (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                    return null;
                }
                return new Cue("US", p.text().strip(), start, p.what(), p.weak());
            }
            case AFTER_NAME -> {
                int nameStart = previousWordStart(text, start);
                if (nameStart < 0 || !Character.isUpperCase(text.charAt(nameStart))
                        || end < text.length() && Character.isLetter(text.charAt(end))) {
                    return null;
                }
                return new Cue("US", text.substring(nameStart, end), nameStart, p.what(), p.weak());
            }
            case BEFORE_CAPITAL -> {
                if (end >= text.length() || !Character.isUpperCase(text.charAt(end))) {
                    return null;
                }
                return new Cue("US", text.substring(start, Math.min(text.length(), end + 12)).strip(), start, p.what(), p.weak());
            }
            default -> {
                if (end >= text.length() || !Character.isDigit(text.charAt(end))) {
                    return null;
                }
                return new Cue("US", text.substring(start, Math.min(text.length(), end + 8)).strip(), start, p.what(), p.weak());
            }
        }
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

    /** Aho–Corasick over the patterns' characters, with full transitions for chars below 128 (others reset). */
    private static final class Automaton {
        private static final int ASCII = 128;
        /** Transitions, flattened: state * 128 + char. */
        final int[] next;
        final int[] output;
        final int[] nextOutput;

        Automaton(List<Pattern> patterns) {
            List<int[]> go = new ArrayList<>();
            go.add(newRow());
            List<Integer> out = new ArrayList<>();
            out.add(-1);
            nextOutput = new int[patterns.size()];
            Arrays.fill(nextOutput, -1);
            for (int p = 0; p < patterns.size(); p++) {
                int s = 0;
                for (char c : patterns.get(p).text().toCharArray()) {
                    if (go.get(s)[c] < 0) {
                        go.get(s)[c] = go.size();
                        go.add(newRow());
                        out.add(-1);
                    }
                    s = go.get(s)[c];
                }
                nextOutput[p] = out.get(s);
                out.set(s, p);
            }
            int n = go.size();
            int[] fail = new int[n];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int c = 0; c < ASCII; c++) {
                int t = go.get(0)[c];
                if (t < 0) {
                    go.get(0)[c] = 0;
                } else {
                    fail[t] = 0;
                    queue.add(t);
                }
            }
            int[] outputs = new int[n];
            for (int i = 0; i < n; i++) outputs[i] = out.get(i);
            while (!queue.isEmpty()) {
                int s = queue.poll();
                // a state's matches include those of its failure state: chain them after its own
                if (outputs[s] < 0) {
                    outputs[s] = outputs[fail[s]];
                } else {
                    int last = outputs[s];
                    while (nextOutput[last] >= 0) last = nextOutput[last];
                    if (outputs[fail[s]] >= 0 && outputs[fail[s]] != outputs[s]) nextOutput[last] = outputs[fail[s]];
                }
                for (int c = 0; c < ASCII; c++) {
                    int t = go.get(s)[c];
                    if (t < 0) {
                        go.get(s)[c] = go.get(fail[s])[c];
                    } else {
                        fail[t] = go.get(fail[s])[c];
                        queue.add(t);
                    }
                }
            }
            this.next = new int[n * ASCII];
            for (int i = 0; i < n; i++) {
                System.arraycopy(go.get(i), 0, next, i * ASCII, ASCII);
            }
            this.output = outputs;
        }

        private static int[] newRow() {
            int[] row = new int[ASCII];
            Arrays.fill(row, -1);
            return row;
        }

        int step(int state, char c) {
            return c < ASCII ? next[state * ASCII + c] : 0;
        }
    }
}
