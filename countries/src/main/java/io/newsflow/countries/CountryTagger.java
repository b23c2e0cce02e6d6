package io.newsflow.countries;

import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.Evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells which countries an article is about ({@link CountryRole#FOCUS}) and which it only mentions, with
 * a score and the evidence behind each. One Aho–Corasick pass per field over normalised text finds
 * names, demonyms, abbreviations, capitals, major cities, regions and metonyms; the dateline is read
 * against every known place; ambiguous names (Georgia, Congo) take the reading the rest of the story
 * supports. Immutable and thread-safe: build once with {@link #standard()} and share.
 */
public final class CountryTagger {

    private static final int MAX_EVIDENCE = 8;

    private final Gazetteer gazetteer;
    private final TextScanner scanner;
    private final DatelineReader datelines;
    private final Weights weights;

    private CountryTagger(Gazetteer gazetteer, Weights weights) {
        this.gazetteer = gazetteer;
        this.scanner = new TextScanner(gazetteer);
        this.datelines = new DatelineReader(gazetteer);
        this.weights = weights;
    }

    private static final class Holder {
        static final CountryTagger STANDARD = new CountryTagger(Gazetteer.load(), Weights.defaults());
    }

    /** The tagger over the bundled gazetteer, loaded on first use and shared. */
    public static CountryTagger standard() {
        return Holder.STANDARD;
    }

    /** The bundled gazetteer with other weights (shares the loaded gazetteer). */
    public static CountryTagger withWeights(Weights weights) {
        return new CountryTagger(Holder.STANDARD.gazetteer, weights);
    }

    /** Countries of one article, best score first. */
    public List<CountryTag> tag(TagInput in) {
        String body = in.body() == null ? "" : in.body();
        List<Mention> mentions = new ArrayList<>();
        mentions.addAll(scanner.scan(in.headline(), Mention.Field.HEADLINE, 0));
        mentions.addAll(scanner.scan(body, Mention.Field.BODY, weights.leadChars()));
        pinPlacesToTheirState(mentions);

        Map<String, Double> support = new HashMap<>();
        // evidence that names a country or one of its states, not a city that may be a namesake elsewhere
        Map<String, Double> named = new HashMap<>();
        for (Mention m : mentions) {
            if (!m.ambiguous() && !m.needsCorroboration && !isPhrase(m)) {
                support.merge(m.candidates.get(0).code(), weight(m), Double::sum);
                if (!TextScanner.allPlaces(m.candidates) || m.candidates.get(0).kind() == Kind.REGION) {
                    named.merge(m.candidates.get(0).code(), weight(m), Double::sum);
                }
            }
        }
        for (String code : in.declaredCountries()) {
            support.merge(code.toUpperCase(Locale.ROOT), weights.declared(), Double::sum);
        }
        // local government words (a sheriff's office, a parish) imply their country and read its namesake towns there
        List<LocalCues.Cue> headlineCues = LocalCues.find(in.headline());
        List<LocalCues.Cue> bodyCues = LocalCues.find(body);
        boolean noOtherCountry = true;
        for (String code : support.keySet()) {
            noOtherCountry &= code.equals("US");
        }
        if (!noOtherCountry) {
            headlineCues = strongOnly(headlineCues);
            bodyCues = strongOnly(bodyCues);
        }
        Set<String> implied = new HashSet<>();
        for (List<LocalCues.Cue> cues : List.of(headlineCues, bodyCues)) {
            for (LocalCues.Cue cue : cues) {
                support.merge(cue.code(), weights.cue(), Double::sum);
                named.merge(cue.code(), weights.cue(), Double::sum);
                implied.add(cue.code());
            }
        }

        Map<String, Score> scores = new LinkedHashMap<>();
        readDateline(in, body, support, scores);
        for (Mention m : mentions) {
            m.chosen = choose(m, support);
            if (weights.namesakes() > 0) {
                m.chosen = namesake(m, named, implied);
            }
        }
        for (String code : in.declaredCountries()) {
            String c = code.toUpperCase(Locale.ROOT);
            scores.computeIfAbsent(c, Score::new).add(weights.declared(), true,
                    evidence(c, "declared", -1, "declared by the source"));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Mention m : mentions) {
            Gazetteer.Entry e = m.chosen;
            if (e == null || e.code().equals("-") || e.kind() == Kind.PHRASE && e.code().length() != 2) {
                continue;
            }
            if (m.needsCorroboration && !firmlySupported(e.code(), mentions, scores)) {
                continue;
            }
            double w = weight(m);
            boolean strong = m.field == Mention.Field.HEADLINE;
            if (m.field == Mention.Field.BODY) {
                int n = seen.merge(e.code(), 1, Integer::sum);
                w *= Math.pow(weights.repeatDecay(), n - 1);
            }
            String reason = m.reasonNote == null && !(m.field == Mention.Field.BODY && m.inLead) ? e.kind().reason
                    : e.kind().reason + (m.reasonNote != null ? ", " + m.reasonNote : "")
                    + (m.field == Mention.Field.BODY && m.inLead ? ", lead" : "");
            Score score = scores.computeIfAbsent(e.code(), Score::new);
            score.add(w, strong, score.evidence.size() < MAX_EVIDENCE ? evidence(m.text, m.field.label, m.offset, reason) : null);
            score.named |= !e.kind().isPlace() || e.kind() == Kind.REGION;
        }
        addCues(headlineCues, Mention.Field.HEADLINE, scores);
        addCues(bodyCues, Mention.Field.BODY, scores);
        return rank(scores);
    }

    private static List<LocalCues.Cue> strongOnly(List<LocalCues.Cue> cues) {
        return cues.stream().filter(c -> !c.weak()).toList();
    }

    private void addCues(List<LocalCues.Cue> cues, Mention.Field field, Map<String, Score> scores) {
        for (LocalCues.Cue cue : cues) {
            Score score = scores.computeIfAbsent(cue.code(), Score::new);
            score.add(weights.cue(), false, evidence(cue.text(), field.label, cue.offset(), "implied by " + cue.what()));
            score.named = true;
        }
    }

    private void readDateline(TagInput in, String body, Map<String, Double> support, Map<String, Score> scores) {
        String dateline = in.dateline();
        String field = "dateline";
        if (dateline == null || dateline.isBlank()) {
            dateline = DatelineReader.leadingDateline(body);
            field = "body";
        }
        List<DatelineReader.Place> places = datelines.read(dateline);
        if (places.isEmpty()) {
            return;
        }
        // the most general part decides ("Paris, Texas" is in the US); a lone city takes the country the story supports
        DatelineReader.Place decisive = places.get(places.size() - 1);
        String code = decisive.codes()[0];
        double best = -1;
        for (String c : decisive.codes()) {
            double s = support.getOrDefault(c, 0.0);
            if (s > best + 1e-9) {
                best = s;
                code = c;
            }
        }
        String reason = places.size() > 1 ? "dateline, place in " + code : "dateline";
        Score score = scores.computeIfAbsent(code, Score::new);
        score.add(weights.dateline(), true, evidence(decisive.text(), field, decisive.offset(), reason));
        score.dateline = true;
        score.named = true;
        support.merge(code, weights.dateline(), Double::sum);
    }

    /** "Paris, Texas" / "Paris, Tex.": a place followed by a comma and a state or country is in that one. */
    private static void pinPlacesToTheirState(List<Mention> mentions) {
        for (int i = 0; i + 1 < mentions.size(); i++) {
            Mention place = mentions.get(i);
            Mention state = mentions.get(i + 1);
            if (place.field != state.field || state.offset - place.end > 2 || state.offset - place.end < 1) {
                continue;
            }
            boolean placeLike = TextScanner.allPlaces(place.candidates);
            boolean stateLike = true;
            for (Gazetteer.Entry e : state.candidates) {
                stateLike &= e.kind() == Kind.REGION || e.kind() == Kind.NAME || e.kind() == Kind.ABBREV;
            }
            if (placeLike && stateLike && !state.ambiguous()) {
                String code = state.candidates.get(0).code();
                Gazetteer.Entry first = place.candidates.get(0);
                place.candidates = List.of(new Gazetteer.Entry(first.name(), code, first.kind(), false, false,
                        false, false, false, false));
                place.reasonNote = "place in " + state.text;
            }
        }
    }

    /**
     * Athens, Paris, Alexandria, Lebanon in a story whose states and names all point to another country
     * that has towns of the same name: read the town there (Paris in a story about Tennessee).
     */
    private Gazetteer.Entry namesake(Mention m, Map<String, Double> named, Set<String> implied) {
        Gazetteer.Entry e = m.chosen;
        if (!e.kind().isPlace() || e.kind() == Kind.REGION || m.reasonNote != null
                || named.getOrDefault(e.code(), 0.0) > 0) {
            return e;
        }
        String[] elsewhere = gazetteer.place(m.name.key());
        if (elsewhere == null) {
            return e;
        }
        String best = null;
        double bestSupport = weights.namesakes();
        for (String c : elsewhere) {
            // a local story (a sheriff, a parish) reads its towns in its own country however little it names it
            double s = implied.contains(c) ? Math.max(named.getOrDefault(c, 0.0), weights.namesakes())
                    : named.getOrDefault(c, 0.0);
            if (!c.equals(e.code()) && s >= bestSupport) {
                best = c;
                bestSupport = s;
            }
        }
        if (best == null) {
            return e;
        }
        m.reasonNote = "namesake town in " + best;
        return new Gazetteer.Entry(e.name(), best, e.kind(), false, false, false, false, false, false);
    }

    /** The reading of a mention: the only one, or the one the rest of the story supports. */
    private static Gazetteer.Entry choose(Mention m, Map<String, Double> support) {
        if (!m.ambiguous()) {
            return m.candidates.get(0);
        }
        Gazetteer.Entry best = null;
        double bestScore = 0;
        for (Gazetteer.Entry e : m.candidates) {
            double s = support.getOrDefault(e.code(), 0.0);
            if (s <= 0) {
                continue;
            }
            // a country name beats a same-named region when both are supported (Georgia the country)
            double rank = s + (e.kind() == Kind.NAME ? 1000 : 0);
            if (rank > bestScore) {
                bestScore = rank;
                best = e;
            }
        }
        if (best != null) {
            m.reasonNote = "chosen by context";
            return best;
        }
        return m.candidates.get(0);
    }

    private static boolean firmlySupported(String code, List<Mention> mentions, Map<String, Score> scores) {
        Score s = scores.get(code);
        if (s != null && (s.dateline || s.declared)) {
            return true;
        }
        for (Mention m : mentions) {
            if (m.chosen != null && m.chosen.code().equals(code) && !m.needsCorroboration) {
                return true;
            }
        }
        return false;
    }

    private double weight(Mention m) {
        Gazetteer.Entry e = m.chosen != null ? m.chosen : m.candidates.get(0);
        double w = e.kind().weight;
        if (m.field == Mention.Field.HEADLINE) {
            return w * weights.headline();
        }
        return m.inLead ? w * weights.lead() : w;
    }

    private static boolean isPhrase(Mention m) {
        return m.candidates.get(0).kind() == Kind.PHRASE && m.candidates.get(0).code().equals("-");
    }

    private List<CountryTag> rank(Map<String, Score> scores) {
        for (Score s : scores.values()) {
            if (!s.named) {
                // a city alone is often a company or an accord (Cambridge Corp, the Paris accord), not the country
                s.raw *= weights.placesOnly();
                s.strong = false;
            }
        }
        double max = 0;
        for (Score s : scores.values()) {
            max = Math.max(max, s.raw);
        }
        List<Score> kept = new ArrayList<>();
        for (Score s : scores.values()) {
            if (s.raw >= weights.mentionMin() || s.strong || s.raw >= weights.keepShare() * max) {
                kept.add(s);
            }
        }
        kept.sort((a, b) -> Double.compare(b.raw, a.raw));
        List<CountryTag> out = new ArrayList<>(kept.size());
        for (Score s : kept) {
            boolean focus = s.strong || (s.raw >= weights.focusShare() * max && s.raw >= weights.focusMin());
            // all-args constructors: the Avro builders deep-copy defaults and cost more than the tagging
            out.add(new CountryTag(s.code, focus ? CountryRole.FOCUS : CountryRole.MENTIONED,
                    Math.round(1000.0 * s.raw / (s.raw + 2.0)) / 1000.0, s.evidence));
        }
        return out;
    }

    private static Evidence evidence(String text, String field, int offset, String reason) {
        return new Evidence(text, field, offset, reason);
    }

    /** Evidence gathered for one country. */
    private static final class Score {
        final String code;
        double raw;
        boolean strong;
        boolean dateline;
        boolean declared;
        /** Named by something other than a city: country name, demonym, region, dateline, declaration. */
        boolean named;
        final List<Evidence> evidence = new ArrayList<>(4);

        Score(String code) {
            this.code = code;
        }

        void add(double w, boolean strongEvidence, Evidence e) {
            raw += w;
            strong |= strongEvidence;
            if (e == null) {
                return; // enough evidence shown already; the weight still counts
            }
            if ("declared".equals(e.getField())) {
                declared = true;
                named = true;
            }
            if (evidence.size() < MAX_EVIDENCE) {
                evidence.add(e);
            }
        }
    }
}
