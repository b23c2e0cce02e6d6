package io.newsflow.publish.config;

import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicContract.Role;

import java.util.Locale;
import java.util.Objects;

/**
 * Topic names the publisher reads and writes. Defaults follow the contract; every name is configurable.
 * Per-country routing is one topic per ISO code: {@code <countryPrefix><CC>}, e.g. news.articles.country.RU.
 */
public record PublishTopics(String enriched, String articles, String articlesJson, String latest,
                            String countryPrefix, String deadLetter) {

    public static final String DEFAULT_LATEST = TopicContract.DEFAULT_LATEST;
    public static final String DEFAULT_COUNTRY_PREFIX = TopicContract.DEFAULT_COUNTRY_PREFIX;

    public PublishTopics {
        Objects.requireNonNull(enriched, "input topic (topics.name.enriched)");
        Objects.requireNonNull(articles, "output topic (topics.name.articles)");
        Objects.requireNonNull(articlesJson, "output topic (topics.name.articles.json)");
        Objects.requireNonNull(latest, "output topic (topics.name.latest)");
        Objects.requireNonNull(countryPrefix, "country topic prefix (topics.name.country.prefix)");
        Objects.requireNonNull(deadLetter, "dead-letter topic (topics.name.deadletter)");
    }

    public static PublishTopics defaults() {
        return from(TopicContract.defaults());
    }

    /** The names the topic contract gives (topics.name.*). */
    public static PublishTopics from(TopicContract c) {
        return new PublishTopics(c.name(Role.ENRICHED), c.name(Role.ARTICLES), c.name(Role.ARTICLES_JSON), c.name(Role.LATEST),
                c.countryPrefix(), c.name(Role.DEADLETTER));
    }

    /** The routing topic of one country; the code is upper-cased (the validator only lets [A-Z]{2} through). */
    public String country(String isoCode) {
        return countryPrefix + isoCode.toUpperCase(Locale.ROOT);
    }
}
