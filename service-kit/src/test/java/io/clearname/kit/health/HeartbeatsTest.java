package io.clearname.kit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clearname.kit.worker.WorkerLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {

    private final List<WorkerLoop> loops = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopLoops() {
        release.countDown();
        loops.forEach(loop -> loop.stop(Duration.ofSeconds(5)));
    }

    @Test
    void aLoopThatTurnsIsUp() {
        Heartbeats heartbeats = heartbeats(Map.of());
        WorkerLoop loop = loop("turning", () -> false);
        heartbeats.watch(loop);
        loop.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> loop.lastRoundEndedAt() != null);

        HealthCheckResponse response = WorkersLiveness.response(heartbeats.check());
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow().get("turning")).asString().startsWith("UP: last round ended");
    }

    @Test
    void aLoopWhoseThreadDiedIsDownAndNamed() {
        Heartbeats heartbeats = heartbeats(Map.of());
        WorkerLoop healthy = loop("healthy", () -> false);
        // An Error other than a LinkageError is not a round's failure the loop can survive.
        WorkerLoop dying = loop("dying", () -> {
            throw new FatalError();
        });
        heartbeats.watch(healthy);
        heartbeats.watch(dying);
        healthy.start();
        dying.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> dying.state() == WorkerLoop.State.DIED);

        HealthCheckResponse response = WorkersLiveness.response(heartbeats.check());
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow())
                .containsEntry("dying", "DOWN: thread died of " + FatalError.class.getName())
                .hasEntrySatisfying(
                        "healthy", detail -> assertThat(detail).asString().startsWith("UP: "));
    }

    @Test
    void aLoopWhoseRoundHangsBeyondItsBoundIsDown() {
        Heartbeats heartbeats = heartbeats(Map.of());
        WorkerLoop hanging = loop("hanging", () -> release.await(1, TimeUnit.MINUTES));
        heartbeats.watch(hanging, Duration.ofMillis(200));
        hanging.start();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(heartbeats.check())
                        .singleElement()
                        .satisfies(status -> {
                            assertThat(status.up()).isFalse();
                            assertThat(status.detail())
                                    .startsWith("no round ended for")
                                    .endsWith("bound PT0.2S");
                        }));

        release.countDown();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> heartbeats.check().get(0).up());
    }

    @Test
    void aStoppedLoopIsNotAFailure() {
        Heartbeats heartbeats = heartbeats(Map.of());
        WorkerLoop loop = loop("stopped", () -> false);
        heartbeats.watch(loop);
        loop.start();
        loop.stop(Duration.ofSeconds(5));

        assertThat(heartbeats.check()).singleElement().satisfies(status -> {
            assertThat(status.up()).isTrue();
            assertThat(status.detail()).isEqualTo("stopped");
        });
    }

    @Test
    void aJobIsDownAfterItsBoundWithoutABeatAndUpAgainAfterOne() {
        Heartbeats heartbeats = heartbeats(Map.of());
        Heartbeat heartbeat = heartbeats.register("purge", Duration.ofMillis(100));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !heartbeats.check().get(0).up());
        HealthCheckResponse down = WorkersLiveness.response(heartbeats.check());
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow().get("purge")).asString().startsWith("DOWN: no round ended for");

        heartbeat.beat();
        assertThat(heartbeats.check().get(0).up()).isTrue();
    }

    @Test
    void configurationReplacesTheBoundAJobRegisteredWith() {
        Heartbeats heartbeats = heartbeats(Map.of("purge", Duration.ofHours(3)));

        heartbeats.register("purge", Duration.ofMillis(1));

        assertThat(heartbeats.check().get(0).detail()).endsWith("bound PT3H");
    }

    @Test
    void registeringANameAgainReplacesTheEarlierRegistration() {
        Heartbeats heartbeats = heartbeats(Map.of());
        heartbeats.register("purge", Duration.ofMillis(1));

        heartbeats.register("purge", Duration.ofHours(1));

        assertThat(heartbeats.check())
                .singleElement()
                .satisfies(status -> assertThat(status.up()).isTrue());
    }

    @Test
    void theUsualBoundIsTwoPeriodsAndTwentyMinutes() {
        assertThat(Heartbeats.maxSilenceFor(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(140));
        assertThat(Heartbeats.maxSilenceFor(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1202));
    }

    @Test
    void aBoundThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> heartbeats(Map.of()).register("purge", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purge");
    }

    /** Stands for an Error such as OutOfMemoryError, which the test JVM itself must not see. */
    private static final class FatalError extends Error {
        private static final long serialVersionUID = 1L;
    }

    private static Heartbeats heartbeats(Map<String, Duration> overrides) {
        return new Heartbeats(new HealthConfig() {
            @Override
            public Map<String, Duration> maxSilence() {
                return overrides;
            }

            @Override
            public Duration kafkaTimeout() {
                return Duration.ofSeconds(1);
            }
        });
    }

    private WorkerLoop loop(String name, WorkerLoop.Round round) {
        WorkerLoop loop = new WorkerLoop(name, round, Duration.ofMillis(10), Duration.ofMillis(10));
        loops.add(loop);
        return loop;
    }
}
