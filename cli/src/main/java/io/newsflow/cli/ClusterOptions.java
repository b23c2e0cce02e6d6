package io.newsflow.cli;

import io.newsflow.schemas.config.ServiceConfigFile;
import io.newsflow.schemas.config.ServiceProperties;
import io.newsflow.schemas.topics.TopicContract;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap-server} and {@code --config} of the commands that read or manage a running cluster: the config file
 * (with the environment over it) is read once, and its client keys (security and SASL/SSL included) go to every client
 * the command makes.
 */
public final class ClusterOptions {
    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka (default: bootstrap.servers of --config, else " + DEFAULT_BOOTSTRAP + ")")
    String bootstrap;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A service's properties file: its Kafka client keys (bootstrap.servers, security.protocol, "
                    + "sasl.*, ssl.*) and topics.* keys are used.")
    Path config;

    private Properties settings;

    /** The config file's keys with the environment over them; bad input (exit 2) naming the file when invalid. */
    public Properties settings(String command) {
        if (settings == null) settings = ServiceConfigFile.load(command, config, p -> p);
        return settings;
    }

    /** Kafka client settings: the file's client keys, {@code --bootstrap-server} over its bootstrap.servers. */
    public Properties client(String command, String clientId) {
        Properties client = ServiceProperties.kafkaClient(settings(command));
        if (bootstrap != null) client.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        client.putIfAbsent(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP);
        client.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return client;
    }

    /** The topic contract of the config file (topics.* keys). */
    public TopicContract contract(String command) {
        return ServiceConfigFile.parse(command, config, () -> settings(command), TopicContract::fromProperties);
    }
}
