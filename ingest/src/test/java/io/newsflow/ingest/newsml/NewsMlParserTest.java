package io.newsflow.ingest.newsml;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewsMlParserTest {
    private final NewsMlParser parser = new NewsMlParser();

    @Test
    void newsMessageGivesOneArticlePerItemAndReportsTheBadOne() throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("newsml/message-two-items.xml"));
        assertThat(r.articles()).extracting(Article::getId)
                .containsExactly("urn:newsml:wire.example.com:20260218:talks", "urn:newsml:wire.example.com:20260217:kill");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("itemSet/newsItem[2] (line 37)");
            assertThat(e.field()).isEqualTo("@version");
            assertThat(e.itemId()).isEqualTo("urn:newsml:wire.example.com:20260218:bad");
            assertThat(e.reason()).contains("'two'");
        });
        Article a = r.articles().get(0);
        assertThat(a.getVersion()).isEqualTo(4L);
        assertThat(a.getSource()).isEqualTo("Example Wire");
        assertThat(a.getHeadline()).isEqualTo("Russia and Cuba hold talks in Moscow");
        assertThat(a.getSummary()).isEqualTo("Foreign ministers meet to discuss sanctions.");
        assertThat(a.getBody()).isEqualTo("The foreign ministers of Russia and Cuba met in Moscow on Wednesday.\n\nThey discussed sanctions and trade.");
        assertThat(a.getByline()).isEqualTo("Anna Writer");
        assertThat(a.getDateline()).isEqualTo("Moscow");
        assertThat(a.getCredit()).isEqualTo("Example Wire/Anna Writer");
        assertThat(a.getCreated()).isEqualTo(Instant.parse("2026-02-18T08:55:00Z"));
        assertThat(a.getUpdated()).isEqualTo(Instant.parse("2026-02-18T09:25:00Z"));
        assertThat(a.getDeclaredCountries()).as("ISO qcode and alpha-3 sameAs; medtop is no country").containsExactly("RU", "CU");
        assertThat(a.getKeywords()).containsExactly("diplomacy");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getStatus()).isEqualTo(PublicationStatus.USABLE);
        assertThat(r.articles().get(1).getStatus()).isEqualTo(PublicationStatus.CANCELED);
    }

    @Test
    void iptcNewsItemListing() throws Exception {
        Article a = parser.parse(Fixtures.doc("newsml/iptc-listing-1-news-item.xml")).articles().get(0);
        assertThat(a.getId()).isEqualTo("urn:newsml:acmenews.com:20161018:US-FINANCE-FED");
        assertThat(a.getVersion()).isEqualTo(11L);
        assertThat(a.getHeadline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(a.getLanguage()).isEqualTo("en-GB");
        assertThat(a.getCreated()).isEqualTo(Instant.parse("2016-10-18T18:12:21Z"));
        assertThat(a.getUpdated()).isEqualTo(Instant.parse("2018-10-21T21:25:32Z"));
        assertThat(a.getByline()).isEqualTo("Meredith Jameson");
        assertThat(a.getDateline()).isEqualTo("Berlin");
        assertThat(a.getBody()).as("the listing's inlineXML holds only comments").isNull();
        assertThat(a.getDeclaredCountries()).as("located is a dateline, not a subject").isEmpty();
    }

    @Test
    void photoItemCountriesComeFromSubjectBroaderCodes() throws Exception {
        Article a = parser.parse(Fixtures.doc("newsml/iptc-listing-3-photo.xml")).articles().get(0);
        assertThat(a.getDeclaredCountries()).containsExactly("US");
        assertThat(a.getHeadline()).startsWith("Variety Of Recessionary Forces");
    }

    @Test
    void nitfBodyContentBecomesParagraphs() throws Exception {
        Article a = parser.parse(Fixtures.doc("newsml/iptc-listing-22-nitf-story.xml")).articles().get(0);
        assertThat(a.getBody()).startsWith("(Sports Network) - A pair of teams coming off big weekend sweeps");
        assertThat(a.getBody().split("\n\n").length).isGreaterThan(3);
    }

    @Test
    void conceptItemsAndForeignRootsAreRefusedWithTheReason() {
        Document concept = new Document("c.xml", null, ("<conceptItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"x\" version=\"1\"/>")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> parser.parse(concept)).isInstanceOf(ParseException.class).hasMessageContaining("conceptItem carries no article");
        Document other = new Document("o.xml", null, "<foo/>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> parser.parse(other)).hasMessageContaining("root element <foo>");
    }

    @Test
    void malformedXmlNamesTheLine() {
        assertThatThrownBy(() -> parser.parse(Fixtures.doc("bad/malformed.xml")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("malformed XML");
    }
}
