package io.newsflow.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {

    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    static String fixture(String name) {
        try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream("/html/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /html/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonLdGraphGivesTheArticleMetadata() {
        ExtractedArticle a = extractor.extract(fixture("jsonld-newsarticle.html"), null);

        assertThat(a.headline()).isEqualTo("Flood barriers hold as river peaks in Lyon");
        assertThat(a.summary()).isEqualTo("Temporary walls kept the Rhône out of the old town overnight.");
        assertThat(a.byline()).isEqualTo("Claire Dubois, Tom Reyes");
        assertThat(a.created()).isEqualTo(Instant.parse("2024-03-05T04:45:00Z"));
        assertThat(a.updated()).isEqualTo(Instant.parse("2024-03-05T18:40:12Z"));
        assertThat(a.language()).isEqualTo("en-GB");
        assertThat(a.url()).isEqualTo("https://meridian.example/world/2024/03/05/lyon-flood-barriers");
        assertThat(a.idHint()).isEqualTo("https://meridian.example/world/2024/03/05/lyon-flood-barriers#article");
        assertThat(a.source()).isEqualTo("The Daily Meridian");
        assertThat(a.section()).isEqualTo("World");
        assertThat(a.keywords()).containsExactly("floods", "France", "climate");
        assertThat(a.declaredCountries()).containsExactly("FR");
        assertThat(a.dateline()).isEqualTo("LYON");
        assertThat(a.credit()).isEqualTo("AFP");
    }

    @Test
    void bodyKeepsTheStoryAndDropsMenusRelatedLinksTrendingCommentsAndFooter() {
        ExtractedArticle a = extractor.extract(fixture("jsonld-newsarticle.html"), null);

        List<String> paragraphs = List.of(a.body().split("\n\n"));
        assertThat(paragraphs.get(0)).startsWith("LYON (AFP) — Temporary flood walls held overnight");
        assertThat(a.body())
                .contains("Engineers had raised the barriers by half a metre")
                .contains("at three in the morning it stopped climbing")
                .contains("shopkeepers on the Rue Mercière were lifting their shutters");
        assertThat(a.body())
                .doesNotContain("Politics", "Sport")                 // menu
                .doesNotContain("Paris braces for the Seine")       // related links
                .doesNotContain("Trending", "Celebrity chef")       // trending box
                .doesNotContain("reader comment")                   // comments
                .doesNotContain("Sign up to our daily newsletter")  // newsletter box
                .doesNotContain("All rights reserved", "Privacy")   // footer
                .doesNotContain("Sandbags line the Quai")           // caption
                .doesNotContain("Share on Social", "Advertisement") // share bar, ad slot
                .doesNotContain("Tags:");
    }

    @Test
    void declaredArticleBodyIsAHintNotACopy() {
        ExtractedArticle a = extractor.extract(fixture("jsonld-newsarticle.html"), null);

        // the JSON-LD text carries a sentence the page never shows: it must not appear
        assertThat(a.body()).doesNotContain("never shows");
        assertThat(a.body()).contains("metro, which had closed two stations");
    }

    @Test
    void openGraphAndMetaTagsWhenThereIsNoJsonLd() {
        ExtractedArticle a = extractor.extract(fixture("opengraph-only.html"), "https://nordkurier.example/x?utm=1");

        assertThat(a.headline()).isEqualTo("Stadtrat beschließt neue Radwege");
        assertThat(a.summary()).isEqualTo("Zwölf Kilometer geschützte Radwege sollen bis 2026 entstehen.");
        assertThat(a.byline()).isEqualTo("Jana Krüger");
        assertThat(a.created()).isEqualTo(Instant.parse("2024-06-11T12:30:00Z"));
        assertThat(a.updated()).isEqualTo(Instant.parse("2024-06-11T15:02:00Z"));
        assertThat(a.url()).isEqualTo("https://nordkurier.example/lokal/radwege-123");
        assertThat(a.idHint()).isEqualTo("https://nordkurier.example/lokal/radwege-123");
        assertThat(a.source()).isEqualTo("Nordkurier Digital");
        assertThat(a.section()).isEqualTo("Lokales");
        assertThat(a.keywords()).containsExactly("Verkehr", "Radwege", "Stadtrat", "Fahrrad");
        assertThat(a.language()).isEqualTo("de-DE");
        assertThat(a.declaredCountries()).containsExactly("DE");
    }

    @Test
    void divSoupWithLineBreaksBecomesParagraphsWithoutTheSurroundings() {
        ExtractedArticle a = extractor.extract(fixture("opengraph-only.html"), null);

        assertThat(a.body().split("\n\n")).hasSize(3);
        assertThat(a.body()).startsWith("Der Stadtrat hat am Montagabend")
                .endsWith("Lieferzonen an jeder Kreuzung einzurichten.");
        assertThat(a.body()).doesNotContain("Meistgelesen", "Unfall auf der B96", "Foto: Archiv", "Cookies",
                "Impressum", "Abo abschließen", "Teilen", "Start");
    }

    @Test
    void absentMetadataStaysNull() {
        ExtractedArticle a = extractor.extract(fixture("bare.html"), null);

        assertThat(a.headline()).isEqualTo("A note on bees");
        assertThat(a.body()).startsWith("Bees visit the lavender").contains("\n\nIn the evening they return");
        assertThat(a.summary()).isNull();
        assertThat(a.byline()).isNull();
        assertThat(a.dateline()).isNull();
        assertThat(a.created()).isNull();
        assertThat(a.updated()).isNull();
        assertThat(a.url()).isNull();
        assertThat(a.idHint()).isNull();
        assertThat(a.source()).isNull();
        assertThat(a.credit()).isNull();
        assertThat(a.section()).isNull();
        assertThat(a.keywords()).isEmpty();
        assertThat(a.declaredCountries()).isEmpty();
    }

    @Test
    void headlineFallsBackToTheH1OnlyWhenTheTitleRepeatsIt() {
        String text = "<p>The harbour reopened on Monday after the storm damaged two piers and sank a ferry.</p>";
        String repeated = "<html><head><title>Harbour reopens after storm | Coast Post</title></head><body>"
                + "<h1>Harbour reopens after storm</h1>" + text + "</body></html>";
        String logo = "<html><head><title>Harbour reopens after storm | Coast Post</title></head><body>"
                + "<h1>Today's paper</h1>" + text + "</body></html>";

        assertThat(extractor.extract(repeated, null).headline()).isEqualTo("Harbour reopens after storm");
        assertThat(extractor.extract(logo, null).headline()).isEqualTo("Harbour reopens after storm | Coast Post");
    }

    @Test
    void bylineNamesAppearOnceWithoutTheBy() {
        String html = "<html><head><meta name=author content='By JANE DOE'><meta name=author content='Jane Doe'>"
                + "<meta name=author content='https://paper.example/authors/jane'>"
                + "<meta name=author content='Ken Ito —'></head><body><p>Text.</p></body></html>";

        assertThat(extractor.extract(html, null).byline()).isEqualTo("JANE DOE, Ken Ito");
    }

    @Test
    void undeclaredLanguageIsDetectedFromTheText() {
        ExtractedArticle a = extractor.extract(fixture("bare.html"), null);

        assertThat(a.language()).isEqualTo("en");
    }

    @Test
    void pageUrlIsTheFallbackUrlAndResolvesRelativeCanonicals() {
        String html = "<html><head><link rel=canonical href='/story/42'></head><body><p>"
                + "Short text about a council vote that passed on Tuesday evening after a long debate.</p></body></html>";

        assertThat(extractor.extract(html, "https://paper.example/a/b?c=d").url())
                .isEqualTo("https://paper.example/story/42");
        assertThat(extractor.extract("<p>Hello there, this is a short page.</p>", "https://paper.example/p").url())
                .isEqualTo("https://paper.example/p");
    }

    @Test
    void malformedHtmlAndBrokenJsonLdStillYieldTheArticle() {
        ExtractedArticle a = extractor.extract(fixture("malformed.html"), null);

        assertThat(a.headline()).isEqualTo("Market stalls return to the square");
        assertThat(a.created()).isNull(); // "not a date at all"
        assertThat(a.body()).contains("the weekly market is back on the cathedral square")
                .contains("water points had been moved");
    }

    @Test
    void countryTagPrintedOnThePageIsDeclaredAndKeptOutOfTheBody() {
        ExtractedArticle a = extractor.extract(fixture("country-tag.html"), null);

        assertThat(a.declaredCountries()).containsExactly("IN");
        assertThat(a.dateline()).isEqualTo("THIRUVANANTHAPURAM");
        assertThat(a.credit()).isNull();
        assertThat(a.created()).isEqualTo(Instant.parse("2024-05-30T03:30:00Z"));
        assertThat(a.body()).contains("south-west monsoon").doesNotContain("Country: IN", "Desk:");
    }

    @Test
    void countriesAreNeverInferredFromTheText() {
        ExtractedArticle a = extractor.extract(fixture("opengraph-only.html").replace(
                "<meta name=\"geo.country\" content=\"DE\">", ""), null);

        assertThat(a.declaredCountries()).isEmpty();
    }

    @Test
    void emptyAndNonArticleInputGiveNullsNotErrors() {
        ExtractedArticle empty = extractor.extract("", null);
        assertThat(empty.headline()).isNull();
        assertThat(empty.body()).isNull();

        ExtractedArticle text = extractor.extract("just some words, not html", null);
        assertThat(text.body()).isEqualTo("just some words, not html");
        assertThatThrownBy(() -> extractor.extract(null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void hugeInputIsCutOffAtTheBoundAndStillExtracted() {
        String page = fixture("jsonld-newsarticle.html");
        StringBuilder html = new StringBuilder(page.replace("</body>", ""));
        String junk = "<div class=\"promo\"><a href=\"/x\">More stories you may like</a></div>\n";
        while (html.length() < HtmlArticleExtractor.MAX_HTML_CHARS + 100_000) {
            html.append(junk);
        }
        html.append("<p>TAIL MARKER beyond the bound, which must not be read at all.</p></body></html>");

        ExtractedArticle a = extractor.extract(html.toString(), null);

        assertThat(a.headline()).isEqualTo("Flood barriers hold as river peaks in Lyon");
        assertThat(a.body()).contains("Engineers had raised the barriers").doesNotContain("TAIL MARKER");
        assertThat(a.body().length()).isLessThan(HtmlArticleExtractor.MAX_HTML_CHARS);
    }

    @Test
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<div>".repeat(20_000));
        html.append("<p>Deep inside, a paragraph about the harbour, the boats, the nets, and the fish market "
                + "that opens at dawn every day of the week.</p>");
        html.append("</div>".repeat(20_000)).append("</body></html>");

        ExtractedArticle a = extractor.extract(html.toString(), null);

        assertThat(a.body()).contains("a paragraph about the harbour");
    }

    @Test
    void oneInstanceServesManyThreadsWithTheSameResults() throws Exception {
        List<String> pages = List.of(fixture("jsonld-newsarticle.html"), fixture("opengraph-only.html"),
                fixture("bare.html"), fixture("malformed.html"), fixture("country-tag.html"));
        List<ExtractedArticle> expected = new ArrayList<>();
        for (String p : pages) {
            expected.add(extractor.extract(p, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < pages.size(); i++) {
                            if (!extractor.extract(pages.get(i), null).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
