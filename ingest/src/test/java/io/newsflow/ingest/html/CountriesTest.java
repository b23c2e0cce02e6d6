package io.newsflow.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountriesTest {

    @Test
    void codesAndEnglishNamesMapToAlpha2() {
        assertThat(Countries.toCode("fr")).isEqualTo("FR");
        assertThat(Countries.toCode(" IN ")).isEqualTo("IN");
        assertThat(Countries.toCode("Germany")).isEqualTo("DE");
        assertThat(Countries.toCode("United States of America")).isEqualTo("US");
        assertThat(Countries.toCode("UK")).isEqualTo("GB");
        assertThat(Countries.toCode("DEU")).isEqualTo("DE");
    }

    @Test
    void anythingElseIsNull() {
        assertThat(Countries.toCode("XX")).isNull();
        assertThat(Countries.toCode("Lyon")).isNull();
        assertThat(Countries.toCode("")).isNull();
        assertThat(Countries.toCode(null)).isNull();
    }
}
