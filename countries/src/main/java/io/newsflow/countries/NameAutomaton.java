package io.newsflow.countries;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Aho–Corasick automaton over normalised text, flattened into primitive arrays. A generic trie keyed
 * by boxed characters in hash maps spends most of its time on lookups; here the root has a dense table
 * for ASCII and other nodes keep their few edges sorted in one shared array. Immutable, so safe to share.
 *
 * <p>{@link #scanWordStarts} is what the tagger uses: names only count as whole words, so a match can
 * only begin where a word begins, and the failure transitions (which exist to find matches beginning
 * inside other matches or words) can be skipped: one left-to-right pass that walks the goto edges from
 * each word start for as long as they match. It finds exactly the whole-word-starting matches that
 * {@link #scan} finds, in a fraction of the time (most words leave the root after one or two chars).
 */
final class NameAutomaton {

    /** Receives matches in order of their end position. */
    interface Sink {
        void match(int key, int start, int end);
    }

    private final int[] edgeStart;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] fail;
    private final int[] output;
    private final int[] dictLink;
    private final int[] keyLength;
    private final int[] rootAscii = new int[128];

    NameAutomaton(List<String> keys) {
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        children.add(new TreeMap<>());
        out.add(-1);
        keyLength = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            keyLength[k] = key.length();
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                Integer next = children.get(node).get(key.charAt(i));
                if (next == null) {
                    next = children.size();
                    children.add(new TreeMap<>());
                    out.add(-1);
                    children.get(node).put(key.charAt(i), next);
                }
                node = next;
            }
            out.set(node, k);
        }
        int n = children.size();
        edgeStart = new int[n + 1];
        int edges = 0;
        for (int i = 0; i < n; i++) {
            edgeStart[i] = edges;
            edges += children.get(i).size();
        }
        edgeStart[n] = edges;
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        for (int i = 0; i < n; i++) {
            int e = edgeStart[i];
            for (var entry : children.get(i).entrySet()) {
                edgeChar[e] = entry.getKey();
                edgeTarget[e] = entry.getValue();
                e++;
            }
        }
        output = out.stream().mapToInt(Integer::intValue).toArray();
        Arrays.fill(rootAscii, -1);
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
            if (edgeChar[e] < 128) {
                rootAscii[edgeChar[e]] = edgeTarget[e];
            }
        }
        fail = new int[n];
        dictLink = new int[n];
        Arrays.fill(dictLink, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
            fail[edgeTarget[e]] = 0;
            queue.add(edgeTarget[e]);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                int child = edgeTarget[e];
                char c = edgeChar[e];
                int f = fail[node];
                int target;
                while ((target = step(f, c)) < 0 && f != 0) {
                    f = fail[f];
                }
                fail[child] = target < 0 || target == child ? 0 : target;
                int fc = fail[child];
                dictLink[child] = output[fc] >= 0 ? fc : dictLink[fc];
                queue.add(child);
            }
        }
    }

    private int step(int node, char c) {
        if (node == 0 && c < 128) {
            return rootAscii[c];
        }
        int lo = edgeStart[node];
        int hi = edgeStart[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeChar[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return -1;
    }

    /** Reports every key occurring in {@code text[0, length)}; start inclusive, end exclusive. */
    void scan(char[] text, int length, Sink sink) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            int next;
            while ((next = step(state, c)) < 0 && state != 0) {
                state = fail[state];
            }
            state = next < 0 ? 0 : next;
            for (int s = output[state] >= 0 ? state : dictLink[state]; s >= 0; s = dictLink[s]) {
                int key = output[s];
                sink.match(key, i + 1 - keyLength[key], i + 1);
            }
        }
    }

    /** {@link #scanWordStarts(char[], int, Sink)} over {@code text} read through {@link Normalizer#fold}. */
    void scanWordStarts(String text, Sink sink) {
        char[] folded = new char[text.length()];
        Normalizer.foldInto(text, folded);
        scanWordStarts(folded, folded.length, sink);
    }

    /**
     * Reports every key that starts at a word start of the folded text (the first char, or a letter or
     * digit after a char that is neither), treating a run of spaces as one space; start inclusive, end
     * exclusive. Folding keeps one char per source char, so offsets are those of the source text.
     */
    void scanWordStarts(char[] text, int length, Sink sink) {
        boolean previousIsWordChar = false;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            boolean wordChar = isWordChar(c);
            if (wordChar && !previousIsWordChar) {
                int node = c < 128 ? rootAscii[c] : step(0, c);
                char last = c;
                for (int j = i + 1; node >= 0; j++) {
                    if (output[node] >= 0) {
                        sink.match(output[node], i, j);
                    }
                    if (j == length) {
                        break;
                    }
                    char d = text[j];
                    if (d == ' ' && last == ' ') {
                        continue; // "New\n    York" reads as "new york"
                    }
                    last = d;
                    node = step(node, d);
                }
            }
            previousIsWordChar = wordChar;
        }
    }

    static boolean isWordChar(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                : Character.isLetterOrDigit(c);
    }

    int states() {
        return fail.length;
    }
}
