package io.newsflow.frontpage.render;

import io.newsflow.frontpage.state.FrontSnapshot;
import io.newsflow.frontpage.zone.DatelineZones;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.TrendingEntry;
import java.time.ZoneId;
import java.util.List;

/**
 * Server-rendered pages laid out like a news site's: the front page (latest articles, TRENDING box) and one
 * article (headline, summary, desk | dateline | times, Country tags, body, credit, TRENDING box). Every piece of
 * article text goes through {@link Html#escape}; no scripts, no external assets.
 */
public final class PageRenderer {
    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.5 Georgia,'Times New Roman',serif;color:#1a1a1a;background:#f6f5f1}
            a{color:inherit;text-decoration:none}a:hover{text-decoration:underline}
            .masthead{background:#14213d;color:#fff;padding:.7rem 1.5rem;display:flex;align-items:baseline;gap:1rem}
            .masthead a{font:700 1.6rem/1 Helvetica,Arial,sans-serif;letter-spacing:.02em}
            .masthead span{font:.85rem Helvetica,Arial,sans-serif;opacity:.8}
            .layout{max-width:1120px;margin:0 auto;padding:1.2rem;display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:1.6rem}
            @media(max-width:820px){.layout{grid-template-columns:1fr}}
            .card{background:#fff;padding:1rem 1.2rem;margin-bottom:1rem;border-top:3px solid #14213d}
            .card h2{margin:0 0 .4rem;font-size:1.35rem;line-height:1.25}
            .story{background:#fff;padding:1.4rem 1.8rem}
            .story h1{margin:0 0 .6rem;font-size:2rem;line-height:1.2}
            .summary{font-size:1.08rem;color:#333;margin:.2rem 0 .6rem}
            .meta{font:.8rem Helvetica,Arial,sans-serif;color:#666;margin:.3rem 0}
            .byline{font:600 .85rem Helvetica,Arial,sans-serif;margin:.3rem 0}
            .countries{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.35rem;font:.78rem Helvetica,Arial,sans-serif}
            .countries li{padding:.1rem .5rem;border-radius:3px;background:#e9ecf3}
            .countries li.label{background:none;padding-left:0;font-weight:700}
            .countries li.focus{background:#14213d;color:#fff}
            .body p{margin:0 0 1rem}
            .credit{font-style:italic;color:#444}
            .trending{background:#fff;padding:1rem 1.2rem;align-self:start;border-top:3px solid #c1121f}
            .trending h2{font:700 1rem Helvetica,Arial,sans-serif;letter-spacing:.08em;margin:0 0 .6rem}
            .trending h3{font:700 .75rem Helvetica,Arial,sans-serif;text-transform:uppercase;color:#c1121f;margin:.9rem 0 .3rem}
            .trending ol{list-style:none;margin:0;padding:0}
            .trending li{display:grid;grid-template-columns:2rem 1fr;padding:.45rem 0;border-bottom:1px solid #eee}
            .rank{font:700 1.4rem/1 Helvetica,Arial,sans-serif;color:#c1121f}
            .entry-headline{display:block;font-size:.95rem;line-height:1.3}
            .region{display:block;font:.72rem Helvetica,Arial,sans-serif;color:#777;margin-top:.15rem}
            .empty{color:#777;font-style:italic}
            footer{max-width:1120px;margin:0 auto;padding:0 1.2rem 2rem;font:.75rem Helvetica,Arial,sans-serif;color:#777}
            """;

    static final int REFRESH_SECONDS = 15;

    private final DatelineZones zones;
    private final int maxRegions;
    private final int entriesPerRegion;

    public PageRenderer(DatelineZones zones, int maxRegions, int entriesPerRegion) {
        this.zones = zones;
        this.maxRegions = maxRegions;
        this.entriesPerRegion = entriesPerRegion;
    }

    public static PageRenderer standard() {
        return new PageRenderer(DatelineZones.standard(), 6, 5);
    }

    public String frontPage(FrontSnapshot snapshot) {
        StringBuilder html = new StringBuilder(16_384);
        open(html, "newsflow \u2014 latest news", true);
        html.append("<main>\n");
        if (snapshot.articles().isEmpty()) {
            html.append("<p class=\"empty\">No articles yet.</p>\n");
        }
        for (EnrichedArticle e : snapshot.articles()) {
            card(html, e);
        }
        html.append("</main>\n");
        trendingBox(html, snapshot, List.of());
        close(html, snapshot);
        return html.toString();
    }

    public String articlePage(EnrichedArticle e, FrontSnapshot snapshot) {
        Article a = e.getArticle();
        ZoneId zone = ArticleFacts.zoneOf(e, zones);
        StringBuilder html = new StringBuilder(16_384);
        open(html, ArticleFacts.headline(a) + " \u2014 newsflow", false);
        html.append("<main>\n<article class=\"story\">\n<h1>").append(Html.escape(ArticleFacts.headline(a))).append("</h1>\n");
        if (ArticleFacts.notBlank(a.getSummary())) {
            html.append("<p class=\"summary\">").append(Html.escape(a.getSummary().strip())).append("</p>\n");
        }
        html.append("<p class=\"meta\">").append(Html.escape(ArticleFacts.metaLine(a, zone))).append("</p>\n");
        if (ArticleFacts.notBlank(a.getByline())) {
            html.append("<p class=\"byline\">").append(Html.escape(a.getByline().strip())).append("</p>\n");
        }
        countryTags(html, e);
        html.append("<div class=\"body\">\n");
        for (String paragraph : ArticleFacts.paragraphs(a.getBody())) {
            html.append("<p>").append(Html.escape(paragraph)).append("</p>\n");
        }
        html.append("</div>\n");
        if (ArticleFacts.notBlank(a.getCredit())) {
            html.append("<p class=\"credit\">(").append(Html.escape(a.getCredit().strip())).append(")</p>\n");
        }
        if (ArticleFacts.notBlank(a.getUrl()) && isWebUrl(a.getUrl())) {
            html.append("<p class=\"meta\"><a rel=\"nofollow noopener\" href=\"").append(Html.escape(a.getUrl().strip()))
                    .append("\">Read at the source</a></p>\n");
        }
        html.append("</article>\n</main>\n");
        trendingBox(html, snapshot, ArticleFacts.countryCodes(e));
        close(html, snapshot);
        return html.toString();
    }

    public String notFound(String id, FrontSnapshot snapshot) {
        StringBuilder html = new StringBuilder(4096);
        open(html, "Not found \u2014 newsflow", false);
        html.append("<main>\n<article class=\"story\">\n<h1>Article not found</h1>\n<p>No article with id <code>")
                .append(Html.escape(id))
                .append("</code> is on the front page: it may have been withdrawn or be older than the latest articles kept.</p>\n")
                .append("<p><a href=\"/\">Back to the front page</a></p>\n</article>\n</main>\n");
        trendingBox(html, snapshot, List.of());
        close(html, snapshot);
        return html.toString();
    }

    private void card(StringBuilder html, EnrichedArticle e) {
        Article a = e.getArticle();
        html.append("<article class=\"card\">\n<h2><a href=\"/article/").append(Html.escape(Html.idSegment(a.getId())))
                .append("\">").append(Html.escape(ArticleFacts.headline(a))).append("</a></h2>\n");
        String teaser = ArticleFacts.teaser(a, 280);
        if (!teaser.isEmpty()) {
            html.append("<p class=\"summary\">").append(Html.escape(teaser)).append("</p>\n");
        }
        html.append("<p class=\"meta\">").append(Html.escape(ArticleFacts.metaLine(a, ArticleFacts.zoneOf(e, zones))))
                .append("</p>\n");
        countryTags(html, e);
        html.append("</article>\n");
    }

    private void countryTags(StringBuilder html, EnrichedArticle e) {
        List<CountryTag> tags = ArticleFacts.countriesFocusFirst(e);
        if (tags.isEmpty()) {
            return;
        }
        html.append("<ul class=\"countries\"><li class=\"label\">Country:</li>");
        for (CountryTag t : tags) {
            boolean focus = t.getRole() == CountryRole.FOCUS;
            html.append("<li class=\"").append(focus ? "focus" : "mentioned").append("\" title=\"")
                    .append(focus ? "focus" : "mentioned").append("\">")
                    .append(Html.escape(RegionLabels.countryName(t.getCode()))).append("</li>");
        }
        html.append("</ul>\n");
    }

    private void trendingBox(StringBuilder html, FrontSnapshot snapshot, List<String> preferredRegions) {
        html.append("<aside class=\"trending\">\n<h2>TRENDING</h2>\n");
        List<TrendingSelection.Region> regions = TrendingSelection.select(snapshot.trending(), preferredRegions,
                maxRegions, entriesPerRegion);
        if (regions.isEmpty()) {
            html.append("<p class=\"empty\">Nothing trending yet.</p>\n");
        }
        for (TrendingSelection.Region region : regions) {
            String label = Html.escape(region.label());
            html.append("<section data-region=\"").append(Html.escape(region.region())).append("\">\n<h3>")
                    .append(label).append("</h3>\n<ol>\n");
            int rank = 0;
            for (TrendingEntry entry : region.entries()) {
                rank++;
                String headline = ArticleFacts.notBlank(entry.getHeadline()) ? entry.getHeadline().strip() : "(no headline)";
                String articleId = snapshot.articleOfStory(entry.getStoryId());
                html.append("<li><span class=\"rank\">").append(rank).append("</span><div>");
                if (articleId != null) {
                    html.append("<a class=\"entry-headline\" href=\"/article/").append(Html.escape(Html.idSegment(articleId)))
                            .append("\">").append(Html.escape(headline)).append("</a>");
                } else {
                    html.append("<span class=\"entry-headline\">").append(Html.escape(headline)).append("</span>");
                }
                html.append("<span class=\"region\">").append(label).append("</span></div></li>\n");
            }
            html.append("</ol>\n</section>\n");
        }
        html.append("</aside>\n");
    }

    private static void open(StringBuilder html, String title, boolean refresh) {
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (refresh) {
            // the front page follows the pipeline live without any script
            html.append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">\n");
        }
        html
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<header class=\"masthead\"><a href=\"/\">newsflow</a><span>Latest news from the wire</span></header>\n")
                .append("<div class=\"layout\">\n");
    }

    private static void close(StringBuilder html, FrontSnapshot snapshot) {
        html.append("</div>\n<footer>").append(snapshot.articles().size()).append(" articles \u00b7 page built ")
                .append(Html.escape(ArticleFacts.format(snapshot.at(), ArticleFacts.UTC)))
                .append("</footer>\n</body>\n</html>\n");
    }

    /** Only http(s) links are rendered: a javascript: or data: URL from a feed must not become a link. */
    static boolean isWebUrl(String url) {
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }
}
