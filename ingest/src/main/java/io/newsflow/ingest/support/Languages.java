package io.newsflow.ingest.support;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Language of an item: the declared one (normalised to a BCP 47 tag) or, when none is declared,
 * detected from the text (optimaize n-gram profiles) and only when the detector is confident.
 */
public final class Languages {
    /** Below this many letters a guess is noise: better null than invented. */
    static final int MIN_LETTERS = 40;
    static final double MIN_PROBABILITY = 0.90;

    private Languages() {}

    private static final class Holder {
        static final LanguageDetector DETECTOR = build();

        private static LanguageDetector build() {
            try {
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load language profiles", e);
            }
        }
    }

    /** The declared tag normalised ({@code EN_us} -> {@code en-US}), else a confident detection, else null. */
    public static String declaredOrDetected(String declared, String... texts) {
        String d = normalise(declared);
        if (d != null) return d;
        StringBuilder sb = new StringBuilder();
        for (String t : texts) if (t != null) sb.append(t).append('\n');
        return detect(sb.toString());
    }

    public static String normalise(String tag) {
        String t = Texts.clean(tag);
        if (t == null) return null;
        Locale l = Locale.forLanguageTag(t.replace('_', '-'));
        String out = l.toLanguageTag();
        return "und".equals(out) ? null : out;
    }

    /** Detected ISO 639-1 code, or null when the text is too short or the detector is unsure. */
    public static String detect(String text) {
        if (text == null) return null;
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters < MIN_LETTERS) return null;
        String sample = text.length() > 4000 ? text.substring(0, 4000) : text;
        List<DetectedLanguage> probs = Holder.DETECTOR.getProbabilities(sample);
        if (probs.isEmpty() || probs.get(0).getProbability() < MIN_PROBABILITY) return null;
        return normalise(probs.get(0).getLocale().getLanguage());
    }
}
