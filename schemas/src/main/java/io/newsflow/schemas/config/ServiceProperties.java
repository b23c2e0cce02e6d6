package io.newsflow.schemas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one way every service reads its settings: a Java properties file, then environment variables over it.
 *
 * <p>The environment rule (that of the Kafka and Confluent images): {@code NEWSFLOW_CONFIG_<NAME>=value} sets the key
 * {@code <name>}, NAME lower-cased with {@code _} read as {@code .}, {@code __} as {@code _} and {@code ___} as
 * {@code -}; e.g. {@code NEWSFLOW_CONFIG_SASL_JAAS_CONFIG} sets {@code sasl.jaas.config}. Two shortcuts:
 * {@code KAFKA_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}, {@code SCHEMA_REGISTRY_URL} sets
 * {@code schema.registry.url}.
 *
 * <p>Of the result, {@link #kafkaClient} gives the keys every Kafka client of the service gets (security, DNS,
 * timeouts: whatever is a common client key) and {@link #serde} those the Avro serdes and registry client get.
 */
public final class ServiceProperties {
    public static final String ENV_PREFIX = "NEWSFLOW_CONFIG_";
    public static final String ENV_BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_REGISTRY = "SCHEMA_REGISTRY_URL";

    private ServiceProperties() {}

    /** The file's properties (none when {@code file} is null) with the environment's over them. */
    public static Properties load(Path file, Map<String, String> env) {
        Properties p = new Properties();
        if (file != null) {
            if (!Files.isReadable(file)) throw new IllegalArgumentException("cannot read config file " + file);
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        fromEnvironment(env).forEach(p::setProperty);
        return p;
    }

    /** The keys the environment sets, by the rule above, sorted. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.equals(ENV_BOOTSTRAP)) out.put("bootstrap.servers", value);
            else if (name.equals(ENV_REGISTRY)) out.put("schema.registry.url", value);
            else if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                out.put(keyOf(name.substring(ENV_PREFIX.length())), value);
            }
        });
        return out;
    }

    /** {@code SASL_JAAS_CONFIG} -> {@code sasl.jaas.config}; {@code __} -> {@code _}, {@code ___} -> {@code -}. */
    public static String keyOf(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace("___", "-").replace("__", "\u0000").replace('_', '.')
                .replace('\u0000', '_');
    }

    /** The environment variable that sets {@code key}: the inverse of {@link #keyOf}. */
    public static String envOf(String key) {
        return ENV_PREFIX + key.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * Keys every Kafka client of a service gets: the common client keys of the file (bootstrap.servers,
     * security.protocol, sasl.*, ssl.*, client.dns.lookup, ...), i.e. those producer, consumer and admin all know.
     * client.id is left out: each client names itself.
     */
    public static Properties kafkaClient(Properties service) {
        Properties out = new Properties();
        Set<String> admin = AdminClientConfig.configNames();
        Set<String> producer = ProducerConfig.configNames();
        Set<String> consumer = ConsumerConfig.configNames();
        for (String k : service.stringPropertyNames()) {
            if (k.equals(AdminClientConfig.CLIENT_ID_CONFIG)) continue;
            if (admin.contains(k) && producer.contains(k) && consumer.contains(k)) out.setProperty(k, service.getProperty(k));
        }
        return out;
    }

    /** Keys the Avro serdes and the registry client understand (schema.registry.*, basic.auth.*, the serde's own). */
    public static Map<String, Object> serde(Properties service) {
        Map<String, Object> out = new TreeMap<>();
        for (String k : service.stringPropertyNames()) {
            if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.startsWith("newsflow.avro.")
                    || k.equals("auto.register.schemas") || k.equals("use.latest.version") || k.equals("specific.avro.reader")
                    || k.equals("key.subject.name.strategy") || k.equals("value.subject.name.strategy")) {
                out.put(k, service.getProperty(k));
            }
        }
        return out;
    }
}
