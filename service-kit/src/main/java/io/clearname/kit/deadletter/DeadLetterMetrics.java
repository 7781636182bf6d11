package io.clearname.kit.deadletter;

import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Gauges of open dead letters per consumer: {@code clearname.dead.letters.open} (how many) and
 * {@code clearname.dead.letters.oldest.age} (seconds the oldest has waited; 0 when none). They are read from the
 * {@code dead_letter} table every 15 seconds rather than at every scrape, so a scrape never waits on the database; a
 * failed read keeps the last values.
 */
@Startup
@ApplicationScoped
public class DeadLetterMetrics {

    /** The scheduler identity of the refresh, also its name in the liveness answer. */
    public static final String JOB = "dead-letter-gauges";

    private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);
    private static final Pattern CHANNEL =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");

    private final DeadLetterStore store;
    private final Clock clock;
    private final Map<String, DeadLetterStore.OpenLetters> open = new ConcurrentHashMap<>();
    private final Heartbeat heartbeat;

    public DeadLetterMetrics(
            DeadLetterStore store, Clock clock, Config config, MeterRegistry registry, Heartbeats heartbeats) {
        this.store = store;
        this.clock = clock;
        this.heartbeat = heartbeats.register(JOB, Heartbeats.maxSilenceFor(Duration.ofSeconds(15)));
        for (String consumer : consumers(config.getPropertyNames())) {
            Gauge.builder("clearname.dead.letters.open", open, m -> countOf(m.get(consumer)))
                    .description("Dead letters of the consumer that support has not re-driven or discarded")
                    .tag("consumer", consumer)
                    .register(registry);
            Gauge.builder("clearname.dead.letters.oldest.age", open, m -> ageOf(m.get(consumer)))
                    .description("Seconds the consumer's oldest open dead letter has waited")
                    .tag("consumer", consumer)
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    @Scheduled(identity = JOB, every = "15s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Map<String, DeadLetterStore.OpenLetters> now = store.open();
            open.keySet().retainAll(now.keySet());
            open.putAll(now);
        } catch (Exception e) {
            LOG.debugf("dead-letter gauges not refreshed: %s", e.getClass().getName());
        } finally {
            heartbeat.beat();
        }
    }

    private static double countOf(DeadLetterStore.OpenLetters letters) {
        return letters == null ? 0 : letters.count();
    }

    private double ageOf(DeadLetterStore.OpenLetters letters) {
        return letters == null
                ? 0
                : Math.max(
                        0,
                        Duration.between(letters.oldest(), Instant.now(clock)).toSeconds());
    }

    static Set<String> consumers(Iterable<String> propertyNames) {
        Set<String> consumers = new java.util.TreeSet<>();
        for (String name : propertyNames) {
            Matcher m = CHANNEL.matcher(name);
            if (m.matches()) {
                consumers.add(m.group(1));
            }
        }
        return consumers;
    }
}
