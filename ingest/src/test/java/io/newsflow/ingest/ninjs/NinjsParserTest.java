package io.newsflow.ingest.ninjs;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.ItemError;
import io.newsflow.ingest.ParseException;
import io.newsflow.ingest.ParseResult;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NinjsParserTest {
    private final NinjsParser parser = new NinjsParser();

    @ParameterizedTest
    @ValueSource(strings = {"iptc-1.4-simple-text.json", "iptc-2.1-simple-text.json", "iptc-3.0-simple-text.json"})
    void readsTheSameStoryFromEveryMajorVersion(String file) throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("ninjs/" + file));
        assertThat(r.errors()).isEmpty();
        Article a = r.articles().get(0);
        assertThat(a.getId()).isEqualTo("http://ninjs.example.com/newsitems/20130709simp123");
        assertThat(a.getHeadline()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
        assertThat(a.getByline()).isEqualTo("Paulo Santalucia and Frances d'Emilio");
        assertThat(a.getUpdated()).isEqualTo(Instant.parse("2013-07-09T10:37:00Z"));
        assertThat(a.getCreated()).isNull();
        assertThat(a.getBody()).startsWith("GROSSETO, Italy (AP) -- The trial of the captain");
        assertThat(a.getLanguage()).as("not declared: detected").isEqualTo("en");
        assertThat(a.getFormat()).isEqualTo("ninjs");
    }

    @Test
    void arrayWithOneInvalidItemKeepsTheGoodOnes() throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("ninjs/array-one-bad.json"));
        assertThat(r.articles()).extracting(Article::getId).containsExactly("urn:example:ninjs:good-1", "urn:example:ninjs:good-3");
        assertThat(r.errors()).hasSize(1);
        ItemError e = r.errors().get(0);
        assertThat(e.location()).isEqualTo("$[1] (line 17)");
        assertThat(e.itemId()).isEqualTo("urn:example:ninjs:bad-2");
        assertThat(e.field()).isEqualTo("type");
        assertThat(e.reason()).contains("not valid ninjs 2.2").contains("$.type");
        assertThat(e.raw()).contains("not-a-type");

        Article good = r.articles().get(0);
        assertThat(good.getVersion()).isEqualTo(3L);
        assertThat(good.getCreated()).isEqualTo(Instant.parse("2026-02-18T07:00:00Z"));
        assertThat(good.getSummary()).isEqualTo("Summary of the first good item.");
        assertThat(good.getBody()).isEqualTo("First paragraph.\n\nSecond paragraph.");
        assertThat(good.getDateline()).isEqualTo("Lisbon");
        assertThat(good.getKeywords()).isEmpty();
        assertThat(good.getDeclaredCountries()).containsExactly("PT");
        assertThat(good.getLanguage()).isEqualTo("en");
        assertThat(r.articles().get(1).getStatus()).isEqualTo(PublicationStatus.CANCELED);
    }

    @Test
    void validatesAgainstTheLabelledVersion() throws Exception {
        // "component" was added in 1.2: invalid for 1.1, valid for the newest 1.x
        Document doc = Fixtures.doc("ninjs/iptc-suite-1.1-fail-type-component.json");
        assertThat(new NinjsParser("1.1").parse(doc).errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("not valid ninjs 1.1"));
        assertThat(new NinjsParser("1.6").parse(doc).errors()).isEmpty();
    }

    @Test
    void geoJsonIsCheckedThroughTheBundledSchemaWithoutNetwork() throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("ninjs/iptc-suite-3.0-fail-001_bad_geojson.json"));
        assertThat(r.articles()).isEmpty();
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("places[0].geojson");
            assertThat(e.reason()).contains("required property 'type' not found");
        });
    }

    @Test
    void unknownSchemaVersionFailsEarly() {
        assertThatThrownBy(() -> new NinjsParser("9.9")).hasMessageContaining("no ninjs schema 9.9");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> parser.parse(Fixtures.doc("bad/not-json.json")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("line 1, column")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void invalidUtf8IsRefusedWithItsByteOffset() {
        assertThatThrownBy(() -> parser.parse(Fixtures.doc("bad/bad-utf8.json")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("invalid UTF-8 at byte 55");
    }

    @Test
    void scalarTopLevelAndNonObjectItemsAreRefused() throws Exception {
        assertThatThrownBy(() -> parser.parse(new Document("x", null, "42".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("must be a JSON object or an array");
        ParseResult r = parser.parse(new Document("x", null, "[1, {\"uri\":\"urn:a\"}]".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.articles()).extracting(Article::getId).containsExactly("urn:a");
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("must be a JSON object"));
    }
}
