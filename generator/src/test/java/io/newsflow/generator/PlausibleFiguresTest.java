package io.newsflow.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every figure the generator writes, over many seeds, in a range its phrase makes plausible. */
class PlausibleFiguresTest {
    private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");

    /** A phrase with one figure and the range it must stay in. */
    record Rule(String name, Pattern pattern, double min, double max) {}

    private static final List<Rule> RULES = List.of(
            new Rule("earthquake magnitude", Pattern.compile("(?i)magnitude (\\d+(?:\\.\\d+)?)"), 3.0, 9.5),
            new Rule("percentage", Pattern.compile("(\\d+(?:\\.\\d+)?) percent"), 0, 100),
            new Rule("match score", Pattern.compile("\\b(\\d+)-1\\b"), 1, 9),
            new Rule("year", Pattern.compile("since (\\d+)"), 1950, 2026),
            new Rule("days or months or years", Pattern.compile("(?:for|within|over) (\\d+) (?:days|months|years)"), 1, 60),
            new Rule("thousands of strikers", Pattern.compile("(\\d+),000 (?:workers|join)"), 1, 999),
            new Rule("death toll", Pattern.compile("(?:kills?|reaches|killing|killed at least|At least|leaves|rose to) (\\d+)(?= dead| people| in | on )"), 1, 2000),
            new Rule("billions of trade", Pattern.compile("(\\d+) billion"), 1, 1000),
            new Rule("people kept overnight", Pattern.compile("kept (\\d+) of them"), 1, 100));

    @Test
    void everyFigureStaysInTheRangeOfItsKindOverManySeeds() {
        Map<String, Integer> checked = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (long seed = 1; seed <= 60; seed++) {
            for (WireItem item : WireTrafficModel.generate(seed, 400, T0)) {
                if (item.kind() == WireItem.Kind.MALFORMED || item.kind() == WireItem.Kind.WITHDRAWAL) {
                    continue;
                }
                String text = item.text();
                for (Rule rule : RULES) {
                    Matcher m = rule.pattern().matcher(text);
                    while (m.find()) {
                        double value = Double.parseDouble(m.group(1));
                        checked.merge(rule.name(), 1, Integer::sum);
                        if (value < rule.min() || value > rule.max()) {
                            wrong.add(rule.name() + " " + m.group() + " in " + item.storyKey() + " (seed " + seed + ")");
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("implausible figures").isEmpty();
        // each rule met figures to check: a phrase the generator stopped writing would pass unseen
        assertThat(checked.keySet()).containsExactlyInAnyOrderElementsOf(RULES.stream().map(Rule::name).toList());
    }

    @Test
    void eachKindDrawsItsHeadlineFigureFromItsOwnRange() {
        java.util.Random random = new java.util.Random(3);
        for (StoryKind kind : StoryKind.ALL) {
            for (int i = 0; i < 2_000; i++) {
                double v = Double.parseDouble(kind.figure().draw(random));
                assertThat(v).as("%s %s", kind.slug(), kind.figure().what()).isBetween(kind.figure().min(), kind.figure().max());
            }
        }
        assertThat(StoryKind.ALL.stream().filter(k -> k.slug().equals("earthquake")).findFirst().orElseThrow()
                .figure().draw(new java.util.Random(1))).matches("\\d\\.\\d");
    }
}
