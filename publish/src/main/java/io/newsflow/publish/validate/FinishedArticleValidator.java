package io.newsflow.publish.validate;

import io.newsflow.schemas.article.ArticleRequirements;
import io.newsflow.schemas.article.Violation;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that defines "finished". An enriched article is finished, and may go to the downstream topics, when:
 * <ul>
 *   <li>the article itself meets {@link ArticleRequirements}, the rule ingest applies at the door: an id, a
 *       format, a headline (a headline-only flash is finished) and an event time;</li>
 *   <li>enrich ran on it ({@code enriched_at} set) and attached a story id; every country it attached has an
 *       ISO 3166-1 alpha-2 code, a role and a finite score. No country at all is a finding (a story about science,
 *       markets, the internet), not a defect: such articles are finished and published.</li>
 *   <li>its trending score is a finite number.</li>
 * </ul>
 * A kill notice (status WITHDRAWN or CANCELED) only needs its id: sources send them bare, and they must
 * still reach consumers so the article can be taken down.
 */
public final class FinishedArticleValidator {
    private static final Pattern ISO_ALPHA2 = Pattern.compile("[A-Z]{2}");

    /** @return every violation found, empty when the article is finished */
    public List<Violation> violations(EnrichedArticle enriched) {
        List<Violation> out = new ArrayList<>();
        Article a = enriched.getArticle();
        if (a == null) {
            out.add(new Violation("article", "missing"));
            return out;
        }
        out.addAll(ArticleRequirements.violations(a, "article."));
        if (isKillNotice(a)) {
            return out;
        }
        if (enriched.getEnrichedAt() == null) {
            out.add(new Violation("enriched_at", "not set: enrich never tagged countries for this article"));
        }
        List<CountryTag> countries = enriched.getCountries();
        if (countries == null) {
            out.add(new Violation("countries", "missing"));
        } else {
            for (int i = 0; i < countries.size(); i++) {
                CountryTag tag = countries.get(i);
                String where = "countries[" + i + "]";
                if (tag.getCode() == null || !ISO_ALPHA2.matcher(tag.getCode()).matches()) {
                    out.add(new Violation(where + ".code", "not an ISO 3166-1 alpha-2 code: " + tag.getCode()));
                }
                if (tag.getRole() == null) {
                    out.add(new Violation(where + ".role", "missing"));
                }
                if (!Double.isFinite(tag.getScore())) {
                    out.add(new Violation(where + ".score", "not a finite number: " + tag.getScore()));
                }
            }
        }
        if (blank(enriched.getStoryId())) {
            out.add(new Violation("story_id", "no story attached"));
        }
        if (!Double.isFinite(enriched.getTrendingScore())) {
            out.add(new Violation("trending_score", "not a finite number: " + enriched.getTrendingScore()));
        }
        return out;
    }

    /** A withdrawal or cancellation: forwarded so consumers take the article down, tombstoned in the latest view. */
    public static boolean isKillNotice(Article article) {
        return ArticleRequirements.isKillNotice(article);
    }

    private static boolean blank(CharSequence s) {
        return s == null || s.toString().isBlank();
    }
}
