package io.clearname.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(20);

    @Test
    void waitDoublesFromTheInitialBackoffUpToTheMaximumWithoutJitter() {
        assertThat(backoff(0, 1, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff(0, 2, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff(0, 4, 0.5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff(0, 5, 0.5)).isEqualTo(MAX);
        assertThat(backoff(0, 1_000, 0.5)).isEqualTo(MAX);
    }

    @Test
    void jitterVariesTheWaitByAtMostItsFractionEitherWay() {
        assertThat(backoff(0.2, 3, 0.0)).isEqualTo(Duration.ofMillis(6_400));
        assertThat(backoff(0.2, 3, 0.999_999_9)).isBetween(Duration.ofMillis(9_599), Duration.ofMillis(9_600));
        assertThat(backoff(0.2, 10, 0.0)).isEqualTo(Duration.ofSeconds(16));
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            Duration wait = DeliveryAnswers.backoff(INITIAL, MAX, 0.2, 2, random::nextDouble);
            assertThat(wait).isBetween(Duration.ofMillis(3_200), Duration.ofMillis(4_800));
        }
    }

    private static Duration backoff(double jitter, int failedAttempts, double random) {
        return DeliveryAnswers.backoff(INITIAL, MAX, jitter, failedAttempts, () -> random);
    }
}
