package io.newsflow.ingest;

import io.newsflow.schemas.avro.Article;

import java.util.ArrayList;
import java.util.List;

/** What one document gave: the articles, in document order, and the items that could not be read. */
public record ParseResult(String format, List<Article> articles, List<ItemError> errors) {
    public ParseResult {
        articles = List.copyOf(articles);
        errors = List.copyOf(errors);
    }

    /** Collects articles and per-item errors while walking a document. */
    public static final class Builder {
        private final String format;
        private final List<Article> articles = new ArrayList<>();
        private final List<ItemError> errors = new ArrayList<>();

        public Builder(String format) {
            this.format = format;
        }

        public Builder add(Article a) {
            articles.add(a);
            return this;
        }

        public Builder error(ItemError e) {
            errors.add(e);
            return this;
        }

        public ParseResult build() {
            return new ParseResult(format, articles, errors);
        }
    }
}
