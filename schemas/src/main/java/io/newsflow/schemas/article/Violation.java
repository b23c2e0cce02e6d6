package io.newsflow.schemas.article;

/** One reason an article is not finished: the field at fault and what is wrong with it. */
public record Violation(String field, String problem) {
    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
