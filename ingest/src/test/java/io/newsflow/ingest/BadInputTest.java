package io.newsflow.ingest;

import io.newsflow.ingest.support.Gzip;
import io.newsflow.schemas.avro.Article;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each class of hostile or broken input: refused with a reason naming the problem, nothing read from outside. */
class BadInputTest {
    private final ParserRegistry registry = ParserRegistry.defaults();

    @Test
    void externalEntityIsRefusedAndNothingIsRead() {
        assertThatThrownBy(() -> registry.parse(Fixtures.doc("bad/xxe.xml"), null))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("entity declarations")
                .hasMessageNotContaining("root:");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> registry.parse(Fixtures.doc("bad/billion-laughs.xml"), null))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("DOCTYPE with an internal subset is refused");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms: refused up front, not after expanding").isLessThan(2000);
    }

    @Test
    void repeatedDoctypeOpeningsAreRefusedInOnePass() {
        // "<!DOCTYPE[" over and over cost a backtracking pattern about a second per 64 KiB
        byte[] doc = ("<?xml version=\"1.0\"?>" + "<!DOCTYPE[".repeat(7000) + "<rss/>").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        assertThatThrownBy(() -> registry.parse(new Document("d.xml", "application/rss+xml", doc), "rss"))
                .isInstanceOf(ParseException.class).hasMessageContaining("DOCTYPE with an internal subset is refused");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(250);
    }

    @Test
    void elementsNestedDeeperThanAnyNewsItemNeedsAreANamedErrorNotAStackOverflow() {
        String deep = "<x>".repeat(20_000) + "</x>".repeat(20_000);
        byte[] doc = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>a</title><description>"
                + deep + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> registry.parse(new Document("deep.xml", "application/rss+xml", doc), null))
                .isInstanceOf(ParseException.class).hasMessageContaining("malformed XML");
        byte[] json = ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> registry.parse(new Document("deep.json", "application/json", json), null))
                .isInstanceOf(ParseException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void externalDtdIsNeverFetchedAndTheFeedStillParses() throws Exception {
        // the DOCTYPE points at a closed port: fetching it would fail the parse
        ParseResult r = registry.parse(Fixtures.doc("bad/external-dtd.xml"), null);
        assertThat(r.articles()).extracting(Article::getHeadline).containsExactly("Item & one");
    }

    @Test
    void entityReferenceWithoutDeclarationIsAnErrorNotAnExpansion() {
        byte[] doc = "<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\"><contentMeta><headline>&secret;</headline></contentMeta></newsItem>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> registry.parse(new Document("e.xml", null, doc), null))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        assertThatThrownBy(() -> registry.parse(Fixtures.doc("bad/malformed.xml"), null))
                .isInstanceOf(ParseException.class)
                .hasMessageMatching("line 5, column \\d+: malformed XML: .*");
    }

    @Test
    void badUtf8InJsonNamesTheByte() {
        assertThatThrownBy(() -> registry.parse(Fixtures.doc("bad/bad-utf8.json"), null))
                .hasMessageContaining("invalid UTF-8 at byte 55 (line 1)");
    }

    @Test
    void badUtf8InAFeedDeclaredUtf8KeepsTheItems() throws Exception {
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title><item><title>caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</title><link>http://a/1</link></item></channel></rss>".getBytes(StandardCharsets.US_ASCII);
        byte[] doc = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, doc, 0, head.length);
        doc[head.length] = (byte) 0xC3;
        doc[head.length + 1] = (byte) 0x28; // invalid continuation byte
        System.arraycopy(tail, 0, doc, head.length + 2, tail.length);
        ParseResult r = registry.parse(new Document("f.rss", null, doc), null);
        assertThat(r.articles()).singleElement().satisfies(a -> assertThat(a.getHeadline()).isEqualTo("caf\uFFFD("));
    }

    @Test
    void oversizeGzipIsStoppedAtTheLimit() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(new byte[10 * 1024 * 1024]); // 10 MiB of zeros: ~10 KiB compressed
        }
        assertThat(buf.size()).isLessThan(64 * 1024);
        assertThatThrownBy(() -> Gzip.maybeGunzip(buf.toByteArray(), 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("document too large: more than 1048576 bytes");
        assertThatThrownBy(() -> Gzip.maybeGunzip(new byte[2 * 1024 * 1024], 1024 * 1024))
                .hasMessageContaining("document too large: 2097152 bytes");
    }

    @Test
    void corruptGzipIsNamed() {
        byte[] broken = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
        assertThatThrownBy(() -> Gzip.maybeGunzip(broken, 1024)).hasMessageContaining("corrupt gzip");
    }

    @Test
    void wrongContentTypeIsRefused() {
        Document png = new Document("p", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertThatThrownBy(() -> registry.parse(png, null)).hasMessageContaining("unsupported content type 'image/png'");
        assertThat(registry.accepts("image/png")).isFalse();
        assertThat(registry.accepts("application/json")).isTrue();
    }

    @Test
    void binaryBytesWithoutContentTypeAreNotTakenForText() {
        Document bin = new Document("b", null, new byte[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 1, 2});
        assertThatThrownBy(() -> registry.parse(bin, null)).hasMessageContaining("cannot tell the format");
    }

    @Test
    void jsonDeclaredAsRssIsReadByWhatItIs() throws Exception {
        Document doc = Fixtures.doc("ninjs/iptc-3.0-simple-text.json", "application/rss+xml");
        assertThat(registry.choose(doc, null).formats()).containsExactly("ninjs");
    }
}
