package io.newsflow.cli.config;

import io.newsflow.enrich.EnrichSettings;
import io.newsflow.frontpage.FrontPageSettings;
import io.newsflow.ingest.http.IngestConfig;
import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.ServiceProperties;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.topics.TopicContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every key a newsflow service reads, the service that reads it, its default and what it does: the source of
 * docker/README.md's table of variables (a test regenerates the table and checks each key against the config
 * classes that read it).
 */
public final class ConfigReference {
    public static final Set<String> SERVICES = Set.of("ingest", "enrich", "publish", "frontpage", "topics");
    private static final Set<String> ALL = SERVICES;
    private static final Set<String> KAFKA_USERS = ALL;
    private static final Set<String> REGISTRY_USERS = Set.of("ingest", "enrich", "publish", "frontpage");

    /**
     * One key. {@code sample} is a valid value other than the default (the test sets it and expects the service's
     * configuration to change); a key with {@code <name>} in it stands for a family.
     */
    public record Key(String key, Set<String> services, String defaultValue, String meaning, String sample) {
        public String variable() {
            return key.equals("bootstrap.servers") ? ServiceProperties.ENV_BOOTSTRAP
                    : key.equals("schema.registry.url") ? ServiceProperties.ENV_REGISTRY
                    : key.contains("<name>") ? ServiceProperties.envOf(key.replace("<name>", "x")).replace("_X_", "_<NAME>_")
                    : key.endsWith("*") ? ServiceProperties.envOf(key.replace("*", "x")).replaceAll("_X$", "_<KEY>")
                    : ServiceProperties.envOf(key);
        }

        /** The key with a family's placeholder filled in, for the test. */
        public String example() {
            return key.replace("<name>", "wire").replace("*", "linger.ms");
        }
    }

    /** Keys declared as {@link Setting}s: name, default, meaning and example come from the declaration. */
    private static List<Key> declared(Set<String> services, List<Setting<?>> settings) {
        return settings.stream().map(s -> new Key(s.key(), services, s.defaultText(),
                s.allowed() == null || s.type().equals("boolean") ? s.description() : s.description() + " (" + s.allowed() + ")",
                s.example())).toList();
    }

    private static Key key(String key, Set<String> services, String dflt, String meaning, String sample) {
        return new Key(key, services, dflt, meaning, sample);
    }

