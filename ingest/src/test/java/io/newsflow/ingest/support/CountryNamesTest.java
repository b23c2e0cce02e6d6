package io.newsflow.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one table ingest reads a stated country with: codes, ISO3 codes, English names and the names in common use. */
class CountryNamesTest {

    @Test
    void codesAndEnglishNamesMapToAlpha2() {
        assertThat(CountryNames.toCode("fr")).isEqualTo("FR");
        assertThat(CountryNames.toCode(" IN ")).isEqualTo("IN");
        assertThat(CountryNames.toCode("Germany")).isEqualTo("DE");
        assertThat(CountryNames.toCode("United States of America")).isEqualTo("US");
        assertThat(CountryNames.toCode("UK")).isEqualTo("GB");
        assertThat(CountryNames.toCode("DEU")).isEqualTo("DE");
        assertThat(CountryNames.toCode("Côte d’Ivoire")).isEqualTo("CI");
        assertThat(CountryNames.toCode("Türkiye")).isEqualTo("TR");
    }

    @Test
    void anythingElseIsNull() {
        assertThat(CountryNames.toCode("XX")).isNull();
        assertThat(CountryNames.toCode("Lyon")).isNull();
        assertThat(CountryNames.toCode("Global")).isNull();
        assertThat(CountryNames.toCode("")).isNull();
        assertThat(CountryNames.toCode(null)).isNull();
    }
}
