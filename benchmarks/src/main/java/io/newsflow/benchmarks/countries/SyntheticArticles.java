package io.newsflow.benchmarks.countries;

import io.newsflow.countries.TagInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Wire-style articles written from templates: country names, demonyms, capitals, abbreviations,
 * ambiguous words and plenty of plain text, so the automaton sees realistic hit rates. Deterministic by seed.
 */
final class SyntheticArticles {

    private static final String[] PLACES = {"Germany", "France", "Japan", "Brazil", "Kenya", "the U.S.", "Britain",
            "China", "India", "Canada", "Mexico", "Turkey", "Georgia", "Jordan", "Niger", "Nigeria", "Congo",
            "Guinea-Bissau", "the Dominican Republic", "Paris, Texas", "Moscow", "Tokyo", "Washington", "Ottawa",
            "New South Wales", "Ontario", "the Kremlin", "Downing Street", "Beijing", "Lagos", "Sao Paulo"};
    private static final String[] PEOPLE_OF = {"German", "French", "Japanese", "Brazilian", "Kenyan", "American",
            "British", "Chinese", "Indian", "Canadian", "Mexican", "Turkish", "Russian", "Cuban"};
    private static final String[] DATELINES = {"LONDON", "NEW YORK", "TOKYO", "FRANKFURT", "PARIS", "NAIROBI",
            "SINGAPORE", "BOCA RATON", "HOUSTON", "SYDNEY", "ZURICH", "JOHANNESBURG"};
    private static final String[] SENTENCES = {
            "Officials in %s said the measures would take effect next month, after weeks of talks with lenders.",
            "Traders said demand from %s buyers had picked up since the start of the quarter.",
            "The ministry expects output to rise by about three percent this year, according to a statement.",
            "Shares of the company closed higher on Tuesday as investors weighed the outlook for margins.",
            "%s has been negotiating with its neighbours over access to the river for several years.",
            "A spokesman for the group declined to comment on the report, citing continuing negotiations.",
            "Analysts polled before the release had forecast a smaller decline in industrial orders.",
            "Exports to %s fell sharply in the first half, customs figures showed on Wednesday.",
            "Chad Miller, who manages a fund in the city, said prices had further to fall.",
            "The central bank left its key rate unchanged and signalled no change before the summer.",
            "Farmers complained that a frozen turkey now costs almost twice what it did two years ago.",
            "%s officials met their counterparts to discuss shipping routes and port fees.",
            "Workers at two plants voted to strike over pay, a union leader told reporters.",
            "The agency said the figures were preliminary and could be revised in coming weeks.",
    };

    private SyntheticArticles() {
    }

    static List<TagInput> generate(int count, int bodyChars, long seed) {
        Random random = new Random(seed);
        List<TagInput> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder(bodyChars + 200);
            while (body.length() < bodyChars) {
                String s = SENTENCES[random.nextInt(SENTENCES.length)];
                if (s.contains("%s")) {
                    String fill = s.startsWith("%s officials") || s.contains("%s buyers")
                            ? PEOPLE_OF[random.nextInt(PEOPLE_OF.length)] : PLACES[random.nextInt(PLACES.length)];
                    s = String.format(s, fill);
                    s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
                }
                body.append(s).append(random.nextInt(4) == 0 ? "\n\n" : " ");
            }
            String headline = PEOPLE_OF[random.nextInt(PEOPLE_OF.length)] + " exporters see slower growth in "
                    + PLACES[random.nextInt(PLACES.length)];
            String dateline = DATELINES[random.nextInt(DATELINES.length)] + ", March " + (1 + random.nextInt(28)) + " -";
            out.add(new TagInput("synthetic-" + i, headline, dateline, body.substring(0, bodyChars), List.of()));
        }
        return out;
    }
}
