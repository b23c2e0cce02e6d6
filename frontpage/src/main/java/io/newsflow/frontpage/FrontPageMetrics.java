package io.newsflow.frontpage;

import io.newsflow.schemas.service.MeterSpec;
import java.util.List;

/** The front page's own meters, each declared once. */
public final class FrontPageMetrics {
    public static final MeterSpec ARTICLES = MeterSpec.gauge("newsflow.frontpage.articles",
            "articles held for the front page");
    public static final MeterSpec TRENDING_REGIONS = MeterSpec.gauge("newsflow.frontpage.trending.regions",
            "regions with a trending list");
    public static final MeterSpec RECORDS = MeterSpec.counter("newsflow.frontpage.records",
            "records read, by topic and what was done with them (applied, stale, undecodable...)", "topic", "outcome");
    public static final MeterSpec RENDER = MeterSpec.timer("newsflow.frontpage.render", "time to render a page", "page");
    /** Every meter of the front page, in the README's order. */
    public static final List<MeterSpec> ALL = List.of(ARTICLES, TRENDING_REGIONS, RECORDS, RENDER);

    private FrontPageMetrics() {}
}
