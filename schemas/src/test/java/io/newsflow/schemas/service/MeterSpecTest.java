package io.newsflow.schemas.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeterSpecTest {
    static final MeterSpec COUNTER = MeterSpec.counter("newsflow.test.items.accepted", "items", "feed");
    static final MeterSpec GAUGE = MeterSpec.gauge("newsflow.test.articles", "articles held");
    static final MeterSpec TIMER = MeterSpec.timer("newsflow.test.render", "render time", "page");
    static final MeterSpec SUMMARY = MeterSpec.summary("newsflow.test.request.bytes", "bytes", "body sizes");

    @Test
    void theNameTheTableGivesIsTheNamePrometheusShows() {
        try (ServiceMeters meters = new ServiceMeters("test", "t-1")) {
            COUNTER.counter(meters.registry(), "wire").increment(2);
            AtomicInteger held = new AtomicInteger(5);
            GAUGE.gauge(meters.registry(), held, AtomicInteger::get);
            TIMER.timer(meters.registry(), "front").record(Duration.ofMillis(3));
            SUMMARY.summary(meters.registry()).record(100);
            String scrape = meters.registry().scrape();
            for (MeterSpec spec : List.of(COUNTER, GAUGE, TIMER, SUMMARY)) {
                assertThat(scrape).as(spec.name()).contains("# TYPE " + spec.prometheusName() + " ");
            }
            assertThat(scrape).contains("newsflow_test_items_accepted_total{feed=\"wire\",instance=\"t-1\",service=\"test\"} 2.0");
            assertThat(scrape).contains("newsflow_test_render_seconds_bucket{");
        }
    }

    @Test
    void aMeterTakesExactlyItsDeclaredTagsAndKind() {
        try (ServiceMeters meters = new ServiceMeters("test", "t-1")) {
            assertThatThrownBy(() -> COUNTER.counter(meters.registry()))
                    .hasMessageContaining("newsflow.test.items.accepted takes the tags [feed], got 0 values");
            assertThatThrownBy(() -> COUNTER.timer(meters.registry(), "wire"))
                    .hasMessageContaining("declared a COUNTER, not a TIMER");
        }
        assertThatThrownBy(() -> MeterSpec.counter("ingest.items", "x"))
                .hasMessageContaining("newsflow.<service>.<what>");
    }

    @Test
    void theTableHasOneRowPerMeterByService() {
        Map<String, List<MeterSpec>> byService = new LinkedHashMap<>();
        byService.put("test", List.of(COUNTER, SUMMARY));
        assertThat(MeterSpec.markdownTable(byService).split("\n")).containsExactly(
                "| Service | Metric | Type | Tags | What it counts |",
                "|---|---|---|---|---|",
                "| test | `newsflow_test_items_accepted_total` | counter | feed | items |",
                "| test | `newsflow_test_request_bytes` | summary |  | body sizes |");
    }
}
