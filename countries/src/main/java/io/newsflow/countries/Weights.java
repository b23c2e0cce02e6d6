package io.newsflow.countries;

/**
 * How evidence turns into scores. Defaults were chosen on the Reuters-21578 TRAIN split; each can be
 * overridden with a system property {@code newsflow.countries.<field>} for experiments.
 *
 * @param dateline      weight of the dateline's country (where the reporter filed from)
 * @param headline      multiplier for a mention in the headline
 * @param lead          multiplier for a mention in the first {@code leadChars} chars of the body
 * @param leadChars     how much of the body counts as its lead
 * @param declared      weight of a country the source declares
 * @param repeatDecay   each further body mention of a country counts this fraction of the one before
 * @param minScore      raw score below which a country is not returned at all
 * @param focusShare    a country is focus when its raw score is at least this share of the best one
 * @param focusMin      and at least this raw score
 * @param placesOnly    factor for a country named only through its cities (Cambridge Corp, the Paris accord)
 * @param keepShare     a country under {@code minScore} is still returned when its raw score is at least this
 *                      share of the best one: a passing mention is noise next to a dateline, but it is the
 *                      geography of a story that names few places
 * @param namesakes     a city whose country the story never names is read as a same-named town in a country
 *                      the story names with at least this weight (0 turns the rule off)
 */
public record Weights(double dateline, double headline, double lead, int leadChars, double declared,
                      double repeatDecay, double minScore, double focusShare, double focusMin,
                      double placesOnly, double keepShare, double namesakes) {

    public static Weights defaults() {
        return new Weights(
                prop("dateline", 6.0),
                prop("headline", 3.0),
                prop("lead", 1.5),
                (int) prop("leadChars", 300),
                prop("declared", 5.0),
                prop("repeatDecay", 0.7),
                prop("minScore", 2.0),
                prop("focusShare", 0.5),
                prop("focusMin", 2.0),
                prop("placesOnly", 0.5),
                prop("keepShare", 0.35),
                prop("namesakes", 3.0));
    }

    /** The same weights with another threshold; 0 returns every country with any evidence. */
    public Weights withMinScore(double min) {
        return new Weights(dateline, headline, lead, leadChars, declared, repeatDecay, min, focusShare, focusMin,
                placesOnly, min <= 0 ? 0 : keepShare, namesakes);
    }

    private static double prop(String name, double fallback) {
        String v = System.getProperty("newsflow.countries." + name);
        return v == null ? fallback : Double.parseDouble(v);
    }
}
