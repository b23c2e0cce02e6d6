package io.newsflow.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParserRegistryTest {
    private final ParserRegistry registry = ParserRegistry.defaults();

    @ParameterizedTest
    @CsvSource({
            "ninjs/iptc-2.1-simple-text.json, ninjs",
            "ninjs/array-one-bad.json, ninjs",
            "newsml/message-two-items.xml, newsml",
            "newsml/iptc-listing-3-photo.xml, newsml",
            "feed/windows-1251.rss, rss",
            "feed/latin1-undeclared.rss, rss",
            "feed/rss1-rdf.rdf, rss",
            "feed/atom-three-entries.atom, atom",
            "text/desk-page-newdelhi.txt, text",
    })
    void sniffsTheFormatWithoutContentType(String file, String format) throws Exception {
        ParseResult r = registry.parse(Fixtures.doc(file), "auto");
        assertThat(r.format()).isEqualTo(format);
        assertThat(r.articles()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "ninjs/iptc-2.1-simple-text.json, application/json, ninjs",
            "newsml/message-two-items.xml, application/xml, newsml",
            "newsml/message-two-items.xml, application/vnd.iptc.g2.newsmessage+xml, newsml",
            "feed/windows-1251.rss, text/xml; charset=windows-1251, rss",
            "feed/atom-three-entries.atom, application/atom+xml, atom",
            "text/desk-page-no-caption.txt, text/plain; charset=utf-8, text",
    })
    void contentTypeAndSniffingAgree(String file, String contentType, String format) throws Exception {
        assertThat(registry.parse(Fixtures.doc(file, contentType), null).format()).isEqualTo(format);
    }

    @Test
    void explicitFormatWinsAndMismatchIsRefusedWithTheParsersReason() {
        assertThatThrownBy(() -> registry.parse(Fixtures.doc("feed/windows-1251.rss"), "newsml"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("not NewsML-G2: root element <rss>");
        assertThatThrownBy(() -> registry.parse(Fixtures.doc("feed/windows-1251.rss"), "ninjs"))
                .hasMessageContaining("invalid UTF-8 at byte");
        assertThatThrownBy(() -> registry.parse(Fixtures.doc("feed/windows-1251.rss"), "yaml"))
                .hasMessageContaining("unknown format 'yaml'");
    }
}
