package io.clearname.kit.health;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready}: check {@value #NAME}, down when the Kafka cluster of {@code kafka.bootstrap.servers} does
 * not answer within {@code clearname.health.kafka-timeout} (1 s, below the pods' two-second probe timeout), with the
 * servers asked and the reason in its data.
 *
 * <p>Why the kit's own: Quarkus's Kafka check waits for the cluster as long as the admin client's default API timeout
 * (60 s), so a probe would time out without saying what is missing, and each probe would hold a thread for a minute.
 * SmallRye Reactive Messaging's readiness check still reports each consumer channel; the datasources have Agroal's.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    /** The check's name in the health answer. */
    public static final String NAME = "Kafka broker";

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    @Inject
    public KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, HealthConfig config) {
        this(kafkaConfig, config.kafkaTimeout());
    }

    KafkaReadiness(Map<String, Object> kafkaConfig, Duration timeout) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.keySet().removeIf(key -> !AdminClientConfig.configNames().contains(key));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "clearname-readiness");
        // Fail fast: a retry after the timeout is the next probe's business.
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminConfig = props;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        String servers = Objects.toString(adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), "(not set)");
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).withData("bootstrap.servers", servers);
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes()
                    .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
                    .size();
            return builder.up().withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.down().withData("reason", "interrupted").build();
        } catch (TimeoutException e) {
            return down(builder);
        } catch (ExecutionException e) {
            return e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                    ? down(builder)
                    : builder.down()
                            .withData("reason", e.getCause().getClass().getName())
                            .build();
        } catch (RuntimeException e) {
            // The admin client cannot even be created (e.g. no bootstrap server resolves).
            return builder.down().withData("reason", e.getClass().getName()).build();
        }
    }

    private HealthCheckResponse down(HealthCheckResponseBuilder builder) {
        return builder.down()
                .withData("reason", "no answer from the Kafka cluster within " + timeout)
                .build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
