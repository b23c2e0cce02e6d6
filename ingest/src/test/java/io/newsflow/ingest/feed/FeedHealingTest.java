package io.newsflow.ingest.feed;

import com.rometools.rome.io.impl.XmlFixerReader;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed text handed to the XML parser is exactly what ROME's XmlFixerReader makes of it. */
class FeedHealingTest {

    @Test
    void htmlEntitiesBareAmpersandsAndLeadingCommentsAreFixed() throws Exception {
        assertThat(FeedParser.healed("  <!-- generator --> <rss><title>A&nbsp;B &amp; C & D</title></rss>"))
                .isEqualTo("<rss><title>A&#160;B &#38; C &amp; D</title></rss>");
        String clean = "<?xml version=\"1.0\"?><rss><title>Nothing to fix</title></rss>";
        assertThat(FeedParser.healed(clean)).isSameAs(clean);
    }

    @Test
    void agreesWithTheFixerOnRandomMarkup() throws Exception {
        Random random = new Random(5);
        String[] pieces = {"<", ">", "!", "-", "--", "<!--", "-->", "[", "]", "]]>", "<![CDATA[", "&", ";", "&nbsp;", "&amp;",
                "&#38;", "&bogus", "a", "rss", " ", "\n", "\t", "/", "?", "é"};
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "<" : "");
            for (int k = random.nextInt(12); k > 0; k--) sb.append(pieces[random.nextInt(pieces.length)]);
            String text = sb.toString();
            assertThat(FeedParser.healed(text)).as("'%s'", text).isEqualTo(fixer(text));
        }
    }

    private static String fixer(String text) throws Exception {
        try (XmlFixerReader r = new XmlFixerReader(new StringReader(text))) {
            StringWriter out = new StringWriter();
            r.transferTo(out);
            return out.toString();
        }
    }
}
