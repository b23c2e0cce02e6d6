package io.newsflow.ingest.feed;

import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.ParseResult;
import io.newsflow.schemas.avro.Article;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    @Test
    void declaredWindows1251IsDecoded() throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("feed/windows-1251.rss"));
        assertThat(r.format()).isEqualTo("rss");
        assertThat(r.articles()).hasSize(2);
        Article a = r.articles().get(0);
        assertThat(a.getHeadline()).isEqualTo("Губернатор открыл новый мост через Урал");
        assertThat(a.getSource()).isEqualTo("Новости региона");
        assertThat(a.getId()).isEqualTo("ru-1");
        assertThat(a.getUrl()).isEqualTo("http://news.example.ru/1");
        assertThat(a.getLanguage()).isEqualTo("ru");
        assertThat(a.getCreated()).isEqualTo(Instant.parse("2014-01-23T06:10:00Z"));
        assertThat(a.getKeywords()).containsExactly("Город");
    }

    @Test
    void undeclaredLatin1WithoutXmlDeclarationIsDecoded() throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("feed/latin1-undeclared.rss"));
        assertThat(r.articles()).extracting(Article::getHeadline)
                .containsExactly("Câmara aprova orçamento para 2026", "Últimas: trânsito condicionado na ponte");
        assertThat(r.articles().get(0).getSummary()).isEqualTo("A câmara municipal aprovou o orçamento com votos da maioria.");
        // no guid: the id is a hash of source + link, the same on every parse
        String id = r.articles().get(1).getId();
        assertThat(id).startsWith("sha256:");
        assertThat(parser.parse(Fixtures.doc("feed/latin1-undeclared.rss")).articles().get(1).getId()).isEqualTo(id);
    }

    @Test
    void atomEntriesWithAnUnidentifiableOneReported() throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("feed/atom-three-entries.atom"));
        assertThat(r.format()).isEqualTo("atom");
        assertThat(r.articles()).extracting(Article::getId).containsExactly("urn:example:entry:1", "urn:example:entry:3");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("entry 2 (line 17)");
            assertThat(e.reason()).contains("nothing to identify it by");
        });
        Article a = r.articles().get(0);
        assertThat(a.getHeadline()).isEqualTo("Bahnstreik beendet");
        assertThat(a.getSummary()).isEqualTo("Die Gewerkschaft hat den Streik nach einer Einigung beendet.");
        assertThat(a.getBody()).isEqualTo("Die Züge fahren wieder nach Plan.\n\nDie Einigung gilt zwei Jahre.");
        assertThat(a.getByline()).isEqualTo("Max Muster");
        assertThat(a.getCreated()).isEqualTo(Instant.parse("2026-02-18T07:00:00Z"));
        assertThat(a.getUpdated()).isEqualTo(Instant.parse("2026-02-18T08:30:00Z"));
        assertThat(a.getKeywords()).containsExactly("Verkehr");
        assertThat(r.articles().get(1).getUrl()).isNull();
    }

    @Test
    void rss10Rdf() throws Exception {
        ParseResult r = parser.parse(Fixtures.doc("feed/rss1-rdf.rdf"));
        assertThat(r.format()).isEqualTo("rss");
        Article a = r.articles().get(0);
        assertThat(a.getHeadline()).isEqualTo("New enzyme found in deep-sea vents");
        assertThat(a.getByline()).isEqualTo("A. Scientist");
        assertThat(a.getCreated()).isEqualTo(Instant.parse("2026-01-05T12:00:00Z"));
        assertThat(a.getId()).isEqualTo("http://science.example.org/a1");
    }
}
