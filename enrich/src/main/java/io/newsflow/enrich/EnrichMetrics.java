package io.newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schemas.service.MeterSpec;
import java.util.List;
import java.util.Map;

/**
 * Enrich's own meters, each declared once. The service's registry reaches the processors through
 * {@link EnrichTopology#buildTopology} and the dead-letter handlers (which Kafka Streams instantiates) through the
 * Streams settings under {@link #REGISTRY_CONFIG}: no global registry, so two instances in one JVM count apart.
 */
public final class EnrichMetrics {
    public static final MeterSpec VERSIONS = MeterSpec.counter("newsflow.enrich.versions",
            "articles by what the version gate made of them (new, update, duplicate, late, withdrawn, foreign...)", "verdict");
    public static final MeterSpec STORIES = MeterSpec.counter("newsflow.enrich.stories",
            "articles that joined a story or began a new one", "outcome");
    public static final MeterSpec TRENDING_LATE = MeterSpec.counter("newsflow.enrich.trending.late",
            "articles older than the trending window when they arrived (not ranked)");
    public static final MeterSpec DEADLETTERS = MeterSpec.counter("newsflow.enrich.deadletters",
            "records enrich dead-lettered, by the stage that refused them", "stage");
    /** Every meter of enrich, in the README's order. */
    public static final List<MeterSpec> ALL = List.of(VERSIONS, STORIES, TRENDING_LATE, DEADLETTERS);

    /** The Streams setting that carries the service's registry to the handlers Kafka Streams instantiates. */
    public static final String REGISTRY_CONFIG = "newsflow.enrich.meter.registry";

    private EnrichMetrics() {}

    /** The registry in a handler's settings; a registry of its own where there is none (a topology under test). */
    public static MeterRegistry from(Map<String, ?> configs) {
        return configs.get(REGISTRY_CONFIG) instanceof MeterRegistry registry ? registry : new SimpleMeterRegistry();
    }
}
