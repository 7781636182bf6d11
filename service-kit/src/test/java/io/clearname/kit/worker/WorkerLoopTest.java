package io.clearname.kit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerLoopTest {

    @Test
    void wakeUpStartsARoundLongBeforeTheIdleWaitEnds() {
        AtomicInteger rounds = new AtomicInteger();
        var loop = new WorkerLoop("test-wake", () -> rounds.incrementAndGet() < 0, Duration.ofHours(1), Duration.ZERO);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
            loop.wakeUp();
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
        } finally {
            loop.stop(Duration.ofSeconds(5));
        }
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void roundSayingMoreIsWaitingIsFollowedAtOnce() {
        AtomicInteger rounds = new AtomicInteger();
        var loop = new WorkerLoop("test-more", () -> rounds.incrementAndGet() < 5, Duration.ofHours(1), Duration.ZERO);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 5);
        } finally {
            loop.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void failingRoundDoesNotEndTheThreadAndWakeUpsDoNotShortenTheBackoff() {
        AtomicInteger rounds = new AtomicInteger();
        var loop = new WorkerLoop(
                "test-fail",
                () -> {
                    rounds.incrementAndGet();
                    throw new IllegalStateException("database down");
                },
                Duration.ofMillis(1),
                Duration.ofHours(1));
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> loop.lastRoundEndedAt() != null);
            for (int i = 0; i < 100; i++) {
                loop.wakeUp();
            }
            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> rounds.get() == 1 && loop.isRunning());
        } finally {
            loop.stop(Duration.ofSeconds(5));
        }
    }
}
