package io.newsflow.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.frontpage.FrontPageMetrics;
import io.newsflow.ingest.http.IngestMetrics;
import io.newsflow.publish.health.PublisherMetrics;
import io.newsflow.schemas.service.MeterSpec;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's table of metrics is generated from the services' {@link MeterSpec} declarations, and every meter of the
 * project is registered through one: so the table names every {@code newsflow_*} metric a service exposes.
 * {@code -Dnewsflow.readme.write=true} rewrites the table after a declaration changed.
 */
class MetricsTableTest {
    static final String BEGIN = "<!-- metrics: generated from the MeterSpec declarations (MetricsTableTest) -->";
    static final String END = "<!-- /metrics -->";
    /** Each service's catalog. */
    static final Map<String, Class<?>> CATALOGS = new LinkedHashMap<>();

    static {
        CATALOGS.put("ingest", IngestMetrics.class);
        CATALOGS.put("enrich", EnrichMetrics.class);
        CATALOGS.put("publish", PublisherMetrics.class);
        CATALOGS.put("frontpage", FrontPageMetrics.class);
    }

    @Test
    void theReadmeTableIsTheOneTheDeclarationsGive() throws IOException {
        Map<String, List<MeterSpec>> byService = new LinkedHashMap<>();
        CATALOGS.forEach((service, catalog) -> byService.put(service, all(catalog)));
        String expected = MeterSpec.markdownTable(byService);
        Path readme = root().resolve("README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README has the metrics table between %s and %s", BEGIN, END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String actual = text.substring(begin + BEGIN.length() + 1, end);
        if (Boolean.getBoolean("newsflow.readme.write") && !actual.equals(expected)) {
            Files.writeString(readme, text.substring(0, begin + BEGIN.length() + 1) + expected + text.substring(end));
            actual = expected;
        }
        assertThat(actual).as("README's table of metrics (rerun with -Dnewsflow.readme.write=true to regenerate)")
                .isEqualTo(expected);
    }

    @Test
    void everyDeclarationIsInItsServicesCatalog() throws IllegalAccessException {
        for (Class<?> catalog : CATALOGS.values()) {
            List<MeterSpec> declared = new ArrayList<>();
            for (Field f : catalog.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == MeterSpec.class) {
                    declared.add((MeterSpec) f.get(null));
                }
            }
            assertThat(all(catalog)).as("%s.ALL", catalog.getSimpleName()).containsExactlyInAnyOrderElementsOf(declared);
        }
    }

    @Test
    void noMeterIsRegisteredAroundTheDeclarations() throws IOException {
        // a builder or a registry shortcut with a name of its own would expose a metric the table does not name
        Pattern bypass = Pattern.compile("(Counter|Timer|Gauge|DistributionSummary|FunctionCounter|LongTaskTimer)\\.builder\\("
                + "|Metrics\\.(counter|timer|gauge|summary)\\(|(?<!MeterSpec)\\.(counter|timer|gauge|summary)\\(\"newsflow");
        List<String> found = new ArrayList<>();
        for (String module : List.of("schemas", "ingest", "enrich", "publish", "frontpage")) {
            try (Stream<Path> files = Files.walk(root().resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (f.getFileName().toString().equals("MeterSpec.java")) continue;
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (bypass.matcher(lines.get(i)).find()) found.add(root().relativize(f) + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(found).as("meters registered without a MeterSpec").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<MeterSpec> all(Class<?> catalog) {
        try {
            return (List<MeterSpec>) catalog.getField("ALL").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(catalog.getSimpleName() + " has no public static ALL", e);
        }
    }

    private static Path root() {
        String dir = System.getProperty("newsflow.project.dir");
        return dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent();
    }
}
