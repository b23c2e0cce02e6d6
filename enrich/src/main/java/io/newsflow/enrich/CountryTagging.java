package io.newsflow.enrich;

import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.CountryRole;
import io.newsflow.schemas.avro.CountryTag;
import io.newsflow.schemas.avro.Evidence;
import java.util.List;

/** Which countries an article is about. The app wires the real tagger; tests pass their own. */
@FunctionalInterface
public interface CountryTagging {
    List<CountryTag> tag(Article article);

    /** Only what the source itself declared, as focus countries. */
    static CountryTagging declaredOnly() {
        return a -> a.getDeclaredCountries() == null ? List.of() : a.getDeclaredCountries().stream().distinct()
                .map(code -> new CountryTag(code, CountryRole.FOCUS, 1.0,
                        List.of(new Evidence(code, "declared", -1, "declared by the source"))))
                .toList();
    }
}
