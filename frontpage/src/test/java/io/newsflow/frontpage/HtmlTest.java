package io.newsflow.frontpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.frontpage.render.Html;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEverythingThatCanEndTextOrAnAttribute() {
        assertThat(Html.escape("<script>alert('x')</script> & \"quoted\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    }

    @Test
    void leavesPlainTextAndUnicodeAloneAndDropsControlCharacters() {
        assertThat(Html.escape("Kyiv \u2014 S\u00e3o Paulo")).isEqualTo("Kyiv \u2014 S\u00e3o Paulo");
        assertThat(Html.escape("a\u0000b\u0007c\nd")).isEqualTo("abc\nd");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void plainIdsAreLinkedAsTheyAre() {
        assertThat(Html.idSegment("urn:newsml:example.com:20260218:abc-1")).isEqualTo("urn:newsml:example.com:20260218:abc-1");
        assertThat(Html.idFromSegment("urn:newsml:example.com:20260218:abc-1")).isEqualTo("urn:newsml:example.com:20260218:abc-1");
    }

    @Test
    void idsWithSlashesOrSpacesRoundTripThroughAnEncodedSegment() {
        for (String id : new String[] {"https://wire.example/2026/02/18/story?id=1", "a b/c", "~tilde", "\u00fcber/\u4e2d"}) {
            String segment = Html.idSegment(id);
            assertThat(segment).startsWith("~").matches("~[A-Za-z0-9_-]+");
            assertThat(Html.idFromSegment(segment)).isEqualTo(id);
        }
    }
}
