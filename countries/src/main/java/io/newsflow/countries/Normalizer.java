package io.newsflow.countries;

/**
 * Maps text to the form the automaton is built on: lower case, Latin diacritics removed, curly
 * apostrophes straightened, runs of white space collapsed to one space. Keeps, per normalised char, the
 * offset of its source char so that matches point back into the original text.
 */
final class Normalizer {

    private static final char[] FOLD = new char[0x250];
    /** Per char below 0x250: bit 0 = letter, bit 1 = upper-case letter (for the all-capitals test). */
    private static final byte[] CLASS = new byte[0x250];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            String decomposed = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            FOLD[c] = Character.isWhitespace(c) || c == '\u00a0' || c < ' ' ? ' ' : Character.toLowerCase(base);
        }
        for (char c = 0; c < CLASS.length; c++) {
            CLASS[c] = (byte) ((Character.isLetter(c) ? 1 : 0) | (Character.isUpperCase(c) ? 2 : 0));
        }
        FOLD['ß'] = 'ß';
        FOLD['ø'] = 'o';
        FOLD['Ø'] = 'o';
        FOLD['đ'] = 'd';
        FOLD['Đ'] = 'd';
        FOLD['ł'] = 'l';
        FOLD['Ł'] = 'l';
    }

    private Normalizer() {
    }

    static char fold(char c) {
        if (c < FOLD.length) {
            return FOLD[c];
        }
        return foldRare(c);
    }

    private static char foldRare(char c) {
        if (c == '\u2019' || c == '\u2018' || c == '\u02bc') {
            return '\'';
        }
        if (c == '\u2010' || c == '\u2011' || c == '\u2013') {
            return '-';
        }
        if (Character.isWhitespace(c) || c == '\u00a0') {
            return ' ';
        }
        return Character.toLowerCase(c);
    }

    /**
     * Normalised text ({@code chars[0, length)}) plus the source offset of each of its chars, and whether
     * the source is written in capitals (then case says nothing about proper nouns).
     */
    record Text(char[] chars, int length, int[] sourceOffset, boolean allCaps) {
        String text() {
            return new String(chars, 0, length);
        }
    }

    static Text normalize(String s) {
        char[] out = new char[s.length()];
        int[] offsets = new int[s.length()];
        int n = 0;
        int letters = 0;
        int upper = 0;
        boolean lastSpace = true;
        for (int i = 0; i < s.length(); i++) {
            char raw = s.charAt(i);
            if (raw >= 'A' && raw <= 'Z') {
                letters++;
                upper++;
            } else if (raw >= 'a' && raw <= 'z') {
                letters++;
            } else if (raw > 127 && Character.isLetter(raw)) {
                letters++;
                if (Character.isUpperCase(raw)) {
                    upper++;
                }
            }
            char c = fold(raw);
            if (c == ' ' || c < ' ') {
                if (lastSpace) {
                    continue;
                }
                c = ' ';
                lastSpace = true;
            } else {
                lastSpace = false;
            }
            out[n] = c;
            offsets[n] = i;
            n++;
        }
        if (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        return new Text(out, n, offsets, letters >= 4 && upper * 10 >= letters * 8);
    }

    static String key(String s) {
        // fast path for a plain word (the neighbours of a match): lower-case ASCII letters only
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return plain ? s.toLowerCase(java.util.Locale.ROOT) : normalize(s).text();
    }

    /**
     * Folds {@code s} char by char into {@code out} (same length, same offsets) and tells whether the text
     * is written in capitals, in the same pass.
     */
    static boolean foldInto(String s, char[] out) {
        int n = s.length();
        s.getChars(0, n, out, 0);
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < n; i++) {
            char c = out[i];
            if (c < 0x250) {
                int k = CLASS[c];
                letters += k & 1;
                upper += k >> 1;
                out[i] = FOLD[c];
            } else {
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                }
                out[i] = foldRare(c);
            }
        }
        return letters >= 4 && upper * 10 >= letters * 8;
    }

    /** Whether a text is written in capitals, so that case says nothing about proper nouns. */
    static boolean isAllCaps(String s) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    letters++;
                    upper++;
                } else if (c >= 'a' && c <= 'z') {
                    letters++;
                }
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 4 && upper * 10 >= letters * 8;
    }
}
