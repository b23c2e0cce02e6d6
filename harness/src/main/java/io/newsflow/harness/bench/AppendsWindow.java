package io.newsflow.harness.bench;

import io.newsflow.harness.appends.LogAppends;
import io.newsflow.schemas.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * The log appends of a stretch of the bench: every topic's log end offsets when it opens, read again when it closes,
 * and what lies between sorted by {@link LogAppends} (the same count as {@code newsflow topics appends}).
 */
final class AppendsWindow {
    private final Properties client = new Properties();
    private final Map<TopicPartition, Long> before;

    AppendsWindow(String bootstrap) {
        client.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        before = endOffsets();
    }

    LogAppends.Result close() {
        return LogAppends.between(client, before, endOffsets(), Topics.RAW);
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = Admin.create(client)) {
            return LogAppends.endOffsets(admin);
        }
    }
}
