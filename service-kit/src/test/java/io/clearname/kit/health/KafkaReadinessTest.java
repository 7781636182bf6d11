package io.clearname.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class KafkaReadinessTest {

    @Test
    void aBrokerThatDoesNotAnswerIsReportedByNameWithinTheTimeout() throws IOException {
        String servers = "127.0.0.1:" + unusedPort();
        KafkaReadiness check = new KafkaReadiness(
                Map.of("bootstrap.servers", servers, "session.timeout.ms", "10000"), Duration.ofMillis(500));
        try {
            long start = System.nanoTime();
            HealthCheckResponse response = check.call();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(response.getName()).isEqualTo(KafkaReadiness.NAME);
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData().orElseThrow())
                    .containsEntry("bootstrap.servers", servers)
                    .containsEntry("reason", "no answer from the Kafka cluster within PT0.5S");
        } finally {
            check.close();
        }
    }

    private static int unusedPort() throws IOException {
        // Nothing listens there once the socket is closed: connections are refused.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