    public static List<Key> keys() {
        Set<String> ingest = Set.of("ingest");
        Set<String> enrich = Set.of("enrich");
        Set<String> publish = Set.of("publish");
        Set<String> front = Set.of("frontpage");
        Set<String> creators = Set.of("enrich", "publish", "topics");
        List<Key> keys = new ArrayList<>();
        keys.addAll(declared(KAFKA_USERS, List.of(CommonSettings.BOOTSTRAP_SERVERS)));
        keys.addAll(declared(REGISTRY_USERS, List.of(CommonSettings.SCHEMA_REGISTRY_URL)));
        keys.addAll(declared(Set.of("enrich", "publish", "topics"), TopicContract.SETTINGS));
        keys.addAll(List.of(
                key("security.protocol", KAFKA_USERS, "PLAINTEXT",
                        "and every other key producer, consumer and admin all know (sasl.*, ssl.*, client.dns.lookup): "
                                + "every Kafka client of the service gets it", "SASL_SSL"),
                key("basic.auth.credentials.source", REGISTRY_USERS, "URL", "USER_INFO to send basic.auth.user.info",
                        "USER_INFO"),
                key("basic.auth.user.info", REGISTRY_USERS, "", "user:password for the schema registry", "u:p"),
                key("schema.registry.retry.max.ms", REGISTRY_USERS, "10000",
                        "how long registry calls retry 5xx, 429 and refused connections", "2000"),

                key("topics.name.raw", Set.of("ingest", "enrich", "topics"), "news.articles.raw", "ingest's output", "raw"),
                key("topics.name.enriched", Set.of("enrich", "publish", "topics"), "news.articles.enriched", "enrich's output", "enriched"),
                key("topics.name.articles", Set.of("publish", "frontpage", "topics"), "news.articles", "finished articles, Avro", "articles"),
                key("topics.name.articles.json", Set.of("publish", "topics"), "news.articles.json", "finished articles, JSON", "articles-json"),
                key("topics.name.latest", Set.of("publish", "topics"), "news.articles.latest", "newest version per article, compacted",
                        "latest"),
                key("topics.name.trending", Set.of("enrich", "frontpage", "topics"), "news.trending", "ranked lists per region, compacted", "trending"),
                key("topics.name.deadletter", Set.of("ingest", "enrich", "publish", "topics"), "news.deadletter", "what no stage could use", "dead"),
                key("topics.name.engagement", Set.of("enrich", "topics"), "news.engagement", "engagement events read by trending",
                        "engagement"),
                key("topics.name.sources", Set.of("ingest", "topics"), "news.sources", "changes of state of sources (Avro)", "sources"),
                key("topics.name.sources.state", Set.of("ingest", "topics"), "news.sources.state",
                        "polling state of pulled sources, compacted", "state"),
                key("topics.name.country.prefix", Set.of("publish", "topics"), "news.articles.country.", "prefix of the country topics",
                        "country."),

                key("ingest.feed.<name>.key", ingest, "(none: ingest refuses to start without a feed)", "bearer key of feed <name>", "secret"),
                key("ingest.feed.<name>.ninjs.version", ingest, "(declared or guessed per item)", "ninjs schema version feed <name> sends (1.0 ... 3.1)", "3.0"),
                key("ingest.pull.<name>.url", ingest, "(none)", "a feed ingest polls (http or https)", "https://example.com/f.rss"),
                key("ingest.pull.<name>.format", ingest, "auto", "its format", "rss"),
                key("ingest.pull.<name>.interval", ingest, "PT5M", "how often (at least PT10S; the feed's hints lengthen it)", "PT2M"),
                key("ingest.pull.<name>.feed", ingest, "<name>", "the feed its items count under", "wire"),
                key("ingest.pull.<name>.full-text", ingest, "false", "fetch each item's article page for its body", "true"),
                key("ingest.pull.<name>.full-text-hosts", ingest, "", "hosts article pages may come from (example.com, .example.com); any public host when empty", "example.com"),
                key("ingest.pull.<name>.ports", ingest, "", "ports links and redirects may use besides 80 and 443", "8443"),
                key("ingest.pull.host.min-gap", ingest, "PT1S", "least time between two requests to one host", "PT5S"),
                key("ingest.pull.host.timeout", ingest, "PT10S", "how long one fetch may take, redirects and body included", "PT30S"),
                key("ingest.pull.host.max-redirects", ingest, "5", "redirects followed per request", "2"),
                key("ingest.sources.quiet.factor", ingest, "4", "a source silent this many times its usual gap is quiet", "6"),
                key("ingest.sources.quiet.min-gap", ingest, "PT2M", "a source is never quiet sooner than this", "PT10M"),
                key("ingest.sources.failing.after", ingest, "3", "pulls failed in a row before a source is failing", "5"),
                key("ingest.sources.disable.after", ingest, "10", "pulls failed in a row before it is only probed", "20"),
                key("producer.*", Set.of("ingest", "enrich", "publish"), "", "a setting of the service's producer only", "20"),

                key("consumer.*", Set.of("enrich", "publish", "frontpage"), "", "a setting of the service's consumer only", "20")));
        keys.addAll(declared(ingest, IngestConfig.SETTINGS));
        keys.addAll(declared(enrich, EnrichSettings.SETTINGS));
        keys.addAll(declared(publish, PublisherConfig.SETTINGS));
        keys.addAll(declared(front, FrontPageSettings.SETTINGS));
        return keys;
    }

    /** The markdown table docker/README.md carries between its markers. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| variable | key | read by | default | what it does |\n|---|---|---|---|---|\n");
        for (Key k : keys()) {
            String services = k.services().equals(ALL) ? "all" : k.services().stream().sorted()
                    .collect(Collectors.joining(", "));
            out.append("| `").append(k.variable()).append("` | `").append(k.key()).append("` | ").append(services)
                    .append(" | ").append(k.defaultValue().isEmpty() ? "" : "`" + k.defaultValue() + "`").append(" | ")
                    .append(k.meaning()).append(" |\n");
        }
        return out.toString();
    }
}
