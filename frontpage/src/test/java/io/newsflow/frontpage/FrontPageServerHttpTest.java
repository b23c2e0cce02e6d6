package io.newsflow.frontpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.frontpage.http.FrontPageServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP side without a broker: the page serves, and says it is not ready, while Kafka is unreachable. */
class FrontPageServerHttpTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FrontPageServer unreachableKafka() {
        return FrontPageServer.builder()
                .bootstrapServers("127.0.0.1:1")
                .registryUrl("mock://frontpage-http-test")
                .consumerProperties(Map.of("reconnect.backoff.max.ms", "1000"))
                .port(0)
                .build();
    }

    private HttpResponse<String> get(FrontPageServer page, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(page.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesAnEmptyPageAndReportsNotReadyUntilTheConsumerHasPartitions() throws Exception {
        try (FrontPageServer page = unreachableKafka().start()) {
            HttpResponse<String> health = get(page, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"", "WAITING_FOR_TOPICS");

            HttpResponse<String> front = get(page, "/");
            assertThat(front.statusCode()).isEqualTo(200);
            assertThat(front.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(front.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(front.body()).contains("No articles yet.", "http-equiv=\"refresh\"").doesNotContain("<script");

            HttpResponse<String> missing = get(page, "/article/" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            assertThat(missing.statusCode()).isIn(400, 404);
            assertThat(missing.body()).doesNotContain("<script>");
            HttpResponse<String> missingPlain = get(page, "/article/no-such-id");
            assertThat(missingPlain.statusCode()).isEqualTo(404);
            assertThat(missingPlain.body()).contains("Article not found", "no-such-id");

            assertThat(get(page, "/api/front").body()).startsWith("{\"at\":").contains("\"articles\":[]");
        }
    }

    @Test
    void aBusyPortIsReportedWithTheWayOut() throws Exception {
        try (FrontPageServer first = unreachableKafka().start()) {
            FrontPageServer second = FrontPageServer.builder().bootstrapServers("127.0.0.1:1")
                    .registryUrl("mock://frontpage-http-test").port(first.port()).build();
            assertThatThrownBy(second::start).hasMessageContaining("cannot listen on 127.0.0.1:" + first.port())
                    .hasMessageContaining(".port(");
            second.close();
        }
    }
}
