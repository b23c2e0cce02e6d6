package io.newsflow.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.cli.config.ConfigReference;
import io.newsflow.cli.config.ConfigReference.Key;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.frontpage.http.FrontPageServer;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.config.ServiceProperties;
import io.newsflow.schemas.topics.TopicContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker/README.md's table of variables is the code's: generated from ConfigReference, checked against the parsers. */
class DockerReadmeTest {
    private static final String BEGIN = "<!-- config-keys:begin -->\n";
    private static final String END = "<!-- config-keys:end -->";
    private static final Map<String, Function<Properties, Object>> PARSERS = Map.of(
            "ingest", p -> IngestConfig.from(p, Map.of()),
            "enrich", EnrichConfig::fromProperties,
            "publish", PublisherConfig::fromProperties,
            "frontpage", FrontPageServer.Builder::fromProperties,
            "topics", p -> Map.of("contract", TopicContract.fromProperties(p), "client",
                    io.newsflow.schemas.config.ServiceProperties.kafkaClient(p)));
    /** Where the services read their keys. */
    private static final Map<String, String> CONFIG_SOURCES = Map.of(
            "ingest", "ingest/src/main/java/io/newsflow/ingest/http/IngestConfig.java",
            "enrich", "enrich/src/main/java/io/newsflow/enrich/EnrichConfig.java",
            "publish", "publish/src/main/java/io/newsflow/publish/config/PublisherConfig.java",
            "frontpage", "frontpage/src/main/java/io/newsflow/frontpage/http/FrontPageServer.java",
            "topics", "schemas/src/main/java/io/newsflow/schemas/topics/TopicContract.java");
    private static final Pattern READ = Pattern.compile(
            "(?:getProperty|getOrDefault|intOf|longOf|doubleOf|durationOf)\\(\\w+, ?\"([a-z][a-z0-9.-]+)\"|"
                    + "static final String [A-Z_]+ = \"(topics\\.[a-z0-9.-]+)\"");

    private final Path root = ProjectRoot.path();

    @Test
    void theReadmeTableIsTheOneTheCodeGenerates() throws Exception {
        Path readme = root.resolve("docker/README.md");
        String text = Files.readString(readme);
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        assertThat(from).as("markers in %s", readme).isNotNegative();
        String generated = ConfigReference.markdownTable();
        if (Boolean.getBoolean("newsflow.readme.write")) {
            Files.writeString(readme, text.substring(0, from + BEGIN.length()) + generated + text.substring(to));
            text = Files.readString(readme);
            from = text.indexOf(BEGIN);
            to = text.indexOf(END);
        }
        assertThat(text.substring(from + BEGIN.length(), to))
                .as("docker/README.md's table; regenerate it with mvn -pl cli test -Dtest=DockerReadmeTest "
                        + "-Dnewsflow.readme.write=true")
                .isEqualTo(generated);
    }

    @Test
    void everyKeyInTheTableChangesTheConfigurationOfEachServiceItNames() {
        for (Key k : ConfigReference.keys()) {
            for (String service : k.services()) {
                Function<Properties, Object> parser = PARSERS.get(service);
                assertThat(parser).as("service %s of %s", service, k.key()).isNotNull();
                Properties one = new Properties();
                one.setProperty(k.example(), k.sample());
                assertThat(parser.apply(one)).as("%s reads %s (setting it to '%s' changes its configuration)", service,
                                k.example(), k.sample())
                        .usingRecursiveComparison().ignoringFields("clock", "meterRegistry")
                        .isNotEqualTo(parser.apply(new Properties()));
            }
        }
    }

    @Test
    void everyKeyTheConfigClassesReadIsInTheTable() throws Exception {
        Set<String> listed = new TreeSet<>();
        ConfigReference.keys().forEach(k -> listed.add(k.key()));
        Set<String> missing = new TreeSet<>();
        CONFIG_SOURCES.forEach((service, source) -> {
            try {
                Matcher m = READ.matcher(Files.readString(root.resolve(source)));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!key.endsWith(".") && !listed.contains(key)) missing.add(service + ": " + key);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(missing).as("keys read in the code but not in ConfigReference").isEmpty();
    }

    @Test
    void variableNamesFollowTheRuleTheLoaderApplies() {
        for (Key k : ConfigReference.keys()) {
            if (k.key().contains("<") || k.key().contains("*")) continue;
            Map<String, String> keys = ServiceProperties.fromEnvironment(Map.of(k.variable(), "v"));
            assertThat(keys).as("%s sets %s", k.variable(), k.key()).containsOnlyKeys(k.key());
        }
    }
}
