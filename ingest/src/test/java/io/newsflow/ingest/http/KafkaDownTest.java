package io.newsflow.ingest.http;

import io.newsflow.ingest.Fixtures;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Kafka producer pointed at a port where no broker listens: the service must say 503, never 202. */
class KafkaDownTest {
    @Test
    void noBrokerMeans503WithRetryAfterAndUnhealthy() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again: nothing listens there
        }
        Properties p = new Properties();
        p.setProperty("ingest.http.port", "0");
        p.setProperty("bootstrap.servers", "127.0.0.1:" + deadPort);
        p.setProperty("schema.registry.url", "mock://kafka-down-test");
        p.setProperty("producer.max.block.ms", "1500");
        p.setProperty("ingest.produce.timeout.ms", "3000");
        p.setProperty("ingest.retry.after.seconds", "7");
        p.setProperty("ingest.feed.demo.key", "demo");
        try (IngestService service = IngestService.start(IngestConfig.from(p, Map.of()))) {
            String base = "http://127.0.0.1:" + service.port();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/articles"))
                    .header("Authorization", "Bearer demo").header("Content-Type", "application/atom+xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("feed/atom-three-entries.atom"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("7");
            assertThat(r.body()).contains("\"error\":\"unavailable\"");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
        }
    }
}
