package io.newsflow.enrich.stories;

import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where an article or a story is: the countries it is about (focus) and every country it names. Two events written
 * to the same skeleton in different countries ("Voters in X cast ballots...") are told apart here: an article joins a
 * story only when each is about a country the other names.
 */
record StoryPlaces(Set<String> focus, Set<String> all) {
    static final StoryPlaces NONE = new StoryPlaces(Set.of(), Set.of());

    StoryPlaces {
        focus = Set.copyOf(focus);
        all = Set.copyOf(all);
    }

    static StoryPlaces of(List<CountryTag> tags) {
        if (tags == null || tags.isEmpty()) return NONE;
        Set<String> focus = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (CountryTag t : tags) {
            all.add(t.getCode());
            if (t.getRole() == CountryRole.FOCUS) focus.add(t.getCode());
        }
        all.addAll(focus);
        return new StoryPlaces(focus, all);
    }

    /** The places of a story: what its members are about and name, together. */
    static StoryPlaces union(Collection<StoryPlaces> members) {
        Set<String> focus = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (StoryPlaces p : members) {
            focus.addAll(p.focus());
            all.addAll(p.all());
        }
        return new StoryPlaces(focus, all);
    }

    /**
     * False when both have a focus and one is about no country the other names: another place, another event. Without
     * a focus on either side (too little text, no country) places say nothing and the text decides.
     */
    boolean compatibleWith(StoryPlaces story) {
        if (focus.isEmpty() || story.focus().isEmpty()) return true;
        return intersects(focus, story.all()) && intersects(story.focus(), all);
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) if (b.contains(x)) return true;
        return false;
    }
}
