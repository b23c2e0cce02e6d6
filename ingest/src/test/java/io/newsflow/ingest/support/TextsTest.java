package io.newsflow.ingest.support;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void cleanCollapsesEveryKindOfWhitespaceAndTrims() {
        assertThat(Texts.clean("  Markets\t rally \n\n in\u00A0Asia \u2003")).isEqualTo("Markets rally in Asia");
        assertThat(Texts.clean("already clean")).isEqualTo("already clean");
        assertThat(Texts.clean("trailing ")).isEqualTo("trailing");
        assertThat(Texts.clean(" \t\u00A0\n")).isNull();
        assertThat(Texts.clean("")).isNull();
        assertThat(Texts.clean(null)).isNull();
        assertThat(Texts.clean("keeps\u0000control\u0085chars")).isEqualTo("keeps\u0000control\u0085chars");
    }

    @Test
    void cleanAgreesWithTheCharByCharDefinitionOnRandomText() {
        Random random = new Random(7);
        String alphabet = "ab Z.\t\n\r\u00A0\u2003\u3000\u001Fé\u0085\u200B";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = sb.toString();
            assertThat(Texts.clean(s)).as("'%s'", s).isEqualTo(reference(s));
        }
    }

    @Test
    void paragraphsBreakAtBlankLinesOnly() {
        assertThat(Texts.paragraphsOf(" first  para \n \n\nsecond\tpara\nsame paragraph\r\n\r\nthird ")).isEqualTo(
                "first para\n\nsecond para same paragraph\n\nthird");
        assertThat(Texts.paragraphsOf("one clean paragraph")).isEqualTo("one clean paragraph");
        assertThat(Texts.paragraphsOf("a\n\u00A0\nb")).as("no-break space is no blank line for the regex").isEqualTo("a b");
        assertThat(Texts.paragraphsOf(" \n\n ")).isNull();
        assertThat(Texts.paragraphsOf("")).isNull();
    }

    @Test
    void paragraphsAgreeWithSplittingAtTheRegexOnRandomText() {
        Random random = new Random(11);
        String alphabet = "ab \n\n\t\r\u000B\f\u00A0\u2003\u001F.";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = sb.toString();
            assertThat(Texts.paragraphsOf(s)).as("'%s'", s).isEqualTo(Texts.paragraphs(List.of(s.split("\\n\\s*\\n"))));
        }
    }

    @Test
    void httpUrlsAndHtmlAreRecognised() {
        assertThat(Texts.isHttpUrl("HTTPS://example.com/a")).isTrue();
        assertThat(Texts.isHttpUrl("urn:newsml:x")).isFalse();
        assertThat(Texts.isHttpUrl("http://a\nb")).isFalse();
        assertThat(Texts.isHttpUrl(null)).isFalse();
        assertThat(Texts.looksLikeHtml("text with <p>a paragraph</p>")).isTrue();
        assertThat(Texts.looksLikeHtml("x < y and y > z")).isFalse();
        assertThat(Texts.looksLikeHtml("line\n< br/>")).isTrue();
    }

    /** The definition: whitespace runs (Character.isWhitespace or no-break space) become one space, ends trimmed. */
    private static String reference(String s) {
        StringBuilder out = new StringBuilder();
        boolean pending = false;
        for (char c : s.toCharArray()) {
            if (Character.isWhitespace(c) || c == '\u00A0') {
                pending = out.length() > 0;
            } else {
                if (pending) out.append(' ');
                pending = false;
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
