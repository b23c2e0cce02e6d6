package io.newsflow.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One news event that several agencies cover: where it happens (the focus country), the other country it mentions
 * and the facts every agency shares (its own details, see {@link StoryDetails}). {@link #copy} writes one agency's
 * version of it.
 */
record Story(String key, StoryKind kind, Place place, Place other, String number, String person, boolean capitalDateline,
             Instant firstSeen, List<String> details) {

    private static final List<String> PEOPLE = List.of("Anna Petrova", "Jean Moreau", "Li Wei", "Amina Yusuf",
            "Carlos Mendes", "Hana Sato", "Ravi Sharma", "Olga Kovalenko", "David Okafor", "Sofia Rossi",
            "Mehmet Yilmaz", "Lucia Fernandez", "Piotr Nowak", "Grace Wanjiru", "Tomas Lindqvist");

    static String personFor(int index) {
        return PEOPLE.get(Math.floorMod(index, PEOPLE.size()));
    }

    /** The written copy of this story by one agency, at a version (updates add a paragraph). */
    Copy copy(Agency agency, int version) {
        int style = agency.headlineStyle();
        // each desk has its house style, shifted per story: one desk does not word every flood the same way
        int shift = Math.floorMod(key.hashCode(), 997);
        String headline = fill(kind.headlines().get((style + shift) % kind.headlines().size()));
        if (version > 1) {
            headline = "UPDATE " + (version - 1) + ": " + headline;
        }
        String dateline = capitalDateline ? place.capital() : place.city().toUpperCase(Locale.ROOT);
        String lede = fill(kind.ledes().get((style + shift) % kind.ledes().size()));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(dateline + " (" + agency.name() + ") - " + lede);
        // each desk orders the shared facts its own way: the story's own details first, then one of its kind's
        for (int i = 0; i < details.size(); i++) {
            paragraphs.add(details.get((i + style) % details.size()));
        }
        List<String> facts = kind.facts();
        paragraphs.add(fill(facts.get(shift % facts.size())));
        for (int v = 2; v <= version; v++) {
            paragraphs.add(fill(kind.updateFact()));
        }
        String byline = "By " + personFor(key.hashCode() + style * 7 + 3);
        return new Copy(headline, lede, paragraphs, dateline, kind.keywords(), byline);
    }

    private String fill(String template) {
        return template.replace("{C}", place.name()).replace("{D}", place.demonym())
                .replace("{CITY}", place.city()).replace("{CAP}", titleCase(place.capital()))
                .replace("{N}", number).replace("{P}", person).replace("{O}", other.name());
    }

    private static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean start = true;
        for (char c : upper.toCharArray()) {
            out.append(start ? c : Character.toLowerCase(c));
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }

    /** One agency's text of a story. */
    record Copy(String headline, String summary, List<String> paragraphs, String dateline, List<String> keywords,
                String byline) {
        String body() {
            return String.join("\n\n", paragraphs);
        }
    }
}
