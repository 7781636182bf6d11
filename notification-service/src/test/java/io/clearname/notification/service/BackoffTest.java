package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitDoublesFromTheInitialBackoffUpToTheMaximum() {
        Duration initial = Duration.ofSeconds(2);
        Duration max = Duration.ofSeconds(20);

        assertThat(DeliveryService.backoff(initial, max, 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(DeliveryService.backoff(initial, max, 2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(DeliveryService.backoff(initial, max, 4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(DeliveryService.backoff(initial, max, 5)).isEqualTo(max);
        assertThat(DeliveryService.backoff(initial, max, 1_000)).isEqualTo(max);
    }
}
