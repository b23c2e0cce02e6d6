package io.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.ParserRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Bodies built to break a parser's recursion get an answer naming the problem; nothing escapes the handler. */
class HostileBodiesTest {
    private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), (t, d) -> new byte[0]);
    private final IngestHandler handler;

    HostileBodiesTest() {
        Properties p = new Properties();
        p.setProperty("ingest.feed.wire.key", "k");
        p.setProperty("ingest.max.body.bytes", "5000000");
        handler = new IngestHandler(IngestConfig.from(p, Map.of()), ParserRegistry.defaults(), producer,
                new IngestMetrics(new SimpleMeterRegistry()));
    }

    private IngestHandler.Response post(String contentType, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return handler.handle(new IngestHandler.Request("Bearer k", contentType, null, (long) b.length, b));
    }

    @Test
    void deeplyNestedDocumentsOfEveryFormatGetANamedAnswer() {
        String html = "<html><head><title>Deep</title></head><body>" + "<div>".repeat(200_000) + "text" + "</div>".repeat(200_000)
                + "</body></html>";
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>a</title><description>"
                + "<b>".repeat(100_000) + "</b>".repeat(100_000) + "</description></item></channel></rss>";
        String json = "{\"uri\":\"u\",\"type\":\"text\",\"headlines\":[{\"value\":\"h\"}],\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        for (String[] c : new String[][] {{"text/html", html}, {"application/rss+xml", xml}, {"application/json", json}}) {
            IngestHandler.Response r = post(c[0], c[1]);
            assertThat(r.status()).as("%s: %s", c[0], r.json()).isIn(202, 400, 413, 422);
            if (r.status() != 202) assertThat(r.json()).as(c[0]).contains("\"message\"");
        }
    }

    @Test
    void aBodyOfFarMoreItemsThanAllowedIsRefusedBeforeItIsParsed() {
        // the limit is 1,000 items (default): 100,000 tiny ones are refused by a count, not after building them all
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>x</title></item>".repeat(100_000) + "</channel></rss>";
        IngestHandler.Response r = post("application/rss+xml", rss);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json()).contains("too_many_items", "more than 2000 items", "the limit is 1000");
        IngestHandler.Response json = post("application/json", "[" + "{}," .repeat(99_999) + "{}]");
        assertThat(json.status()).isEqualTo(413);
        assertThat(producer.history()).isEmpty();
    }
}
