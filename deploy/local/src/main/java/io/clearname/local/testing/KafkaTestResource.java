package io.clearname.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Kafka for {@code @QuarkusTest}s: the cluster in {@code TEST_KAFKA_BOOTSTRAP_SERVERS} if that environment variable
 * is set, else one embedded broker per test JVM on a free port. Every topic of {@code Topics.all()} exists with 6
 * partitions (created on an external cluster too). Sets {@code kafka.bootstrap.servers}.
 *
 * <pre>
 * &#64;QuarkusTestResource(KafkaTestResource.class)
 * </pre>
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    /** The system property that holds the bootstrap servers once started. */
    public static final String BOOTSTRAP_SERVERS_PROPERTY = SharedInfra.KAFKA_BOOTSTRAP_SERVERS;

    @Override
    public Map<String, String> start() {
        Map<String, String> kafka = SharedInfra.startShared("kafka", Map.of());
        return Map.of("kafka.bootstrap.servers", kafka.get(SharedInfra.KAFKA_BOOTSTRAP_SERVERS));
    }

    /** Nothing: the broker serves every test of the JVM and stops when it exits. */
    @Override
    public void stop() {}

    /**
     * The bootstrap servers tests should use for their own producers and consumers: those of the started resource,
     * else {@code TEST_KAFKA_BOOTSTRAP_SERVERS}.
     */
    public static String bootstrapServers() {
        String started = System.getProperty(SharedInfra.KAFKA_BOOTSTRAP_SERVERS);
        if (started != null) {
            return started;
        }
        String external = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external.strip();
        }
        return SharedInfra.required(SharedInfra.KAFKA_BOOTSTRAP_SERVERS, "KafkaTestResource");
    }
}
