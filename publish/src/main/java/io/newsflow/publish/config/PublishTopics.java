package io.newsflow.publish.config;

import io.newsflow.schemas.Topics;

import java.util.Locale;
import java.util.Objects;

/**
 * Topic names the publisher reads and writes. Defaults follow the contract; every name is configurable.
 * Per-country routing is one topic per ISO code: {@code <countryPrefix><CC>}, e.g. news.articles.country.RU.
 */
public record PublishTopics(String enriched, String articles, String articlesJson, String latest,
                            String countryPrefix, String deadLetter) {

    public static final String DEFAULT_LATEST = "news.articles.latest";
    public static final String DEFAULT_COUNTRY_PREFIX = "news.articles.country.";

    public PublishTopics {
        Objects.requireNonNull(enriched, "input topic (publish.topic.enriched)");
        Objects.requireNonNull(articles, "output topic (publish.topic.articles)");
        Objects.requireNonNull(articlesJson, "output topic (publish.topic.articles.json)");
        Objects.requireNonNull(latest, "output topic (publish.topic.latest)");
        Objects.requireNonNull(countryPrefix, "country topic prefix (publish.topic.country.prefix)");
        Objects.requireNonNull(deadLetter, "dead-letter topic (publish.topic.deadletter)");
    }

    public static PublishTopics defaults() {
        return new PublishTopics(Topics.ENRICHED, Topics.ARTICLES, Topics.ARTICLES_JSON, DEFAULT_LATEST,
                DEFAULT_COUNTRY_PREFIX, Topics.DEADLETTER);
    }

    /** The routing topic of one country; the code is upper-cased (the validator only lets [A-Z]{2} through). */
    public String country(String isoCode) {
        return countryPrefix + isoCode.toUpperCase(Locale.ROOT);
    }
}
