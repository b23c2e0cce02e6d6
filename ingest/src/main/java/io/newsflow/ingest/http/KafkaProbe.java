package io.newsflow.ingest.http;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Health of the Kafka side: the cluster answers a describe-cluster within 2 s; the answer is cached for 2 s. */
public final class KafkaProbe implements BooleanSupplier, AutoCloseable {
    private final Admin admin;
    private volatile long checkedAt;
    private volatile boolean up;

    /** {@code client}: the service's Kafka client keys (bootstrap.servers, security). */
    public KafkaProbe(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-ingest-probe");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        this.admin = Admin.create(p);
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
