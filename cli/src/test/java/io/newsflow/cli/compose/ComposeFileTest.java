package io.newsflow.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.frontpage.http.FrontPageServer;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.publish.config.PublisherConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no Docker engine), so it is kept correct by these checks. */
class ComposeFileTest {
    private static final Set<String> NEWSFLOW_SERVICES = Set.of("ingest", "enrich", "publish", "frontpage");
    /** Variables the entrypoint or the JVM use without turning them into config keys. */
    private static final Set<String> PASSED_THROUGH = Set.of("JAVA_OPTS", "NEWSFLOW_LOG_LEVEL");

    private final ComposeProject project;

    ComposeFileTest() throws Exception {
        project = new ComposeProject();
    }

    @Test
    void hasTheBrokerTheRegistryAndTheThreeServices() {
        assertThat(project.services().keySet())
                .containsExactlyInAnyOrder("kafka", "schema-registry", "topics", "ingest", "enrich", "publish", "frontpage");
        assertThat(String.valueOf(project.service("schema-registry").get("image")))
                .startsWith("confluentinc/cp-schema-registry:");
        assertThat(String.valueOf(project.service("kafka").get("image")))
                .as("the broker image runs the Kafka version the project is built against")
                .isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @Test
    void kafkaIsASingleKraftNodeWithTheSettingsTransactionsNeedAndDataOnAVolume() {
        Map<String, String> env = project.environment("kafka");
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).startsWith(env.get("KAFKA_NODE_ID") + "@");
        List<?> volumes = (List<?>) project.service("kafka").get("volumes");
        assertThat(volumes).anySatisfy(v -> assertThat(String.valueOf(v)).endsWith(":" + env.get("KAFKA_LOG_DIRS")));
        String volumeName = String.valueOf(volumes.get(0)).split(":")[0];
        assertThat(ComposeProject.map(project.compose.get("volumes"))).containsKey(volumeName);
    }

