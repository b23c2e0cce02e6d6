package io.newsflow.publish.route;

import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which countries of an article get a copy on their {@code news.articles.country.<CC>} topic
 * ({@code publish.country.topics}). Every copy is a record, and each country topic a transaction touches gets a
 * commit marker, so country copies are about a fifth of the log writes per article; a deployment whose readers
 * use only the focus countries, or only {@code news.articles.json}, can write fewer.
 */
public enum CountryCopies {
    /** every tagged country, focus and mentioned (the default) */
    ALL,
    /** the countries the article is about */
    FOCUS,
    /** no country topics */
    NONE;

    public static final String KEY = "publish.country.topics";

    /** The codes that get a copy, each once, in tag order. */
    public Set<String> codes(List<CountryTag> tags) {
        Set<String> codes = new LinkedHashSet<>();
        if (this == NONE) return codes;
        for (CountryTag tag : tags) {
            if (this == ALL || tag.getRole() == CountryRole.FOCUS) codes.add(tag.getCode());
        }
        return codes;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
