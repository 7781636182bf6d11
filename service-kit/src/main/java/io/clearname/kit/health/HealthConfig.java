package io.clearname.kit.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Liveness settings ({@code clearname.health.*}). */
@ConfigMapping(prefix = "clearname.health")
public interface HealthConfig {

    /**
     * The maximum silence of a worker or job by its name, replacing the default it registered with, e.g.
     * {@code clearname.health.max-silence.outbox-relay=PT30M}.
     */
    Map<String, Duration> maxSilence();

    /**
     * How long the readiness check waits for the Kafka cluster to answer ({@link KafkaReadiness}); below the probes'
     * timeout, so a missing broker is reported by name rather than by a probe that timed out.
     */
    @WithDefault("1s")
    Duration kafkaTimeout();
}
