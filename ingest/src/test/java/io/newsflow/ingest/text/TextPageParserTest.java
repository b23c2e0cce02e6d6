package io.newsflow.ingest.text;

import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.schemas.avro.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextPageParserTest {
    private final TextPageParser parser = new TextPageParser();

    @Test
    void readsEveryFieldOfTheDeskLayout() throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("text/desk-page-newdelhi.txt"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.articles()).hasSize(1);
        Article a = r.articles().get(0);
        assertThat(a.getFormat()).isEqualTo("text");
        assertThat(a.getHeadline()).isEqualTo("Monsoon Talks: India and Pakistan Agree on River Data Exchange");
        assertThat(a.getSummary()).isEqualTo("Officials from India and Pakistan agreed to resume the exchange of flood data on shared rivers"
                + " ahead of the monsoon season. The agreement follows two days of technical talks.");
        assertThat(a.getByline()).isEqualTo("Regional News Desk");
        assertThat(a.getDateline()).isEqualTo("New Delhi");
        // IST is UTC+5:30
        assertThat(a.getUpdated()).isEqualTo(Instant.parse("2026-03-03T03:35:00Z"));
        assertThat(a.getCreated()).isEqualTo(Instant.parse("2026-03-02T18:10:00Z"));
        assertThat(a.getDeclaredCountries()).containsExactly("IN", "PK");
        assertThat(a.getCredit()).isEqualTo("(With inputs from agencies.)");
        assertThat(a.getSource()).isEqualTo("Regional Wire");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getUrl()).isNull();
        assertThat(a.getVersion()).isNull();
        assertThat(a.getBody()).startsWith("Officials from India and Pakistan agreed on Tuesday")
                .endsWith("early warnings save crops and lives.")
                .doesNotContain("Representative Image", "TRENDING", "OPINION", "Some Other Story", "Copyright", "inputs from");
        assertThat(a.getBody().split("\n\n")).hasSize(3);
    }

    @Test
    void idIsStableAndDependsOnTheHeadline() throws Exception {
        String first = parser.parse(Fixtures.doc("text/desk-page-newdelhi.txt")).articles().get(0).getId();
        String again = parser.parse(Fixtures.doc("text/desk-page-newdelhi.txt")).articles().get(0).getId();
        String other = parser.parse(Fixtures.doc("text/desk-page-no-caption.txt")).articles().get(0).getId();
        assertThat(first).isEqualTo(again).startsWith("sha256:").isNotEqualTo(other);
    }

    @Test
    void pageWithoutDatelineCaptionOrCreditLeavesThemNull() throws Exception {
        Article a = parser.parse(Fixtures.doc("text/desk-page-no-caption.txt")).articles().get(0);
        assertThat(a.getHeadline()).isEqualTo("Harbour Strike Ends After Wage Deal");
        assertThat(a.getByline()).isEqualTo("City Desk");
        assertThat(a.getDateline()).isNull();
        assertThat(a.getCredit()).isNull();
        assertThat(a.getSource()).isNull();
        assertThat(a.getDeclaredCountries()).isEmpty();
        assertThat(a.getUpdated()).isEqualTo(Instant.parse("2025-11-14T18:30:00Z"));
        assertThat(a.getCreated()).isEqualTo(Instant.parse("2025-11-14T07:15:00Z"));
        assertThat(a.getBody()).startsWith("Dock workers at the port").endsWith("waiting offshore.").doesNotContain("Unrelated");
    }

    @Test
    void unknownTimeZoneIsRefusedNamingLineAndField() {
        assertThatThrownBy(() -> parser.parse(Fixtures.doc("text/desk-page-unknown-zone.txt")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("unknown time zone 'XYZ'");
    }
}
