package io.newsflow.ingest.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CharsetsTest {
    @Test
    void declarationBeatsContentTypeAndBomBeatsBoth() {
        byte[] cyr = ("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>Привет</a>").getBytes(Charset.forName("windows-1251"));
        Decoded d = Charsets.decode(cyr, "iso-8859-1");
        assertThat(d.text()).contains("Привет");
        assertThat(d.how()).isEqualTo("xml-declaration");

        byte[] bom = "\uFEFF<a>é</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(bom, "windows-1251").text()).isEqualTo("<a>é</a>");

        byte[] utf16 = "<a>ü</a>".getBytes(StandardCharsets.UTF_16);
        assertThat(Charsets.decode(utf16, null).text()).isEqualTo("<a>ü</a>");
    }

    @Test
    void undeclaredNonUtf8FallsBackToWindows1252() {
        byte[] latin1 = "<a>Últimas notícias</a>".getBytes(StandardCharsets.ISO_8859_1);
        Decoded d = Charsets.decode(latin1, null);
        assertThat(d.text()).isEqualTo("<a>Últimas notícias</a>");
        assertThat(d.how()).isEqualTo("fallback");
    }

    @Test
    void utf8UnderAWrongSingleByteDeclarationIsReadAsUtf8() {
        byte[] mislabelled = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>von Bülow</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(mislabelled, null).text()).contains("von Bülow");
        byte[] honest = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>von Bülow</a>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Charsets.decode(honest, null).text()).contains("von Bülow");
    }

    @Test
    void unknownDeclaredCharsetFallsBackToSniffing() {
        byte[] doc = "<?xml version=\"1.0\" encoding=\"x-no-such\"?><a>ü</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(doc, null).text()).contains("<a>ü</a>");
    }

    @Test
    void strictUtf8KeepsAReplacementCharacterThatWasSentAndNamesTheFirstBadByte() {
        assertThat(Charsets.strictUtf8("{\"a\":\"\uFFFD ok\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo("{\"a\":\"\uFFFD ok\"}");
        assertThat(Charsets.strictUtf8("\uFEFF[1]".getBytes(StandardCharsets.UTF_8))).isEqualTo("[1]");
        byte[] bad = {'[', '\n', '"', (byte) 0xC3, '"', ']'};
        assertThatThrownBy(() -> Charsets.strictUtf8(bad)).hasMessage("invalid UTF-8 at byte 3 (line 2)");
    }

    @Test
    void strictUtf8AgreesWithTheStrictDecoderOnRandomBytes() {
        java.util.Random random = new java.util.Random(3);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8),
                "😀".getBytes(StandardCharsets.UTF_8), "\uFFFD".getBytes(StandardCharsets.UTF_8), {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {'\n'}};
        for (int i = 0; i < 20_000; i++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int k = random.nextInt(6); k > 0; k--) out.writeBytes(pieces[random.nextInt(pieces.length)]);
            byte[] bytes = out.toByteArray();
            String expected;
            try {
                expected = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                assertThatThrownBy(() -> Charsets.strictUtf8(bytes)).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            assertThat(Charsets.strictUtf8(bytes)).isEqualTo(expected);
        }
    }
}
