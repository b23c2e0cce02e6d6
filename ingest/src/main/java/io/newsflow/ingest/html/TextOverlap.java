package io.newsflow.ingest.html;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How much two texts share, as F1 over word 4-grams (order-aware, robust to whitespace and markup). */
final class TextOverlap {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final int N = 4;

    private TextOverlap() {}

    static double f1(String a, String b) {
        Map<String, Integer> x = shingles(a);
        Map<String, Integer> y = shingles(b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.isEmpty() && y.isEmpty() ? 1 : 0;
        }
        int common = 0;
        int sizeX = 0;
        int sizeY = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            sizeX += e.getValue();
            common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
        }
        for (int v : y.values()) {
            sizeY += v;
        }
        double precision = (double) common / sizeX;
        double recall = (double) common / sizeY;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    static Map<String, Integer> shingles(String text) {
        Map<String, Integer> out = new HashMap<>();
        if (text == null) {
            return out;
        }
        String[] window = new String[N];
        int count = 0;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            window[count % N] = m.group();
            count++;
            if (count >= N) {
                StringBuilder sb = new StringBuilder();
                for (int i = count - N; i < count; i++) {
                    sb.append(window[i % N]).append(' ');
                }
                out.merge(sb.toString(), 1, Integer::sum);
            }
        }
        if (count > 0 && count < N) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                sb.append(window[i]).append(' ');
            }
            out.merge(sb.toString(), 1, Integer::sum);
        }
        return out;
    }
}
