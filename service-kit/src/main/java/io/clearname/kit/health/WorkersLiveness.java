package io.clearname.kit.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /q/health/live}: check {@value #NAME}, down when a worker or scheduled job of {@link Heartbeats} died or went
 * silent for longer than its bound. Its data has one entry per worker, which names what is wrong with a worker that is
 * down. A broker or database outage does not make it fail: the readiness checks report those.
 */
@Liveness
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {

    /** The check's name in the health answer. */
    public static final String NAME = "clearname workers";

    private final Heartbeats heartbeats;

    public WorkersLiveness(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Override
    public HealthCheckResponse call() {
        return response(heartbeats.check());
    }

    static HealthCheckResponse response(List<Heartbeats.Status> statuses) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME);
        boolean up = true;
        for (Heartbeats.Status status : statuses) {
            up &= status.up();
            builder.withData(status.name(), (status.up() ? "UP: " : "DOWN: ") + status.detail());
        }
        return builder.status(up).build();
    }
}
