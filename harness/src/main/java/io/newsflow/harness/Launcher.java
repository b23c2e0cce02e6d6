package io.newsflow.harness;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.topics.TopicContract;
import io.newsflow.schemas.topics.TopicProvisioner;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How the harness starts what it measures the way a deployment does: a service is {@code newsflow <service> --config
 * FILE} in its own JVM, run by the command line the bench or chaos command itself was reached through, and the
 * topics come from the contract before any service starts (what {@code newsflow topics create} does).
 */
public record Launcher(String mainClass) {

    /** The main class of the command line that ran {@code command}: its root command's class. */
    public static Launcher of(CommandSpec command) {
        return new Launcher(command.root().userObject().getClass().getName());
    }

    /** Creates every topic of the default contract that is missing. */
    public static Map<String, String> createTopics(String bootstrap) {
        try (Admin admin = Admin.create(adminProps(bootstrap))) {
            return TopicProvisioner.forCluster(admin, TopicContract.defaults()).createAll();
        }
    }

    /** Every way the cluster has drifted from the default contract; empty when none. */
    public static List<String> checkTopics(String bootstrap) {
        try (Admin admin = Admin.create(adminProps(bootstrap))) {
            return TopicProvisioner.forCluster(admin, TopicContract.defaults()).checkAll();
        }
    }

    private static Properties adminProps(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-harness");
        return p;
    }
}
