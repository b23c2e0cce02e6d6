package io.newsflow.countries;

import org.ahocorasick.trie.PayloadTrie;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The flattened automaton against org.ahocorasick as a reference, on the real gazetteer keys. */
class NameAutomatonTest {

    private static final List<String> KEYS = List.of("niger", "nigeria", "new york", "york", "guinea", "papua new guinea",
            "equatorial guinea", "u.s.", "us", "congo", "republic of the congo", "he", "she", "hers", "his");

    private static PayloadTrie<Integer> trie(List<String> keys) {
        PayloadTrie.PayloadTrieBuilder<Integer> b = PayloadTrie.builder();
        for (int i = 0; i < keys.size(); i++) {
            b.addKeyword(keys.get(i), i);
        }
        return b.build();
    }

    private static Set<String> reference(List<String> keys, String normalised, boolean wholeWordsOnly) {
        return reference(trie(keys), normalised, wholeWordsOnly);
    }

    private static Set<String> reference(PayloadTrie<Integer> trie, String normalised, boolean wholeWordsOnly) {
        Set<String> out = new HashSet<>();
        trie.parseText(normalised, e -> {
            int start = e.getStart();
            int end = e.getEnd() + 1;
            boolean whole = (start == 0 || !NameAutomaton.isWordChar(normalised.charAt(start - 1)))
                    && (end == normalised.length() || !NameAutomaton.isWordChar(normalised.charAt(end)));
            if (!wholeWordsOnly || whole) {
                out.add(e.getPayload() + "@" + start + "-" + end);
            }
            return true;
        });
        return out;
    }

    private static Set<String> fullScan(NameAutomaton a, String normalised) {
        Set<String> out = new HashSet<>();
        a.scan(normalised.toCharArray(), normalised.length(), (k, s, e) -> out.add(k + "@" + s + "-" + e));
        return out;
    }

    private static Set<String> wordStarts(NameAutomaton a, String text) {
        Set<String> out = new HashSet<>();
        a.scanWordStarts(text, (k, s, e) -> {
            if (e == text.length() || !NameAutomaton.isWordChar(Normalizer.fold(text.charAt(e)))) {
                out.add(k + "@" + s + "-" + e);
            }
        });
        return out;
    }

    @Test
    void findsWhatTheReferenceFindsOnHandWrittenText() {
        NameAutomaton a = new NameAutomaton(KEYS);
        String text = "ushers said she saw his niger-nigeria map of papua new guinea and new york; the u.s. and us congo";
        assertThat(fullScan(a, text)).isEqualTo(reference(KEYS, text, false));
        assertThat(wordStarts(a, text)).isEqualTo(reference(KEYS, text, true));
        assertThat(wordStarts(a, text)).contains(KEYS.indexOf("nigeria") + "@30-37")
                .doesNotContain(KEYS.indexOf("he") + "@10-12"); // "he" inside "she" is no word of its own
    }

    @Test
    void readsTheSourceCaseAndAccentsAndSpaceRunsLikeTheNormalisedText() {
        NameAutomaton a = new NameAutomaton(KEYS);
        assertThat(wordStarts(a, "Flights to NEW\n   YORK and Nigéria")).containsExactlyInAnyOrder(
                KEYS.indexOf("new york") + "@11-22", KEYS.indexOf("york") + "@18-22", KEYS.indexOf("nigeria") + "@27-34");
    }

    @Test
    void agreesWithTheReferenceOnTheBundledGazetteerAndRandomText() {
        Gazetteer g = Gazetteer.load();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            keys.add(g.name(i).key());
        }
        NameAutomaton a = new NameAutomaton(keys);
        PayloadTrie<Integer> trie = trie(keys);
        Random random = new Random(7);
        String[] words = {"the", "france", "new", "york", "guinea", "bissau", "-", "congo", "of", "republic", "u.s.",
                "a", "man", "paris", "texas", "niger", "nigeria", "south", "africa", "korea", "north", "x", "us"};
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                sb.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
            }
            String text = sb.toString().strip();
            assertThat(fullScan(a, text)).isEqualTo(reference(trie, text, false));
            assertThat(wordStarts(a, text)).isEqualTo(reference(trie, text, true));
        }
    }
}
