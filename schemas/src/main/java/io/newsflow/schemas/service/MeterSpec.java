package io.newsflow.schemas.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One of the project's own meters, declared once: its name, kind, tag keys and what it counts. A service registers its
 * meters only through their specs, so the README's table of metrics, generated from the declarations, names every
 * one; a meter registered with the wrong tags fails at once instead of splitting a Prometheus family.
 */
public record MeterSpec(String name, Kind kind, String description, List<String> tagKeys, String baseUnit) {

    public enum Kind { COUNTER, GAUGE, TIMER, SUMMARY }

    public MeterSpec {
        if (!name.matches("newsflow\\.[a-z]+(\\.[a-z]+)+")) {
            throw new IllegalArgumentException("a meter of the project is named newsflow.<service>.<what>, got " + name);
        }
        tagKeys = List.copyOf(tagKeys);
    }

    public static MeterSpec counter(String name, String description, String... tagKeys) {
        return new MeterSpec(name, Kind.COUNTER, description, List.of(tagKeys), null);
    }

    public static MeterSpec gauge(String name, String description, String... tagKeys) {
        return new MeterSpec(name, Kind.GAUGE, description, List.of(tagKeys), null);
    }

    /** A timer with a histogram, so quantiles aggregate across instances (histogram_quantile). */
    public static MeterSpec timer(String name, String description, String... tagKeys) {
        return new MeterSpec(name, Kind.TIMER, description, List.of(tagKeys), null);
    }

    public static MeterSpec summary(String name, String baseUnit, String description, String... tagKeys) {
        return new MeterSpec(name, Kind.SUMMARY, description, List.of(tagKeys), baseUnit);
    }

    public Counter counter(MeterRegistry registry, String... tagValues) {
        require(Kind.COUNTER);
        return Counter.builder(name).description(description).tags(tags(tagValues)).register(registry);
    }

    public <T> Gauge gauge(MeterRegistry registry, T obj, ToDoubleFunction<T> value, String... tagValues) {
        require(Kind.GAUGE);
        return Gauge.builder(name, obj, value).description(description).tags(tags(tagValues)).register(registry);
    }

    public Timer timer(MeterRegistry registry, String... tagValues) {
        require(Kind.TIMER);
        return Timer.builder(name).description(description).tags(tags(tagValues)).publishPercentileHistogram()
                .register(registry);
    }

    public DistributionSummary summary(MeterRegistry registry, String... tagValues) {
        require(Kind.SUMMARY);
        return DistributionSummary.builder(name).description(description).baseUnit(baseUnit).tags(tags(tagValues))
                .register(registry);
    }

    /** The name Prometheus shows (the family; a timer's and a summary's samples add _count, _sum, _max, _bucket). */
    public String prometheusName() {
        String base = name.replace('.', '_');
        return switch (kind) {
            case COUNTER -> base + "_total";
            case TIMER -> base + "_seconds";
            case SUMMARY -> base.endsWith("_" + baseUnit) ? base : base + "_" + baseUnit;
            case GAUGE -> base;
        };
    }

    /** The README's table of the project's own meters: one row per meter, by service. */
    public static String markdownTable(Map<String, List<MeterSpec>> byService) {
        List<String> rows = new ArrayList<>();
        rows.add("| Service | Metric | Type | Tags | What it counts |");
        rows.add("|---|---|---|---|---|");
        byService.forEach((service, specs) -> specs.forEach(s -> rows.add("| " + service + " | `" + s.prometheusName()
                + "` | " + s.kind().name().toLowerCase() + " | " + (s.tagKeys().isEmpty() ? "" : String.join(", ", s.tagKeys()))
                + " | " + s.description() + " |")));
        return String.join("\n", rows) + "\n";
    }

    private void require(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(name + " is declared a " + kind + ", not a " + wanted);
        }
    }

    private Tags tags(String... values) {
        if (values.length != tagKeys.size()) {
            throw new IllegalArgumentException(name + " takes the tags " + tagKeys + ", got " + values.length + " values");
        }
        Tags tags = Tags.empty();
        for (int i = 0; i < values.length; i++) {
            tags = tags.and(tagKeys.get(i), values[i]);
        }
        return tags;
    }
}
