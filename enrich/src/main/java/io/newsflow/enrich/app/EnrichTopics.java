package io.newsflow.enrich.app;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicContract.Role;
import io.newsflow.schemas.topics.TopicProvisioner;
import io.newsflow.schemas.topics.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Creates the topics enrich reads and writes when they are missing, as the topic contract describes them. */
final class EnrichTopics {
    private EnrichTopics() {}

    /** Returns the config with the contract's replication fixed for the cluster (so internal topics follow it). */
    static EnrichConfig ensure(EnrichConfig config) {
        try (Admin admin = Admin.create(adminProperties(config))) {
            TopicProvisioner provisioner = TopicProvisioner.forCluster(admin, config.topics());
            TopicContract contract = provisioner.contract();
            List<TopicSpec> mine = new ArrayList<>(List.of(contract.spec(Role.RAW), contract.spec(Role.ENRICHED),
                    contract.spec(Role.TRENDING), contract.spec(Role.DEADLETTER)));
            if (config.engagementTopic() != null) mine.add(contract.spec(Role.ENGAGEMENT));
            provisioner.create(mine);
            return config.withTopicContract(contract);
        }
    }

    /** Every client key of the service's settings (security included) reaches the admin client too. */
    static Properties adminProperties(EnrichConfig config) {
        Properties streams = config.streamsProperties();
        Properties p = new Properties();
        for (String k : streams.stringPropertyNames()) {
            if (AdminClientConfig.configNames().contains(k)) p.setProperty(k, streams.getProperty(k));
        }
        String prefix = StreamsConfig.ADMIN_CLIENT_PREFIX;
        for (String k : streams.stringPropertyNames()) {
            if (k.startsWith(prefix)) p.setProperty(k.substring(prefix.length()), streams.getProperty(k));
        }
        p.remove(AdminClientConfig.CLIENT_ID_CONFIG);
        p.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, config.applicationId() + "-topics");
        return p;
    }
}
