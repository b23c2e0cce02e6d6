package io.newsflow.countries;

import java.util.List;

/**
 * One accepted match of a gazetteer name in a field, with the countries it may point to (more than one
 * until disambiguation picks one).
 */
final class Mention {
    final Field field;
    final int offset;
    final int end;
    final String text;
    final Gazetteer.Name name;
    List<Gazetteer.Entry> candidates;
    final boolean inLead;
    /** Counts only if the chosen country has other, firm evidence (turkey at a sentence start, US in capitals). */
    final boolean needsCorroboration;
    Gazetteer.Entry chosen;
    String reasonNote;

    Mention(Field field, int offset, int end, String text, Gazetteer.Name name, List<Gazetteer.Entry> candidates,
            boolean inLead, boolean needsCorroboration) {
        this.field = field;
        this.offset = offset;
        this.end = end;
        this.text = text;
        this.name = name;
        this.candidates = candidates;
        this.inLead = inLead;
        this.needsCorroboration = needsCorroboration;
    }

    boolean ambiguous() {
        String first = candidates.get(0).code();
        for (int i = 1; i < candidates.size(); i++) {
            if (!candidates.get(i).code().equals(first)) {
                return true;
            }
        }
        return false;
    }

    enum Field {
        HEADLINE("headline"), DATELINE("dateline"), BODY("body"), DECLARED("declared");

        final String label;

        Field(String label) {
            this.label = label;
        }
    }
}
