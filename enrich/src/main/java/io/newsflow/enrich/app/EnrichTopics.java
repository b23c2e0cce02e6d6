package io.newsflow.enrich.app;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.errors.DeadLetterDeserializationHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics enrich reads and writes when they are missing (a fresh cluster, a test). */
final class EnrichTopics {
    static final int PARTITIONS = 6;
    private static final Logger log = LoggerFactory.getLogger(EnrichTopics.class);

    private EnrichTopics() {}

    static void ensure(EnrichConfig config) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            String deadLetters = config.streamsProperties().getProperty(DeadLetterDeserializationHandler.TOPIC_CONFIG);
            for (String t : new String[] {config.rawTopic(), config.enrichedTopic(), config.trendingTopic(), config.engagementTopic(),
                    deadLetters}) {
                if (t != null && !existing.contains(t)) missing.add(new NewTopic(t, Optional.of(PARTITIONS), Optional.empty()));
            }
            if (missing.isEmpty()) return;
            try {
                admin.createTopics(missing).all().get();
                log.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot reach Kafka at " + config.bootstrapServers() + " to check topics: "
                    + e.getCause().getMessage(), e);
        }
    }
}
