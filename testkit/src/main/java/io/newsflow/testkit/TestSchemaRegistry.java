package io.newsflow.testkit;

import io.newsflow.stack.LocalSchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real schema registry speaking Confluent's REST API per test JVM (Apicurio, see
 * {@link LocalSchemaRegistry}), started on first use with compatibility BACKWARD and stopped when the JVM exits.
 * {@code -Dnewsflow.test.registry.url=http://host:port} uses a registry that already runs instead (e.g. Confluent's).
 */
public final class TestSchemaRegistry {
    public static final String URL_PROPERTY = "newsflow.test.registry.url";

    private static final Logger log = LoggerFactory.getLogger(TestSchemaRegistry.class);
    private static String url;

    private TestSchemaRegistry() {}

    /** The value for {@code schema.registry.url}, e.g. {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public static synchronized String url() {
        if (url == null) {
            String external = System.getProperty(URL_PROPERTY);
            url = external != null && !external.isBlank() ? stripSlash(external) : startLocal();
        }
        return url;
    }

    private static String startLocal() {
        LocalSchemaRegistry registry = LocalSchemaRegistry.builder()
                .workDir(WorkDirs.forThisJvm("registry"))
                .start();
        log.info("test schema registry at {} after {} ms (log {})", registry.url(),
                registry.startupTime().toMillis(), registry.logFile());
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "stop-test-registry"));
        return registry.url();
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
