package io.newsflow.countries;

import java.util.List;

/**
 * What the tagger reads of an article. Any text field may be null; declared countries are ISO codes the
 * source itself states (they are trusted and always returned).
 */
public record TagInput(String id, String headline, String dateline, String body, List<String> declaredCountries) {

    public TagInput {
        declaredCountries = declaredCountries == null ? List.of() : List.copyOf(declaredCountries);
    }

    public static TagInput of(String headline, String dateline, String body) {
        return new TagInput(null, headline, dateline, body, List.of());
    }
}
