package io.newsflow.frontpage;

import static io.newsflow.frontpage.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.frontpage.render.PageRenderer;
import io.newsflow.frontpage.state.FrontSnapshot;
import io.newsflow.frontpage.state.LatestArticles;
import io.newsflow.frontpage.state.TrendingBoard;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublicationStatus;
import io.newsflow.schemas.avro.TrendingList;
import org.junit.jupiter.api.Test;

class PageRendererTest {
    private final PageRenderer renderer = PageRenderer.standard();
    private final LatestArticles articles = new LatestArticles(50);
    private final TrendingBoard trending = new TrendingBoard();

    private FrontSnapshot snapshot() {
        return new FrontSnapshot(articles.newestFirst(), trending.snapshot(), T0.plusSeconds(3600));
    }

    private void add(EnrichedArticle e) {
        articles.apply(e.getArticle().getId(), e, T0);
    }

    @Test
    void articleTextCannotInjectMarkup() {
        Article hostile = Fixtures.article("x1")
                .setHeadline("<script>alert(1)</script>Headline")
                .setSummary("\"><img src=x onerror=alert(2)>")
                .setBody("<iframe src=//evil></iframe>\n\nSecond & last")
                .setSource("Desk <b>")
                .setDateline("MOSCOW</p><script>")
                .setCredit("</p><script>alert(3)</script>")
                .setUrl("javascript:alert(4)")
                .build();
        add(Fixtures.enriched(hostile, Fixtures.tag("RU", CountryRole.FOCUS, 0.9, "dateline")));
        trending.apply("global", Fixtures.trending("global", T0, "story-x1", "<svg onload=alert(5)>"));

        String front = renderer.frontPage(snapshot());
        String page = renderer.articlePage(articles.get("x1"), snapshot());
        for (String html : new String[] {front, page}) {
            assertThat(html).doesNotContain("<script", "<img", "<iframe", "<svg", "<b>", "javascript:");
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;Headline");
        }
        assertThat(page).contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", "<p>Second &amp; last</p>",
                "&lt;svg onload=alert(5)&gt;");
    }

    @Test
    void frontPageListsArticlesNewestFirstWithTheSeedsMetaLine() {
        add(Fixtures.withHeadline("a", "Oldest story", T0));
        add(Fixtures.withHeadline("b", "Newest story", T0.plusSeconds(7200)));
        add(Fixtures.withHeadline("c", "Middle story", T0.plusSeconds(3600)));

        String html = renderer.frontPage(snapshot());
        assertThat(html.indexOf("Newest story")).isLessThan(html.indexOf("Middle story"));
        assertThat(html.indexOf("Middle story")).isLessThan(html.indexOf("Oldest story"));
        // Moscow is UTC+3: 08:55Z reads 11:55 MSK, as the seed page shows local time with the zone's abbreviation
        assertThat(html).contains("Example Wire | MOSCOW | Updated: 18-02-2026 11:55 MSK | Created: 18-02-2026 11:55 MSK");
        assertThat(html).contains("href=\"/article/a\"");
    }

    @Test
    void timesAreInUtcWhenTheDatelineIsUnknown() {
        Article article = Fixtures.article("u").setDateline("Somewhere Unmapped").setUpdated(T0.plusSeconds(60)).build();
        add(Fixtures.enriched(article));
        assertThat(renderer.frontPage(snapshot()))
                .contains("Example Wire | Somewhere Unmapped | Updated: 18-02-2026 08:56 UTC | Created: 18-02-2026 08:55 UTC");
    }

    @Test
    void withdrawnArticlesDisappearFromBothPages() {
        add(Fixtures.withHeadline("keep", "Kept story", T0));
        add(Fixtures.withHeadline("gone", "Withdrawn story", T0.plusSeconds(60)));
        assertThat(renderer.frontPage(snapshot())).contains("Withdrawn story");

        add(Fixtures.enriched(Article.newBuilder().setId("gone").setFormat("ninjs")
                .setStatus(PublicationStatus.WITHDRAWN).build()));
        assertThat(renderer.frontPage(snapshot())).contains("Kept story").doesNotContain("Withdrawn story");
        assertThat(articles.get("gone")).isNull();
        assertThat(renderer.notFound("gone", snapshot())).contains("Article not found").doesNotContain("Withdrawn story");
    }

    @Test
    void countryTagsPutTheFocusFirstWithEnglishNames() {
        add(Fixtures.moscow("m"));
        String html = renderer.articlePage(articles.get("m"), snapshot());
        assertThat(html).contains("<li class=\"label\">Country:</li><li class=\"focus\" title=\"focus\">Russia</li>"
                + "<li class=\"mentioned\" title=\"mentioned\">Cuba</li>");
    }

    @Test
    void articlePageHasTheSeedsLayout() {
        add(Fixtures.moscow("m"));
        String html = renderer.articlePage(articles.get("m"), snapshot());
        int headline = html.indexOf("<h1>Russia-Cuba talks in Moscow</h1>");
        int summary = html.indexOf("Foreign ministers meet to discuss the blockade.");
        int meta = html.indexOf("Example Wire | MOSCOW | Updated:");
        int country = html.indexOf("Country:");
        int body1 = html.indexOf("<p>MOSCOW (Example Wire) - The ministers met on Wednesday.</p>");
        int body2 = html.indexOf("<p>Both sides called the talks useful.</p>");
        int credit = html.indexOf("(With inputs from agencies.)");
        int box = html.indexOf("TRENDING");
        assertThat(headline).isPositive();
        assertThat(new int[] {headline, summary, meta, country, body1, body2, credit, box}).isSorted();
        assertThat(html).contains("href=\"https://wire.example/m\"");
    }

    @Test
    void trendingBoxShowsRankHeadlineAndRegionGlobalFirst() {
        add(Fixtures.withHeadline("a1", "Article of story one", T0));
        trending.apply("IN", Fixtures.trending("IN", T0, "story-x", "Indian story A", "story-y", "Indian story B"));
        trending.apply("global", Fixtures.trending("global", T0, "story-a1", "Global story one", "story-z", "Global story two"));

        String html = renderer.frontPage(snapshot());
        String box = html.substring(html.indexOf("<aside class=\"trending\">"));
        assertThat(box.indexOf("<h3>Global</h3>")).isLessThan(box.indexOf("<h3>India</h3>"));
        assertThat(box).contains("<li><span class=\"rank\">1</span><div><a class=\"entry-headline\" href=\"/article/a1\">"
                + "Global story one</a><span class=\"region\">Global</span></div></li>");
        assertThat(box).contains("<li><span class=\"rank\">2</span><div><span class=\"entry-headline\">Indian story B</span>"
                + "<span class=\"region\">India</span></div></li>");
    }

    @Test
    void articlePageBoxPrefersTheArticlesCountriesAfterGlobal() {
        add(Fixtures.moscow("m"));
        trending.apply("global", Fixtures.trending("global", T0, "g", "Global one"));
        // a higher-scoring list of another country would come first on the front page
        trending.apply("US", Fixtures.trending("US", T0, "u1", "US one", "u2", "US two", "u3", "US three"));
        TrendingList russia = Fixtures.trending("RU", T0, "r", "Russia one");
        russia.getEntries().get(0).setScore(1.0);
        trending.apply("RU", russia);
        String front = renderer.frontPage(snapshot());
        assertThat(front.indexOf("<h3>United States</h3>")).isLessThan(front.indexOf("<h3>Russia</h3>"));

        String html = renderer.articlePage(articles.get("m"), snapshot());
        int global = html.indexOf("<h3>Global</h3>");
        int ru = html.indexOf("<h3>Russia</h3>");
        int us = html.indexOf("<h3>United States</h3>");
        assertThat(new int[] {global, ru, us}).isSorted();
        assertThat(global).isPositive();
    }

    @Test
    void emptyStateSaysSo() {
        String html = renderer.frontPage(snapshot());
        assertThat(html).contains("No articles yet.", "Nothing trending yet.");
    }
}
