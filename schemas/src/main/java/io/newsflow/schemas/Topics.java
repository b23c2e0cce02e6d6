package io.newsflow.schemas;

/** Default topic names of the outside contract; every service takes them from config, these are the defaults. */
public final class Topics {
    public static final String RAW = "news.articles.raw";
    public static final String ENRICHED = "news.articles.enriched";
    public static final String ARTICLES = "news.articles";
    public static final String ARTICLES_JSON = "news.articles.json";
    public static final String TRENDING = "news.trending";
    public static final String DEADLETTER = "news.deadletter";
    public static final String ENGAGEMENT = "news.engagement";

    private Topics() {}
}
