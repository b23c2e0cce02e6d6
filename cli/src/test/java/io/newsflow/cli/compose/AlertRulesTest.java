package io.newsflow.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules shipped in docker/prometheus are valid ({@code promtool check rules}) and behave as their tests say
 * ({@code promtool test rules}), and every alert has a test in which it fires.
 *
 * <p>Needs promtool (Debian's prometheus package; .ci/run installs it). Without it the test is skipped, saying so,
 * unless {@code -Dnewsflow.promtool.required=true} (set by .ci/run), where it fails.
 */
class AlertRulesTest {
    private static final Path PROMTOOL = Path.of(System.getProperty("newsflow.promtool", "/usr/bin/promtool"));
    private final Path dir = ProjectRoot.path().resolve("docker/prometheus");

    @BeforeAll
    static void promtool() {
        String missing = "no " + PROMTOOL + " to check the alert rules with (apt-get install prometheus)";
        if (!Files.isExecutable(PROMTOOL) && Boolean.getBoolean("newsflow.promtool.required")) {
            throw new IllegalStateException(missing + "; newsflow.promtool.required is set, so this fails");
        }
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL), missing);
    }

    @Test
    void theRulesAreValid() throws Exception {
        Result r = promtool("check", "rules", "alerts.yml");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS: " + alerts().size() + " rules found");
    }

    @Test
    void theComposeStacksPrometheusConfigIsValidAndLoadsTheRules() throws Exception {
        Result r = promtool("check", "config", "prometheus.yml");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS: 1 rule files found", "is valid prometheus config file syntax");
    }

    @Test
    void theRulesPassTheirTests() throws Exception {
        Result r = promtool("test", "rules", "alerts-test.yml");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresInATest() throws IOException {
        Set<String> firing = new TreeSet<>();
        Map<String, Object> tests = yaml("alerts-test.yml");
        for (Map<String, Object> test : list(tests.get("tests"))) {
            for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
                if (!list(check.get("exp_alerts")).isEmpty()) firing.add((String) check.get("alertname"));
            }
        }
        assertThat(firing).isEqualTo(new TreeSet<>(alerts()));
        assertThat(alerts()).contains("NewsflowServiceDown", "NewsflowLagGrowing", "NewsflowDeadLetters",
                "NewsflowSourceQuietOrFailing", "NewsflowTransactionAborts");
    }

    @Test
    void aTestThatExpectsTheWrongAlertFails() throws Exception {
        // the tests can fail: the same file with one expectation changed does
        String wrong = Files.readString(dir.resolve("alerts-test.yml"), StandardCharsets.UTF_8)
                .replace("summary: \"source afp-rss became failing\"", "summary: \"source afp-rss became ok\"");
        Path copy = Files.createTempDirectory("alerts");
        Files.copy(dir.resolve("alerts.yml"), copy.resolve("alerts.yml"));
        Files.writeString(copy.resolve("alerts-test.yml"), wrong);
        Result r = run(copy, PROMTOOL.toString(), "test", "rules", "alerts-test.yml");
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("FAILED");
    }

    private List<String> alerts() throws IOException {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> group : list(yaml("alerts.yml").get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) names.add((String) rule.get("alert"));
        }
        return names;
    }

    private Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private record Result(int exit, String output) {}

    private Result promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        return run(dir, command.toArray(String[]::new));
    }

    private static Result run(Path workDir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool ends").isTrue();
        return new Result(p.exitValue(), out);
    }
}
