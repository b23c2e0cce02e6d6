package io.newsflow.schemas.topics;

import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * A topic of the contract could not be created. {@link #retriable()} tells a cluster that will fix it by itself
 * (a broker down, so not enough brokers for the replication; a controller moving; no answer in time; an ACL an
 * operator has yet to grant) from a request that can never succeed as it is (an invalid name or config, a policy).
 */
public final class TopicProvisioningException extends IllegalStateException {
    private final String topic;
    private final boolean retriable;

    public TopicProvisioningException(String topic, String message, Throwable cause) {
        super(message, cause);
        this.topic = topic;
        // not enough brokers for the replication is a configuration error by its type, but a broker down by its cause
        this.retriable = cause instanceof InvalidReplicationFactorException || !(cause instanceof InvalidTopicException || cause instanceof InvalidConfigurationException
                || cause instanceof InvalidPartitionsException || cause instanceof PolicyViolationException
                || cause instanceof UnsupportedVersionException);
    }

    public String topic() {
        return topic;
    }

    public boolean retriable() {
        return retriable;
    }

    /** True when {@code e} or one of its causes is a provisioning failure the cluster will fix by itself. */
    public static boolean isRetriable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TopicProvisioningException p) return p.retriable();
        }
        return false;
    }
}
