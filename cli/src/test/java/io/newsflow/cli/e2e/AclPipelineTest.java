package io.newsflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.cli.Main;
import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.cli.e2e.WireItems.Item;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.app.EnrichService;
import io.newsflow.enrich.app.StandardCountryTagging;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.ingest.http.IngestService;
import io.newsflow.publish.PublisherService;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.stack.LocalKafkaBroker;
import io.newsflow.stack.Ports;
import io.newsflow.stack.TlsFiles;
import io.newsflow.testkit.TestSchemaRegistry;
import io.newsflow.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a secured broker: SASL_SSL with SCRAM-SHA-512 (certificates made by the test), Kafka's
 * StandardAuthorizer with {@code allow.everyone.if.no.acl.found=false}, each service its own principal holding exactly
 * the ACLs of {@link ServiceAcls} (the README's table), an operator creating the topics.
 */
class AclPipelineTest {
    private static final String OPERATOR = "operator";
    private static final Map<String, String> USERS = Map.of(OPERATOR, "operator-secret", "ingest", "ingest-secret",
            "enrich", "enrich-secret", "publish", "publish-secret", "frontpage", "frontpage-secret",
            "publish-partial", "partial-secret");
    private static final String FEED_KEY = "acl-feed-key";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LocalKafkaBroker broker;
    private static TlsFiles tls;
    private static Path dir;

    @BeforeAll
    static void securedCluster() throws Exception {
        dir = Files.createDirectories(Path.of("target", "acls", Long.toString(System.nanoTime()))).toAbsolutePath();
        tls = TlsFiles.selfSigned(dir.resolve("tls"), "tls-secret-" + System.nanoTime());
        java.util.LinkedHashMap<String, String> users = new java.util.LinkedHashMap<>();
        users.put(OPERATOR, USERS.get(OPERATOR)); // first: the broker's own user, a super user
        USERS.forEach(users::putIfAbsent);
        broker = LocalKafkaBroker.builder().workDir(dir.resolve("kafka")).scramUsers(users).tls(tls).acls().start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) broker.close();
    }

    @Test
    void anArticleGoesThroughEveryServiceEachWithOnlyItsOwnAcls() throws Exception {
        Path topicsFile = write("topics.properties", client(OPERATOR));
        assertThat(Main.run("topics", "create", "--config", topicsFile.toString())).isZero();
        grant(ServiceAcls.all());

        Properties enrich = client("enrich");
        enrich.setProperty("enrich.state.dir", Files.createDirectories(dir.resolve("enrich-state")).toString());
        enrich.setProperty("enrich.http.port", Integer.toString(Ports.freePort()));
        Properties publish = client("publish");
        publish.setProperty("publish.health.port", "-1");
        Properties ingest = client("ingest");
        ingest.setProperty("ingest.http.port", "0");
        ingest.setProperty("ingest.feed.acl.key", FEED_KEY);
        Path enrichFile = write("enrich.properties", enrich);
        Path publishFile = write("publish.properties", publish);
        Path ingestFile = write("ingest.properties", ingest);
        Properties page = client("frontpage");
        page.setProperty("frontpage.http.port", "0");
        Path pageFile = write("frontpage.properties", page);

        WireItems wire = new WireItems("acls", Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)));
        List<Item> items = List.of(wire.article(0), wire.article(1), wire.article(2));
        try (EnrichService e = EnrichService.start(ServiceConfigFile.load("enrich", enrichFile, EnrichConfig::fromProperties),
                     new StandardCountryTagging());
             PublisherService p = new PublisherService(ServiceConfigFile.load("publish", publishFile,
                     PublisherConfig::fromProperties)).start();
             IngestService i = IngestService.start(ServiceConfigFile.load("ingest", ingestFile,
                     props -> IngestConfig.from(props, Map.of())));
             io.newsflow.frontpage.http.FrontPageServer front = ServiceConfigFile.load("frontpage", pageFile,
                     props -> io.newsflow.frontpage.http.FrontPageServer.Builder.fromProperties(props).build()).start()) {
            HttpResponse<String> accepted = WireItems.post(i.port(), FEED_KEY, WireItems.batch(items));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            List<ConsumerRecord<String, byte[]>> out = TopicReader.awaitRecords(client(OPERATOR), "news.articles.json",
                    items.size(), Duration.ofSeconds(120), new StringDeserializer(), new ByteArrayDeserializer());
            assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(items.stream().map(Item::id).toList());
            assertThat(p.failure()).isNull();
            // the front page, reading as its own principal, shows them
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String shown = HTTP.send(HttpRequest.newBuilder(URI.create(front.url() + "/api/front")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (Item item : items) assertThat(shown).contains(item.id());
            });
        }
    }

    @Test
    void aServiceMissingOneAclStopsAtStartWithOneLineNamingIt() throws Exception {
        assertThat(Main.run("topics", "create", "--config", write("topics-2.properties", client(OPERATOR)).toString())).isZero();
        // publish's ACLs but WRITE on news.articles, for another principal
        List<org.apache.kafka.common.acl.AclBinding> partial = ServiceAcls.publish().stream()
                .filter(b -> !(b.pattern().name().equals("news.articles")
                        && b.entry().operation() == org.apache.kafka.common.acl.AclOperation.WRITE))
                .map(b -> new org.apache.kafka.common.acl.AclBinding(b.pattern(), new org.apache.kafka.common.acl.AccessControlEntry(
                        "User:publish-partial", "*", b.entry().operation(), b.entry().permissionType())))
                .toList();
        grant(partial);
        Properties publish = client("publish-partial");
        publish.setProperty("publish.health.port", "-1");
        publish.setProperty("publish.group.id", "newsflow-publish");
        Path file = write("publish-partial.properties", publish);
        long began = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PublisherService(ServiceConfigFile.load("publish", file,
                        PublisherConfig::fromProperties)).start())
                .isInstanceOf(io.newsflow.schemas.config.AccessCheck.AccessException.class)
                .hasMessage("publish: the service's principal lacks ACLs at Kafka: WRITE on topic news.articles "
                        + "(grant them as the README's ACL table says)");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
    }

    /**
     * Creates the ACLs and waits until the broker enforces them: the controller commits them before the broker's
     * authorizer has applied them, and a service started in between is refused what it was granted.
     */
    private static void grant(List<org.apache.kafka.common.acl.AclBinding> acls) throws Exception {
        try (Admin admin = Admin.create(client(OPERATOR))) {
            admin.createAcls(acls).all().get();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values().get()
                            .containsAll(acls));
        }
    }

    /** A service's client settings: the broker, its own SCRAM credentials over TLS, the registry. */
    static Properties client(String user) {
        Properties p = LocalKafkaBroker.scramClient(user, USERS.get(user), tls);
        p.setProperty("bootstrap.servers", broker.bootstrapServers());
        p.setProperty("schema.registry.url", TestSchemaRegistry.url());
        return p;
    }

    private static Path write(String name, Properties p) {
        return ServiceConfigFile.write(dir.resolve(name), p, "acl pipeline test");
    }
}
