package io.newsflow.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.generator.WireFormat;
import io.newsflow.generator.WireItem;
import io.newsflow.ingest.Document;
import io.newsflow.ingest.ParseResult;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.schemas.avro.Article;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch body must carry exactly the articles its items carry one by one, for every format. */
class WireBatchTest {
    private final ParserRegistry parsers = ParserRegistry.defaults();

    @Test
    void aBatchParsesToTheSameArticlesAsItsItemsOneByOne() throws Exception {
        Map<String, List<WireItem>> byKey = new LinkedHashMap<>();
        for (WireItem item : BenchRecords.generate(400, 3, "batch-")) {
            byKey.computeIfAbsent(WireBatch.key(item), k -> new ArrayList<>()).add(item);
        }
        assertThat(byKey.keySet()).contains(WireFormat.NINJS.name(), WireFormat.NEWSML.name());
        assertThat(byKey.keySet()).anyMatch(k -> k.startsWith("rss/"));
        for (List<WireItem> items : byKey.values()) {
            List<Article> one = new ArrayList<>();
            for (WireItem item : items) one.addAll(parse(item.contentType(), item.body()).articles());
            ParseResult batch = parse(items.get(0).contentType(), WireBatch.body(items));
            assertThat(batch.errors()).isEmpty();
            assertThat(batch.articles()).hasSize(items.size());
            assertThat(batch.articles()).extracting(Article::getId).containsExactlyElementsOf(one.stream().map(Article::getId).toList());
            assertThat(batch.articles()).extracting(Article::getBody).containsExactlyElementsOf(one.stream().map(Article::getBody).toList());
        }
    }

    @Test
    void rssItemsOfTwoAgenciesNeverShareABody() {
        List<WireItem> rss = BenchRecords.generate(400, 5, "batch-").stream().filter(i -> i.format() == WireFormat.RSS).toList();
        assertThat(rss.stream().map(WireBatch::key).distinct().count()).isEqualTo(rss.stream().map(WireItem::agency).distinct().count());
    }

    private ParseResult parse(String contentType, byte[] body) throws Exception {
        return parsers.parse(new Document("test", contentType, body), null);
    }
}
