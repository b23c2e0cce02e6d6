package io.newsflow.ingest.html;

import java.time.Instant;
import java.util.List;

/**
 * What an HTML article page states about itself. Every field is null (lists: empty) when the page
 * does not state it; nothing is guessed except {@code language}, which falls back to a confident
 * detection from the text when the page declares none.
 *
 * @param headline          the article's headline
 * @param summary           the standfirst / description
 * @param body              main text, plain, paragraphs separated by a blank line
 * @param byline            author names as the page gives them
 * @param dateline          place line as written (e.g. "WASHINGTON"), when the page shows one
 * @param language          the declared language as a BCP 47 tag ("en-US"), else the detected ISO 639-1 code
 * @param created           first publication time, UTC
 * @param updated           last modification time, UTC
 * @param url               canonical url
 * @param source            site or publisher name
 * @param credit            credit line or agency the page names
 * @param section           site section the page files the article under
 * @param keywords          keywords and tags, de-duplicated, page order
 * @param declaredCountries ISO 3166-1 alpha-2 codes the page itself states (never inferred from text)
 * @param idHint            a stable identifier: the schema.org {@code @id}, else the canonical url
 */
public record ExtractedArticle(
        String headline,
        String summary,
        String body,
        String byline,
        String dateline,
        String language,
        Instant created,
        Instant updated,
        String url,
        String source,
        String credit,
        String section,
        List<String> keywords,
        List<String> declaredCountries,
        String idHint) {

    public ExtractedArticle {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        declaredCountries = declaredCountries == null ? List.of() : List.copyOf(declaredCountries);
    }
}