    @Test
    void everyServiceHasAHealthcheckAndWaitsForHealthyDependencies() {
        project.services().forEach((name, value) -> {
            Map<String, Object> service = ComposeProject.map(value);
            if (name.equals("topics")) return; // a one-shot, checked below
            Map<String, Object> healthcheck = ComposeProject.map(service.get("healthcheck"));
            assertThat((List<?>) healthcheck.get("test")).as(name + " healthcheck").isNotEmpty();
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                assertThat(name).as("only the broker starts without dependencies").isEqualTo("kafka");
                return;
            }
            ComposeProject.map(dependsOn).forEach((dependency, condition) -> {
                assertThat(project.services()).as(name + " depends on a service that exists").containsKey(dependency);
                assertThat(ComposeProject.map(condition)).as(name + " waits for " + dependency)
                        .containsEntry("condition", dependency.equals("topics") ? "service_completed_successfully"
                                : "service_healthy");
            });
        });
        for (String service : NEWSFLOW_SERVICES) {
            assertThat(ComposeProject.map(project.service(service).get("depends_on")))
                    .containsKeys("kafka", "schema-registry", "topics");
        }
    }

    @Test
    void topicsIsAOneShotThatCreatesTheContractsTopicsWithTheServicesSettings() throws Exception {
        Map<String, Object> topics = project.service("topics");
        assertThat(String.valueOf(topics.get("command"))).isEqualTo(List.of("topics", "create").toString());
        assertThat(String.valueOf(topics.get("restart"))).isEqualTo("no");
        assertThat(ComposeProject.map(ComposeProject.map(topics.get("depends_on")).get("kafka")))
                .containsEntry("condition", "service_healthy");
        assertThat(project.entrypointCommand("topics", project.environment("topics"), "create"))
                .endsWith("/app/newsflow-cli.jar", "topics", "create");
        // the contract the one-shot creates is the one every service reads
        TopicContract created = TopicContract.fromProperties(project.serviceProperties("topics"));
        for (String service : NEWSFLOW_SERVICES) {
            assertThat(TopicContract.fromProperties(project.serviceProperties(service))).as(service + "'s topic contract")
                    .usingRecursiveComparison().isEqualTo(created);
            assertThat(project.serviceProperties(service).getProperty("bootstrap.servers")).as(service)
                    .isEqualTo(project.serviceProperties("topics").getProperty("bootstrap.servers"));
        }
    }

    @Test
    void theServicesAreBuiltFromThisRepositoryAndRunTheirCommand() {
        for (String name : NEWSFLOW_SERVICES) {
            Map<String, Object> service = project.service(name);
            assertThat(String.valueOf(service.get("build"))).isEqualTo(".");
            assertThat(String.valueOf(service.get("command"))).isEqualTo(List.of(name).toString());
        }
        assertThat(project.root.resolve("Dockerfile")).exists();
        assertThat(project.root.resolve("docker/entrypoint.sh")).isExecutable();
    }

    @Test
    void servicesReachTheBrokerAndTheRegistryOnTheirAdvertisedAddresses() throws Exception {
        Map<String, String> kafka = project.environment("kafka");
        Map<String, String> registry = project.environment("schema-registry");
        int registryPort = URI.create(registry.get("SCHEMA_REGISTRY_LISTENERS")).getPort();
        for (String name : NEWSFLOW_SERVICES) {
            Properties config = project.serviceProperties(name);
            String bootstrap = config.getProperty("bootstrap.servers");
            assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).as(name + " bootstrap.servers")
                    .contains("://" + bootstrap);
            URI registryUrl = URI.create(config.getProperty("schema.registry.url"));
            assertThat(registryUrl.getHost()).as(name + " registry host").isEqualTo("schema-registry");
            assertThat(registryUrl.getPort()).as(name + " registry port").isEqualTo(registryPort);
        }
    }

    @Test
    void everyVariableAServiceGetsBecomesAKeyItsConfigurationReads() throws Exception {
        Map<String, Function<Properties, Object>> readers = Map.of(
                "publish", PublisherConfig::fromProperties,
                "enrich", EnrichConfig::fromProperties,
                "ingest", p -> IngestConfig.from(p, Map.of()),
                "frontpage", p -> FrontPageServer.Builder.fromProperties(p),
                "topics", p -> Map.of("contract", TopicContract.fromProperties(p), "client",
                    io.newsflow.schemas.config.ServiceProperties.kafkaClient(p)));
        for (String name : project.services().keySet()) {
            if (!readers.containsKey(name)) continue;
            Map<String, String> env = project.environment(name);
            for (String variable : env.keySet()) {
                if (!PASSED_THROUGH.contains(variable) && !variable.startsWith("NEWSFLOW_CONFIG_")
                        && !variable.equals("KAFKA_BOOTSTRAP_SERVERS") && !variable.equals("SCHEMA_REGISTRY_URL")) {
                    fail(name + " gets " + variable + ", which the service's config loader does not read");
                }
            }
            Properties all = project.serviceProperties(name);
            for (String key : all.stringPropertyNames()) {
                Function<Properties, Object> reader = readers.get(name);
                Properties one = new Properties();
                one.setProperty(key, all.getProperty(key));
                assertThat(reader.apply(one)).as(name + " reads " + key + " (setting it changes the configuration)")
                        .usingRecursiveComparison().ignoringFields("clock", "meterRegistry")
                        .isNotEqualTo(reader.apply(new Properties()));
            }
        }
    }

    @Test
    void theEntrypointRunsTheServiceWhichReadsTheEnvironmentItself() throws Exception {
        assertThat(project.entrypointCommand("enrich", Map.of("JAVA_OPTS", "-Xmx1g")))
                .containsExactly("java", "-Xmx1g", "-jar", "/app/newsflow-cli.jar", "enrich");
        assertThat(project.entrypointCommand("publish", Map.of("NEWSFLOW_CONFIG_FILE", "/etc/newsflow/publish.properties")))
                .containsExactly("java", "-jar", "/app/newsflow-cli.jar", "publish", "--config",
                        "/etc/newsflow/publish.properties");
    }

    @Test
    void healthchecksProbeThePortsTheServicesListenOn() throws Exception {
        int enrichPort = EnrichConfig.fromProperties(project.serviceProperties("enrich")).httpPort();
        int publishPort = PublisherConfig.fromProperties(project.serviceProperties("publish")).healthPort();
        assertThat(healthcheckUrl("enrich")).isEqualTo(URI.create("http://localhost:" + enrichPort + "/health"));
        assertThat(healthcheckUrl("publish")).isEqualTo(URI.create("http://localhost:" + publishPort + "/health"));
        int ingestPort = IngestConfig.from(project.serviceProperties("ingest"), Map.of()).port();
        assertThat(healthcheckUrl("ingest")).isEqualTo(URI.create("http://localhost:" + ingestPort + "/health"));
        int pagePort = FrontPageServer.Builder.fromProperties(project.serviceProperties("frontpage")).httpPort();
        assertThat(healthcheckUrl("frontpage")).isEqualTo(URI.create("http://localhost:" + pagePort + "/health"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusUnderAProfileScrapesEveryServiceWhereItsHealthcheckProbesAndLoadsTheAlertRules() throws Exception {
        Map<String, Object> prometheus = project.service("prometheus");
        assertThat((List<Object>) prometheus.get("profiles")).containsExactly("monitoring");
        assertThat(project.services()).as("not started by a plain `docker compose up`").doesNotContainKey("prometheus");
        assertThat((List<Object>) prometheus.get("volumes")).contains("./docker/prometheus:/etc/prometheus:ro");
        assertThat(String.valueOf(prometheus.get("ports"))).contains("127.0.0.1:9090:9090");
        Map<String, Object> config = new org.yaml.snakeyaml.Yaml().load(
                java.nio.file.Files.readString(project.root.resolve("docker/prometheus/prometheus.yml")));
        assertThat((List<Object>) config.get("rule_files")).containsExactly("alerts.yml");
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).get(0);
        assertThat(job).containsEntry("job_name", "newsflow").containsEntry("metrics_path", "/metrics");
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
        List<String> expected = new java.util.ArrayList<>();
        for (String name : NEWSFLOW_SERVICES) expected.add(name + ":" + healthcheckUrl(name).getPort());
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ComposeProject.map(prometheus.get("depends_on"))).containsOnlyKeys(NEWSFLOW_SERVICES);
    }

    @Test
    void everyPortIsPublishedOnLoopbackOnlyAndIngestHasAFeedOfItsOwn() {
        project.services().forEach((name, service) -> {
            Object ports = ((Map<?, ?>) service).get("ports");
            if (ports == null) return;
            for (Object port : (List<?>) ports) {
                assertThat(String.valueOf(port)).as("%s publishes %s", name, port).startsWith("127.0.0.1:");
            }
        });
        // ingest refuses to start without a feed: the stack names its one feed, whose key the user sets
        assertThat(project.serviceProperties("ingest").getProperty("ingest.feed.demo.key"))
                .isEqualTo("${NEWSFLOW_DEMO_FEED_KEY:-demo}");
        io.newsflow.ingest.http.IngestService.requireFeeds(IngestConfig.from(project.serviceProperties("ingest"), Map.of()));
    }

    @Test
    void variableNamesMapToKeysLikeTheKafkaImages() {
        Properties p = io.newsflow.schemas.config.ServiceProperties.load(null, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092",
                "NEWSFLOW_CONFIG_ENRICH_STORY_BODY___CHARS", "300",
                "NEWSFLOW_CONFIG_CONSUMER_SOME__UNDERSCORED_KEY", "x",
                "NEWSFLOW_CONFIG_WINDOWS_PATH", "C:\\state",
                "UNRELATED", "ignored"));
        assertThat(p).containsOnly(
                Map.entry("bootstrap.servers", "broker-1:9092,broker-2:9092"),
                Map.entry("enrich.story.body-chars", "300"),
                Map.entry("consumer.some_underscored.key", "x"),
                Map.entry("windows.path", "C:\\state"));
    }

    private URI healthcheckUrl(String service) {
        List<?> test = (List<?>) ComposeProject.map(project.service(service).get("healthcheck")).get("test");
        return test.stream().map(String::valueOf).filter(arg -> arg.startsWith("http://")).findFirst()
                .map(URI::create).orElseThrow(() -> new AssertionError(service + " healthcheck has no URL: " + test));
    }
}
