package io.clearname.kit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's unit of work until it succeeds or fails for a reason of its own. A failure that passes
 * ({@link TransientFailures}: the database restarting, a deadlock, the broker unreachable) is retried in place, with a
 * growing wait ({@link ConsumerRetryConfig}), for as long as it lasts: the records behind it wait, in order, and none is
 * dead-lettered for the infrastructure's fault. Any other failure is thrown to the caller at once.
 *
 * <p>Waiting blocks the consumer's thread, which holds back this instance's partitions of the channel only; the
 * connector pauses fetching meanwhile, so the consumer stays in its group. When the service stops, the wait ends with
 * {@link ProcessingDeferredException} and the records are delivered again to whoever owns the partition next.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);
    /** After the first failure of a streak, a warning every this many, so an outage does not flood the log. */
    private static final int WARN_EVERY = 20;

    private final ConsumerRetryConfig config;
    private final MeterRegistry registry;
    /** Released when the service stops: ends every wait between attempts at once. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    public TransientRetry(ConsumerRetryConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /**
     * Runs {@code work} until it returns, retrying transient failures.
     *
     * @param consumer the channel, for logs and the {@code clearname.consumer.retries} counter
     * @param what what the work is (batch, record, dead letter), for logs
     * @throws ProcessingDeferredException when the service stops while a transient failure lasts
     * @throws RuntimeException the first failure that is not transient (checked ones wrapped)
     */
    public <T> T untilDone(String consumer, String what, Callable<T> work) {
        Duration delay = config.initialDelay();
        int failures = 0;
        long startedAt = System.nanoTime();
        Counter retries = null;
        while (true) {
            try {
                T result = work.call();
                if (failures > 0) {
                    LOG.infof(
                            "%s: %s succeeded after %d transient failures in %d ms",
                            consumer, what, failures, (System.nanoTime() - startedAt) / 1_000_000);
                }
                return result;
            } catch (Exception failure) {
                if (!TransientFailures.isTransient(failure)) {
                    throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                }
                failures++;
                if (retries == null) {
                    retries = Counter.builder("clearname.consumer.retries")
                            .description("Attempts of a consumer that failed for a reason that passes and were retried")
                            .tag("consumer", consumer)
                            .register(registry);
                }
                retries.increment();
                if (failures == 1 || failures % WARN_EVERY == 0) {
                    // The class only: a database's message may quote the values it refused.
                    LOG.warnf(
                            "%s: %s failed for a reason that passes (%s, %d in a row); retrying in %d ms",
                            consumer, what, failure.getClass().getName(), failures, delay.toMillis());
                }
                pause(delay, consumer, failure);
                delay = next(delay);
            }
        }
    }

    private void pause(Duration delay, String consumer, Exception failure) {
        long jitter = delay.toMillis() / 5;
        long millis =
                delay.toMillis() + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0);
        try {
            // The backoff ends early only because the service stops.
            if (stopping.await(Math.max(1, millis), TimeUnit.MILLISECONDS)) {
                throw new ProcessingDeferredException(consumer, failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingDeferredException(consumer, failure);
        }
    }

    private Duration next(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : doubled;
    }
}
