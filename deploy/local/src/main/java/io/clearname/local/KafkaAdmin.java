package io.clearname.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What the stack asks of a Kafka cluster through the Admin API: whether a broker has registered, and the topics it
 * needs. Works on any cluster, the embedded broker or an external one in tests.
 */
final class KafkaAdmin {
    private static final Logger LOG = Logger.getLogger(KafkaAdmin.class.getName());

    private KafkaAdmin() {}

    /** Waits until the cluster lists a broker (registered and unfenced), at most {@code timeout}. */
    static void awaitBroker(String bootstrapServers, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(bootstrapServers)) {
            while (true) {
                try {
                    // An empty node list means the broker is up but not yet registered (unfenced).
                    if (!admin.describeCluster()
                            .nodes()
                            .get(10, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.log(Level.FINE, "Kafka broker not ready yet", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka broker on " + bootstrapServers + " not ready after " + timeout);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /**
     * Creates the topics that do not exist yet, with {@code partitions} partitions: replication factor 1 on a
     * single-broker cluster, otherwise the cluster's default. Topics that exist already are left as they are. Errors
     * a broker gives right after its start are retried for at most {@code timeout}.
     */
    static void createTopics(String bootstrapServers, Collection<String> names, int partitions, Duration timeout) {
        if (names.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(bootstrapServers)) {
            int brokers =
                    admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            List<String> missing = new ArrayList<>(names);
            while (true) {
                List<NewTopic> topics = missing.stream()
                        .map(name -> brokers == 1
                                ? new NewTopic(name, partitions, (short) 1)
                                : new NewTopic(name, Optional.of(partitions), Optional.empty()))
                        .toList();
                Map<String, KafkaFuture<Void>> results =
                        admin.createTopics(topics).values();
                List<String> retry = new ArrayList<>();
                for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                    try {
                        result.getValue().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof TopicExistsException) {
                            continue;
                        }
                        // e.g. the broker is not registered with the controller yet right after start
                        if (e.getCause() instanceof RetriableException
                                || e.getCause() instanceof InvalidReplicationFactorException) {
                            retry.add(result.getKey());
                            continue;
                        }
                        throw new IllegalStateException("cannot create topic " + result.getKey(), e.getCause());
                    }
                }
                if (retry.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot create topics " + retry + " on " + bootstrapServers);
                }
                missing = retry;
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers, e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "clearname-local-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(props);
    }
}
