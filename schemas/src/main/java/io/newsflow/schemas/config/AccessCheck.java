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

    /**
     * Both checks; {@code serde} may be empty (a service without a registry). True when Kafka answered (so further
     * checks, such as {@link #verifyTopicAccess}, are worth their time).
     */
    public static boolean verify(String service, Properties kafkaClient, Map<String, ?> serde, Duration timeout) {
        boolean answered = verifyKafka(service, kafkaClient, timeout);
        if (serde.get("schema.registry.url") != null) verifyRegistry(service, serde);
        return answered;
    }

    /** A DescribeCluster with the service's client settings; true when Kafka answered, false when it did not. */
    public static boolean verifyKafka(String service, Properties kafkaClient, Duration timeout) {
        Properties p = checkingAdmin(service, kafkaClient, timeout);
        int ms = (int) timeout.toMillis();
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
            return true;
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
                return false;
            }
            throw new AccessException(service + ": " + where + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            noAnswer(service, where, timeout);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessException(service + ": interrupted while checking " + where, e);
        }
    }

    /** {@link #verifyTopicAccess(String, Properties, Map, Duration)} for the topics a service reads and writes. */
    public static void verifyTopicAccess(String service, Properties kafkaClient, java.util.Collection<String> reads,
                                         java.util.Collection<String> writes, Duration timeout) {
        verifyTopicAccess(service, kafkaClient, needed(reads, writes), timeout);
    }

    /** topic -> READ and/or WRITE, in the order given (reads first); a topic both read and written needs both. */
    static Map<String, java.util.Set<org.apache.kafka.common.acl.AclOperation>> needed(java.util.Collection<String> reads,
                                                                                      java.util.Collection<String> writes) {
        Map<String, java.util.Set<org.apache.kafka.common.acl.AclOperation>> needed = new java.util.LinkedHashMap<>();
        for (String t : reads) {
            needed.computeIfAbsent(t, k -> java.util.EnumSet.noneOf(org.apache.kafka.common.acl.AclOperation.class))
                    .add(org.apache.kafka.common.acl.AclOperation.READ);
        }
        for (String t : writes) {
            needed.computeIfAbsent(t, k -> java.util.EnumSet.noneOf(org.apache.kafka.common.acl.AclOperation.class))
                    .add(org.apache.kafka.common.acl.AclOperation.WRITE);
        }
        return needed;
    }

    /**
     * On a cluster with an authorizer, what the service's principal may do on the topics it uses, asked of the broker
     * (DescribeTopics with the authorized operations): a missing ACL stops the start with one line naming each
     * operation and topic, instead of a Streams thread or a transaction failing later. Without an authorizer, or
     * without an answer, nothing is refused here.
     *
     * @param needed topic -> the operations the service needs on it (READ, WRITE; DESCRIBE is implied)
     */
    public static void verifyTopicAccess(String service, Properties kafkaClient,
                                         Map<String, java.util.Set<org.apache.kafka.common.acl.AclOperation>> needed,
                                         Duration timeout) {
        Properties p = checkingAdmin(service, kafkaClient, timeout);
        int ms = (int) timeout.toMillis();
        java.util.List<String> missing = new java.util.ArrayList<>();
        try (Admin admin = Admin.create(p)) {
            var described = admin.describeTopics(needed.keySet(),
                    new org.apache.kafka.clients.admin.DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
            for (Map.Entry<String, java.util.Set<org.apache.kafka.common.acl.AclOperation>> e : needed.entrySet()) {
                try {
                    var d = described.get(e.getKey()).get(ms + 1000L, TimeUnit.MILLISECONDS);
                    java.util.Set<org.apache.kafka.common.acl.AclOperation> allowed = d.authorizedOperations();
                    if (allowed == null) continue; // no authorizer: nothing to check
                    for (var op : e.getValue()) {
                        if (!allowed.contains(op) && !allowed.contains(org.apache.kafka.common.acl.AclOperation.ALL)) {
                            missing.add(op + " on topic " + e.getKey());
                        }
                    }
                } catch (ExecutionException x) {
                    if (x.getCause() instanceof org.apache.kafka.common.errors.TopicAuthorizationException) {
                        missing.add("DESCRIBE on topic " + e.getKey());
                    }
                    // a topic not there yet, or no answer: the service's own start and failure policy deal with it
                }
            }
        } catch (TimeoutException | KafkaException e) {
            log.warn("{}: could not check its topic ACLs ({}); starting anyway", service, e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessException(service + ": interrupted while checking its topic ACLs", e);
        }
        if (!missing.isEmpty()) {
            throw new AccessException(service + ": the service's principal lacks ACLs at Kafka: " + String.join(", ", missing)
                    + " (grant them as the README's ACL table says)", null);
        }
    }

    /** The service's client settings for the admin client of a check: its own client id, every call bounded. */
    private static Properties checkingAdmin(String service, Properties kafkaClient, Duration timeout) {
        Properties p = new Properties();
        p.putAll(kafkaClient);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-access-check");
        int ms = (int) timeout.toMillis();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        return p;
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
