package io.newsflow.ingest.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

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
}
