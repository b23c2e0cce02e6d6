package io.newsflow.countries;

/**
 * How evidence turns into scores, and the two thresholds: one for being returned at all (a mention), one for being
 * what the story is about (focus). Weights were chosen on Reuters-21578 TRAIN; the mention threshold on the tuning
 * halves of LGL and TR-News (odd lines). Each can be overridden with a system property
 * {@code newsflow.countries.<field>} for experiments.
 *
 * @param dateline      weight of the dateline's country (where the reporter filed from)
 * @param headline      multiplier for a mention in the headline
 * @param lead          multiplier for a mention in the first {@code leadChars} chars of the body
 * @param leadChars     how much of the body counts as its lead
 * @param declared      weight of a country the source declares
 * @param repeatDecay   each further body mention of a country counts this fraction of the one before
 * @param mentionMin    the mention threshold: a country with a raw score below it is not returned (0: every country
 *                      the text names or implies, which is what a list of mentions is for)
 * @param focusShare    the focus threshold, relative: a country is focus when its raw score is at least this share of
 *                      the best one (or it has dateline, headline or declared evidence)
 * @param focusMin      the focus threshold, absolute: and at least this raw score
 * @param placesOnly    factor for a country named only through its cities (Cambridge Corp, the Paris accord)
 * @param keepShare     with a mention threshold above 0, a country under it is still returned when its raw score is
 *                      at least this share of the best one
 * @param namesakes     a city whose country the story never names is read as a same-named town in a country
 *                      the story names with at least this weight (0 turns the rule off)
 * @param cue           weight of each distinct local-government cue that implies a country without naming it (a
 *                      sheriff's office, a county, a state senator: the United States)
 */
public record Weights(double dateline, double headline, double lead, int leadChars, double declared,
                      double repeatDecay, double mentionMin, double focusShare, double focusMin,
                      double placesOnly, double keepShare, double namesakes, double cue) {

    public static Weights defaults() {
        return new Weights(
                prop("dateline", 6.0),
                prop("headline", 3.0),
                prop("lead", 1.5),
                (int) prop("leadChars", 300),
                prop("declared", 5.0),
                prop("repeatDecay", 0.7),
                prop("mentionMin", 0.0),
                prop("focusShare", 0.5),
                prop("focusMin", 2.0),
                prop("placesOnly", 0.5),
                prop("keepShare", 0.35),
                prop("namesakes", 3.0),
                prop("cue", 1.0));
    }

    /** The same weights with another mention threshold; 0 returns every country with any evidence. */
    public Weights withMentionMin(double min) {
        return new Weights(dateline, headline, lead, leadChars, declared, repeatDecay, min, focusShare, focusMin,
                placesOnly, min <= 0 ? 0 : keepShare, namesakes, cue);
    }

    /** The same weights with another absolute focus threshold. */
    public Weights withFocusMin(double min) {
        return new Weights(dateline, headline, lead, leadChars, declared, repeatDecay, mentionMin, focusShare, min,
                placesOnly, keepShare, namesakes, cue);
    }

    private static double prop(String name, double fallback) {
        String v = System.getProperty("newsflow.countries." + name);
        return v == null ? fallback : Double.parseDouble(v);
    }
}
