package io.newsflow.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.Fixtures;
import io.newsflow.ingest.ParserRegistry;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.intake.Delivery;
import io.newsflow.ingest.intake.Intake;
import io.newsflow.ingest.intake.IntakeOutcome;
import io.newsflow.ingest.intake.Refusal;
import io.newsflow.ingest.http.IngestMetrics;
import io.newsflow.schemas.avro.Article;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A summary-only feed whose items get their body from their article pages, through the handler pushed items use. */
class FullTextTest {

    @Test
    void summaryOnlyItemsTakeTheirBodyFromTheArticlePageAndAPageThatFailsLeavesTheItemAsItWas() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.on("/story.html", ex -> FeedServer.send(ex, 200, html("jsonld-newsarticle.html")));
            server.on("/gone.html", ex -> FeedServer.send(ex, 404, new byte[0]));
            String rss = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Summaries</title>
                    <item><title>Flood barriers hold in Lyon</title><link>%s</link><guid>s-1</guid>
                      <description>Walls held overnight.</description><pubDate>Wed, 02 Dec 2026 09:00:00 GMT</pubDate></item>
                    <item><title>Page gone</title><link>%s</link><guid>s-2</guid>
                      <description>Only this.</description><pubDate>Wed, 02 Dec 2026 09:05:00 GMT</pubDate></item>
                    </channel></rss>
                    """.formatted(server.url("/story.html"), server.url("/gone.html"));
            MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), (t, d) -> new byte[0]);
            Intake intake = Intake.of(IngestConfig.from(new Properties(), Map.of()), ParserRegistry.defaults(),
                    producer, new IngestMetrics(new SimpleMeterRegistry()));
            FullText fullText = new FullText(new FeedFetcher(Duration.ofSeconds(2), 3, 1_000_000), Duration.ofMillis(200),
                    FetchPolicy.trusting(server.url("/feed.rss")), why -> { });

            IntakeOutcome outcome = intake.take(new Delivery("summaries", "summaries", Delivery.Origin.PULL, "pull-1",
                    "application/rss+xml", null, "rss", rss.getBytes(StandardCharsets.UTF_8)), fullText);

            assertThat(outcome).isInstanceOfSatisfying(IntakeOutcome.Stored.class,
                    s -> assertThat(s.accepted()).hasSize(2));
            Article withPage = (Article) producer.history().get(0).value();
            assertThat(withPage.getId()).isEqualTo("s-1");
            assertThat(withPage.getBody()).startsWith("LYON (AFP)").hasSizeGreaterThan(FullText.MIN_BODY);
            assertThat(withPage.getSummary()).isEqualTo("Walls held overnight.");
            Article without = (Article) producer.history().get(1).value();
            assertThat(without.getBody()).as("a page answering 404 leaves the item as the feed had it").isNull();
            assertThat(without.getSummary()).isEqualTo("Only this.");
            // the two page requests to the host were the gap apart
            var pages = server.seen;
            assertThat((pages.get(1).startNanos() - pages.get(0).endNanos()) / 1_000_000).isGreaterThanOrEqualTo(180);
        }
    }

    @Test
    void aMalformedPulledFeedIsDeadLetteredOnceAndNotParsedAgainWhileUnchanged() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.on("/broken.rss", ex -> FeedServer.send(ex, 200,
                    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item><title>Cut off</channel></rss>".getBytes(StandardCharsets.UTF_8)));
            MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), (t, d) -> new byte[0]);
            Intake intake = Intake.of(IngestConfig.from(new Properties(), Map.of()), ParserRegistry.defaults(),
                    producer, new IngestMetrics(new SimpleMeterRegistry()));
            java.util.List<IntakeOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
            FeedPoller poller = new FeedPoller(java.util.List.of(new PullSource("broken", server.url("/broken.rss"), "rss",
                    Duration.ofMillis(100), "broken")), new FeedFetcher(Duration.ofSeconds(2), 3, 100_000),
                    new FeedPollerTest.MemoryStore(), (s, doc) -> {
                        IntakeOutcome outcome = intake.take(new Delivery(s.feed(), s.name(), Delivery.Origin.PULL,
                                "pull-" + outcomes.size(), doc.contentType(), null, s.format(), doc.body()));
                        outcomes.add(outcome);
                        return !(outcome instanceof IntakeOutcome.Unavailable);
                    }, new FeedPoller.Settings(Duration.ofMillis(10), Duration.ofSeconds(5)), java.time.Clock.systemUTC()).start();
            try {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("/broken.rss").size() >= 4);
            } finally {
                poller.close();
            }
            // refused with the parser's reason and dead-lettered with its bytes, once: the same bytes are not parsed again
            assertThat(outcomes).singleElement().isInstanceOfSatisfying(IntakeOutcome.Refused.class,
                    r -> assertThat(r.refusal()).isEqualTo(Refusal.UNPARSEABLE));
            assertThat(producer.history()).singleElement().satisfies(r -> {
                assertThat(r.topic()).isEqualTo("news.deadletter");
                io.newsflow.schemas.avro.DeadLetter d = (io.newsflow.schemas.avro.DeadLetter) r.value();
                assertThat(d.getReason()).contains("malformed XML");
                assertThat(d.getFeed()).isEqualTo("broken");
            });
            assertThat(poller.stats().get("broken").unchanged).isGreaterThanOrEqualTo(2);
        }
    }

    private static byte[] html(String name) throws java.io.IOException {
        try (java.io.InputStream in = FullTextTest.class.getResourceAsStream("/html/" + name)) {
            return in.readAllBytes();
        }
    }
}
