package io.newsflow.schemas.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and checks topics as the {@link TopicContract} describes them. Creating is idempotent (a topic that
 * exists is left as it is, so several services may race to create the same one); checking reports each way a topic
 * differs from the contract.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_S = 30;

    private final Admin admin;
    private final TopicContract contract;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    private TopicProvisioner(Admin admin, TopicContract contract) {
        this.admin = admin;
        this.contract = contract;
    }

    /** A provisioner whose contract has its replication fixed for the cluster {@code admin} talks to. */
    public static TopicProvisioner forCluster(Admin admin, TopicContract contract) {
        if (contract.resolved()) return new TopicProvisioner(admin, contract);
        int brokers = await(admin.describeCluster().nodes(), "describe the cluster").size();
        return new TopicProvisioner(admin, contract.resolvedFor(brokers));
    }

    public TopicContract contract() {
        return contract;
    }

    /** Creates the topics that are missing; returns, per topic, "created" or "exists". */
    public Map<String, String> create(Collection<TopicSpec> specs) {
        Map<String, String> outcome = new java.util.LinkedHashMap<>();
        // what exists is left alone without asking to create it: a service whose ACLs grant it no CREATE on topics an
        // operator made (a secured cluster) would be refused even for those
        Set<String> existing;
        try {
            existing = await(admin.listTopics().names(), "list topics");
        } catch (IllegalStateException e) {
            String names = specs.stream().map(TopicSpec::name).toList().toString();
            throw new TopicProvisioningException(names, "cannot create topics " + names + ": " + e.getMessage(),
                    e.getCause() != null ? e.getCause() : e);
        }
        List<TopicSpec> missing = new ArrayList<>();
        for (TopicSpec s : specs) {
            if (existing.contains(s.name())) {
                outcome.put(s.name(), "exists");
                known.add(s.name());
            } else {
                missing.add(s);
            }
        }
        if (missing.isEmpty()) return outcome;
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec s : missing) {
            topics.add(new NewTopic(s.name(), s.partitions(), s.replicationFactor()).configs(s.configs()));
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        for (TopicSpec s : missing) {
            try {
                results.get(s.name()).get(TIMEOUT_S, TimeUnit.SECONDS);
                outcome.put(s.name(), "created");
                log.info("created topic {} (partitions={}, replication={}, configs={})", s.name(), s.partitions(),
                        s.replicationFactor(), s.configs());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TopicAuthorizationException) {
                    // listing shows only topics the principal may describe: a topic it cannot see looks missing
                    throw new TopicProvisioningException(s.name(), "cannot create topic " + s.name()
                            + ": the principal may neither see it nor create it (an operator creates the topics with"
                            + " `newsflow topics create`; the service needs the ACLs of the README's table)", e.getCause());
                }
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new TopicProvisioningException(s.name(), "cannot create topic " + s.name() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
                outcome.put(s.name(), "exists");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted creating topic " + s.name(), e);
            } catch (TimeoutException e) {
                throw new TopicProvisioningException(s.name(), "no answer from the cluster in " + TIMEOUT_S
                        + " s creating topic " + s.name(), e);
            }
            known.add(s.name());
        }
        List<String> created = outcome.entrySet().stream().filter(e -> e.getValue().equals("created")).map(Map.Entry::getKey).toList();
        if (!created.isEmpty()) awaitVisible(created);
        return outcome;
    }

    /**
     * A created topic is known to the controller before every broker's metadata has it; callers that produce or
     * describe right after creating would see UnknownTopicOrPartition, so creation returns only once it is visible.
     */
    private void awaitVisible(List<String> names) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            try {
                Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
                // a new partition answers NotLeaderOrFollower until it has its leader
                boolean led = d.values().stream().flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null
                        && !p.leader().isEmpty());
                if (led) return;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("created topics " + names + " but not every partition has a leader after "
                            + TIMEOUT_S + " s");
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw new IllegalStateException("created topics " + names + " but cannot see them: "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for topics " + names, e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("no answer from the cluster in " + TIMEOUT_S + " s describing " + names, e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for topics " + names, e);
            }
        }
    }

    /** Creates every fixed topic of the contract that is missing. */
    public Map<String, String> createAll() {
        return create(contract.all());
    }

    /** Makes sure the topic of one country exists before the first send to it (brokers may not auto-create). */
    public void ensureCountryTopic(String isoCode) {
        TopicSpec spec = contract.countrySpec(isoCode);
        if (known.contains(spec.name())) return;
        create(List.of(spec));
    }

    /** Every way the given topics differ from the contract, one line each naming the topic; empty when none. */
    public List<String> check(Collection<TopicSpec> specs) {
        List<String> problems = new ArrayList<>();
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<TopicSpec> present = new ArrayList<>();
        for (TopicSpec s : specs) {
            if (existing.contains(s.name())) present.add(s);
            else problems.add(s.name() + ": missing (run `newsflow topics create`)");
        }
        if (present.isEmpty()) return problems;
        Map<String, TopicDescription> described = await(admin.describeTopics(present.stream().map(TopicSpec::name).toList())
                .allTopicNames(), "describe topics");
        List<ConfigResource> resources = present.stream()
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all(), "describe topic configs");
        for (TopicSpec s : present) {
            TopicDescription d = described.get(s.name());
            if (d.partitions().size() != s.partitions()) {
                problems.add(s.name() + ": " + d.partitions().size() + " partitions, the contract says " + s.partitions());
            }
            int rf = d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size();
            if (s.replicationFactor() > 0 && rf != s.replicationFactor()) {
                problems.add(s.name() + ": replication factor " + rf + ", the contract says " + s.replicationFactor());
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, s.name()));
            for (Map.Entry<String, String> want : s.configs().entrySet()) {
                ConfigEntry entry = actual.get(want.getKey());
                String have = entry == null ? null : entry.value();
                if (!want.getValue().equals(have)) {
                    problems.add(s.name() + ": " + want.getKey() + "=" + have + ", the contract says " + want.getValue());
                }
            }
        }
        return problems;
    }

    /** Checks every fixed topic of the contract and every country topic already on the cluster. */
    public List<String> checkAll() {
        List<TopicSpec> specs = new ArrayList<>(contract.all());
        for (String name : await(admin.listTopics().names(), "list topics")) {
            if (name.startsWith(contract.countryPrefix())) {
                specs.add(contract.countrySpec(name.substring(contract.countryPrefix().length())));
            }
        }
        return check(specs);
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the cluster in " + TIMEOUT_S + " s when trying to " + what
                    + " (is bootstrap.servers right, and are the security settings those of the listener?)", e);
        }
    }
}
