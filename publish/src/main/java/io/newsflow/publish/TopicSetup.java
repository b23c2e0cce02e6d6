package io.newsflow.publish;

import io.newsflow.publish.config.PublisherConfig;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicContract.Role;
import io.newsflow.schemas.topics.TopicProvisioner;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * The publisher's topics as the topic contract describes them: the input and outputs up front, each country topic
 * the first time an article is routed to it. Existing topics are left as they are.
 */
public final class TopicSetup implements AutoCloseable {
    private final Admin admin;
    private final TopicProvisioner provisioner;
    private final String countryPrefix;

    public TopicSetup(Admin admin, PublisherConfig config) {
        this.admin = admin;
        this.provisioner = TopicProvisioner.forCluster(admin, config.contractWithNames());
        this.countryPrefix = provisioner.contract().countryPrefix();
    }

    public void createFixedTopics() {
        TopicContract c = provisioner.contract();
        provisioner.create(List.of(c.spec(Role.ENRICHED), c.spec(Role.ARTICLES), c.spec(Role.ARTICLES_JSON),
                c.spec(Role.LATEST), c.spec(Role.DEADLETTER)));
    }

    /** Makes sure a country topic exists before the first send to it (the broker may not auto-create topics). */
    public void ensureCountryTopic(String topicName) {
        if (!topicName.startsWith(countryPrefix)) {
            throw new IllegalArgumentException(topicName + " is not a country topic (prefix " + countryPrefix + ")");
        }
        provisioner.ensureCountryTopic(topicName.substring(countryPrefix.length()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
