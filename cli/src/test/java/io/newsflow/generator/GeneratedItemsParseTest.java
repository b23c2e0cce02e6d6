package io.newsflow.generator;

import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.avro.Article;
import io.newsflow.schemas.avro.PublicationStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the generator sends is what ingest's own parsers read: ids, versions, kill notices, and refusals. */
class GeneratedItemsParseTest {
    private final ParserRegistry parsers = ParserRegistry.defaults();

    @Test
    void everyWellFormedItemParsesToTheArticleItDescribes() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (WireItem item : WireTrafficModel.generate(42, 1_500, java.time.Instant.parse("2026-11-28T06:00:00Z"))) {
            if (item.kind() == WireItem.Kind.MALFORMED) {
                continue;
            }
            ParseResult result;
            try {
                result = parsers.parse(new Document("gen", item.contentType(), item.body()), null);
            } catch (Exception e) {
                failures.add(item.format() + " " + item.itemId() + ": " + e.getMessage());
                continue;
            }
            if (result.articles().size() != 1 || !result.errors().isEmpty()) {
                failures.add(item.format() + " " + item.itemId() + ": " + result.errors());
                continue;
            }
            Article a = result.articles().get(0);
            checked++;
            assertThat(a.getHeadline()).as("headline of %s", item.itemId()).isNotBlank();
            if (item.format() != WireFormat.RSS) {
                assertThat(a.getId()).isEqualTo(item.itemId());
                assertThat(a.getVersion()).isEqualTo((long) item.version());
                assertThat(a.getDateline()).isNotBlank();
            }
            if (item.kind() == WireItem.Kind.WITHDRAWAL) {
                assertThat(a.getStatus()).isEqualTo(PublicationStatus.WITHDRAWN);
            } else {
                assertThat(a.getStatus()).isEqualTo(PublicationStatus.USABLE);
                assertThat(a.getBody() == null ? a.getSummary() : a.getBody()).isNotBlank();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void malformedItemsAreRefused() {
        int refused = 0;
        int total = 0;
        for (WireItem item : WireTrafficModel.generate(42, 3_000, java.time.Instant.parse("2026-11-28T06:00:00Z"))) {
            if (item.kind() != WireItem.Kind.MALFORMED) {
                continue;
            }
            total++;
            try {
                ParseResult r = parsers.parse(new Document("gen", item.contentType(), item.body()), null);
                if (r.articles().isEmpty()) {
                    refused++;
                }
            } catch (Exception e) {
                refused++;
            }
        }
        assertThat(total).isGreaterThan(20);
        assertThat(refused).isEqualTo(total);
    }
}
