package io.newsflow.ingest.http;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Health of the Kafka side: the cluster answers a describe-cluster within 2 s; the answer is cached for 2 s. */
public final class KafkaProbe implements BooleanSupplier, AutoCloseable {
    private final Admin admin;
    private volatile long checkedAt;
    private volatile boolean up;

    public KafkaProbe(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.currentTimeMillis();
        if (now - checkedAt > 2000) {
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).clusterId().get(2, TimeUnit.SECONDS);
                up = true;
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                up = false;
            }
            checkedAt = now;
        }
        return up;
    }

    @Override
    public void close() {
        admin.close();
    }
}
