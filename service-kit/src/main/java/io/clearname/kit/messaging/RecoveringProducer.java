package io.clearname.kit.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.jboss.logging.Logger;

/**
 * A Kafka producer that is closed and created anew after an error that leaves it unusable, so a sender recovers on its
 * next attempt instead of failing forever.
 *
 * <p>An idempotent producer that meets a fatal error (fenced, out-of-order sequence, cluster authorization, an
 * unsupported version, ...) refuses every later send with "at least one previous transactional or idempotent request
 * has failed". A sender takes the producer with {@link #get()}, and on failure hands the producer it used and the
 * exception to {@link #failed}; when {@link #leavesProducerUnusable} says so, that producer is closed and the next
 * {@link #get()} creates a new one (and a new producer id). Retriable errors (timeouts, a broker that is away, not
 * enough replicas) keep the producer: it retries those itself, and a new one would have to reconnect for nothing.
 *
 * <p>Thread-safe; several threads may share it.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class RecoveringProducer<K, V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RecoveringProducer.class);

    private final String name;
    private final Supplier<Producer<K, V>> factory;
    private final AtomicLong discarded = new AtomicLong();
    private Producer<K, V> current;
    private boolean closed;

    /**
     * @param name names the producer in log lines, e.g. its client id
     * @param factory creates a producer, at the first {@link #get()} and after each discarded one
     */
    public RecoveringProducer(String name, Supplier<Producer<K, V>> factory) {
        this.name = Objects.requireNonNull(name);
        this.factory = Objects.requireNonNull(factory);
    }

    /**
     * The producer to send with: the current one, or a new one after none was created yet or the last was discarded.
     *
     * @throws IllegalStateException after {@link #close}
     * @throws KafkaException when a producer cannot be created (the next call tries again)
     */
    public synchronized Producer<K, V> get() {
        if (closed) {
            throw new IllegalStateException("producer " + name + " is closed");
        }
        if (current == null) {
            current = factory.get();
        }
        return current;
    }

    /**
     * Reports that sending with {@code used} failed with {@code error}. If the error leaves a producer unusable and
     * {@code used} is still the current one, it is closed at once (sends still pending in it fail) and the next
     * {@link #get()} creates a new one.
     *
     * @return whether {@code used} was discarded
     */
    public boolean failed(Producer<K, V> used, Throwable error) {
        if (!leavesProducerUnusable(error)) {
            return false;
        }
        synchronized (this) {
            if (used == null || used != current) {
                return false; // another sender discarded it already
            }
            current = null;
        }
        discarded.incrementAndGet();
        LOG.warnf(
                "producer %s: %s leaves it unusable; closing it, the next send creates a new one",
                name, unusableCause(error).getClass().getName());
        closeQuietly(used, Duration.ZERO);
        return true;
    }

    /** How many producers were discarded after an error that left them unusable. */
    public long discarded() {
        return discarded.get();
    }

    /** Closes the current producer, waiting at most {@code timeout} for its pending sends. */
    public void close(Duration timeout) {
        Producer<K, V> last;
        synchronized (this) {
            closed = true;
            last = current;
            current = null;
        }
        if (last != null) {
            closeQuietly(last, timeout);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /**
     * Whether {@code error}, or one of its causes, means the producer that raised it may refuse every later send: any
     * Kafka exception that is not retriable, except those about one record or topic, which leave the producer as it
     * was (a record too large, a value that does not serialize, an invalid or forbidden topic) and an interrupt of
     * the sending thread. Errors that are not Kafka's (a database failure in the same round) never are.
     */
    public static boolean leavesProducerUnusable(Throwable error) {
        return unusableCause(error) != null;
    }

    private static Throwable unusableCause(Throwable error) {
        Throwable t = error;
        // A cause chain is short; the bound only guards against one that loops.
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof KafkaException && !(t instanceof RetriableException) && !aboutOneRecord(t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean aboutOneRecord(Throwable t) {
        return t instanceof RecordTooLargeException
                || t instanceof RecordBatchTooLargeException
                || t instanceof SerializationException
                || t instanceof InvalidTopicException
                || t instanceof TopicAuthorizationException
                || t instanceof InterruptException;
    }

    private void closeQuietly(Producer<K, V> producer, Duration timeout) {
        try {
            producer.close(timeout);
        } catch (RuntimeException e) {
            LOG.debugf(e, "producer %s: closing failed", name);
        }
    }
}
