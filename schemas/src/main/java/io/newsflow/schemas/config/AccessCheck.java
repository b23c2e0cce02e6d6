package io.newsflow.schemas.config;

import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.schemas.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * What every service does before it starts its clients: one request to Kafka and one to the schema registry with the
 * service's own settings. Kafka clients retry refused or unanswered connections for ever and Streams threads die
 * one by one on an authentication error; checked first, refused credentials or a bad security setting are one clear
 * error that names the service, the client and the cause, and the service exits instead of hanging. No answer at
 * all (Kafka or the registry not up yet) is only warned about: the service starts and its own failure policy holds
 * (ingest answers 503, the others retry) until they answer.
 */
public final class AccessCheck {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccessCheck.class);

    private AccessCheck() {}

    /** Thrown with an operator's message: which service, which client, what failed and which keys to look at. */
    public static final class AccessException extends IllegalStateException {
        AccessException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Both checks; {@code serde} may be empty (a service without a registry). */
    public static void verify(String service, Properties kafkaClient, Map<String, ?> serde, Duration timeout) {
        verifyKafka(service, kafkaClient, timeout);
        if (serde.get("schema.registry.url") != null) verifyRegistry(service, serde);
    }

    /** A DescribeCluster with the service's client settings. */
    public static void verifyKafka(String service, Properties kafkaClient, Duration timeout) {
        Properties p = new Properties();
        p.putAll(kafkaClient);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-access-check");
        int ms = (int) timeout.toMillis();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        String where = "Kafka at " + p.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                + " (security.protocol=" + p.getProperty(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT") + ")";
        Admin admin;
        try {
            admin = Admin.create(p);
        } catch (KafkaException e) {
            throw new AccessException(service + ": cannot create its Kafka clients for " + where + ": " + rootMessage(e)
                    + " (check sasl.jaas.config, sasl.mechanism and ssl.* in the service's config)", e);
        }
        try (admin) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).nodes().get(ms + 1000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException) {
                throw new AccessException(service + ": " + where + " refused the service's Kafka credentials: "
                        + cause.getMessage() + " (check sasl.mechanism and the user and password in sasl.jaas.config)", cause);
            }
            if (cause instanceof AuthorizationException) {
                throw new AccessException(service + ": " + where + " authenticated the service but denies it: "
                        + cause.getMessage() + " (grant the service's principal the ACLs in the README)", cause);
            }
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                noAnswer(service, where, timeout);
                return;
            }
            throw new AccessException(service + ": " + where + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            noAnswer(service, where, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessException(service + ": interrupted while checking " + where, e);
        }
    }

    private static void noAnswer(String service, String where, Duration timeout) {
        log.warn("{}: no answer from {} within {} s; starting anyway, and retrying as its failure policy says (if it "
                + "never answers: check bootstrap.servers, and that security.protocol is that of the listener)",
                service, where, timeout.toSeconds());
    }

    /** A read of the registry's compatibility setting with the service's serde settings (URL, basic auth). */
    public static void verifyRegistry(String service, Map<String, ?> serde) {
        String url = io.newsflow.schemas.net.Urls.redact(String.valueOf(serde.get("schema.registry.url"))); // no credentials
        try {
            SchemaRegistryClients.fromConfig(serde).getCompatibility("newsflow-access-check");
        } catch (io.newsflow.schemas.registry.RegistryUnreachableException e) {
            log.warn("{}: the schema registry at {} does not answer ({}); starting anyway, registry calls retry",
                    service, url, e.getMessage());
        } catch (SchemaRegistryException e) {
            if (e.status() >= 500) {
                log.warn("{}: the schema registry at {} answered {}; starting anyway, registry calls retry", service,
                        url, e.getMessage());
                return;
            }
            throw new AccessException(service + ": the schema registry at " + url + " cannot be used: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AccessException(service + ": the schema registry at " + url + " cannot be used: " + rootMessage(e)
                    + " (check schema.registry.url and basic.auth.*)", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
    }
}
