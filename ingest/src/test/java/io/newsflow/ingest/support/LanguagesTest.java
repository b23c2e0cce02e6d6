package io.newsflow.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Language detection on the Guava the build manages (the detector's own Guava 18 has published CVEs). */
class LanguagesTest {

    @Test
    void detectsTheLanguagesOfTheWiresOnTheCurrentGuava() {
        assertThat(Languages.detect("The central bank raised interest rates again on Thursday, its third increase this year."))
                .isEqualTo("en");
        assertThat(Languages.detect("La banque centrale a relevé ses taux d'intérêt jeudi, pour la troisième fois cette année."))
                .isEqualTo("fr");
        assertThat(Languages.detect("Центральный банк в четверг снова повысил процентные ставки, третий раз за этот год."))
                .isEqualTo("ru");
        assertThat(Languages.detect("Too short")).as("fewer than 40 letters").isNull();
        String jar = com.google.common.collect.ImmutableList.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(jar).as("Guava on the classpath").matches(".*/guava-3[3-9][^/]*\\.jar");
    }
}
