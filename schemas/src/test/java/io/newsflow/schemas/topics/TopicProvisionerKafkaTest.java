package io.newsflow.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.topics.TopicContract.Role;
import io.newsflow.testkit.TestKafka;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Creating and checking topics against the real broker. */
class TopicProvisionerKafkaTest {

    private static TopicContract uniqueContract() {
        String s = "tc" + System.nanoTime() + ".";
        Properties p = new Properties();
        for (Role r : Role.values()) p.setProperty(r.configKey(), s + r.name().toLowerCase());
        p.setProperty("topics.name.country.prefix", s + "country.");
        p.setProperty("topics.partitions", "3");
        return TopicContract.fromProperties(p);
    }

    @Test
    void createsEveryTopicAsTheContractSaysThenFindsNoDrift() throws Exception {
        try (Admin admin = TestKafka.admin()) {
            TopicProvisioner provisioner = TopicProvisioner.forCluster(admin, uniqueContract());
            TopicContract c = provisioner.contract();
            assertThat(c.replicationFactor()).isEqualTo((short) 1); // one broker here
            Map<String, String> first = provisioner.createAll();
            assertThat(first.values()).containsOnly("created").hasSize(Role.values().length);
            provisioner.ensureCountryTopic("ru");
            assertThat(provisioner.checkAll()).isEmpty();
            // a second run, as a second service starting, changes nothing and fails nothing
            assertThat(TopicProvisioner.forCluster(admin, c).createAll().values()).containsOnly("exists");

            var trending = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, c.name(Role.TRENDING))))
                    .all().get().values().iterator().next();
            assertThat(trending.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(c.countryTopic("RU"))).allTopicNames().get()).hasSize(1);
        }
    }

    @Test
    void reportsEachDriftNamingTheTopic() throws Exception {
        try (Admin admin = TestKafka.admin()) {
            TopicProvisioner provisioner = TopicProvisioner.forCluster(admin, uniqueContract());
            TopicContract c = provisioner.contract();
            // as enrich's old topic creation left them: 6 partitions, broker defaults (not compacted)
            admin.createTopics(List.of(new NewTopic(c.name(Role.TRENDING), 6, (short) 1))).all().get();
            provisioner.create(List.of(c.spec(Role.RAW), c.spec(Role.DEADLETTER)));
            ConfigResource dl = new ConfigResource(ConfigResource.Type.TOPIC, c.name(Role.DEADLETTER));
            Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(dl, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET)));
            admin.incrementalAlterConfigs(change).all().get();

            List<String> problems = provisioner.check(c.all());
            assertThat(problems).contains(
                    c.name(Role.TRENDING) + ": 6 partitions, the contract says 1",
                    c.name(Role.TRENDING) + ": cleanup.policy=delete, the contract says compact",
                    c.name(Role.DEADLETTER) + ": retention.ms=1000, the contract says 1209600000",
                    c.name(Role.ENRICHED) + ": missing (run `newsflow topics create`)");
            assertThat(problems).noneMatch(line -> line.startsWith(c.name(Role.RAW) + ":"));
        }
    }
}
