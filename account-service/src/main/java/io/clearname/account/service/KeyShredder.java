package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import io.clearname.account.config.EncryptionConfig;
import io.clearname.account.repository.DataKeyShreddingRepository;
import io.clearname.kit.health.Heartbeat;
import io.clearname.kit.health.Heartbeats;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Destroys the data keys that erasures and re-bindings released, in the key store, then forgets them. The queue is in
 * the account database, written with the erasure, so a crash between the two leaves the key queued and the next round
 * destroys it; row locks make each key's destruction run on one instance at a time, and repeating it is harmless.
 * Also moves data keys to the active KEK after a rotation. Both jobs have a heartbeat ({@value #SHREDDING},
 * {@value #REWRAP}) that beats after every batch and round, watched by the liveness check.
 */
@Startup
@ApplicationScoped
public class KeyShredder {

    /** The scheduler identity of the shredding job, also its name in the liveness answer. */
    public static final String SHREDDING = "data-key-shredding";

    /** The scheduler identity of the rewrap job, also its name in the liveness answer. */
    public static final String REWRAP = "data-key-rewrap";

    private static final Logger LOG = Logger.getLogger(KeyShredder.class);
    private static final int BATCH = 100;

    private final DataKeyShreddingRepository queue;
    private final DataKeys dataKeys;
    private final ErasureReceipt receipt;
    private final Clock clock;
    private final EncryptionConfig config;
    private final Heartbeat shredding;
    private final Heartbeat rewrap;
    private volatile boolean stopping;

    public KeyShredder(
            DataKeyShreddingRepository queue,
            DataKeys dataKeys,
            ErasureReceipt receipt,
            EncryptionConfig config,
            ClearingConfig clearing,
            Heartbeats heartbeats,
            Clock clock) {
        this.queue = queue;
        this.dataKeys = dataKeys;
        this.receipt = receipt;
        this.clock = clock;
        this.config = config;
        this.shredding = heartbeats.register(
                SHREDDING, Heartbeats.maxSilenceFor(DurationConverter.parseDuration(clearing.erasureCheckEvery())));
        this.rewrap = heartbeats.register(REWRAP, Heartbeats.maxSilenceFor(Duration.ofMinutes(1)));
    }

    @Scheduled(
            identity = SHREDDING,
            every = "${clearing.erasure-check-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void shredQueued() {
        try {
            while (!stopping && shredBatch() == BATCH) {
                shredding.beat();
                LOG.debug("a full batch of data keys was destroyed, looking for more");
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warnf(
                        "data key shredding failed, retrying next round: %s",
                        e.getClass().getSimpleName());
                LOG.debug("data key shredding failure", e);
            }
        } finally {
            shredding.beat();
        }
    }

    /**
     * Destroys up to a batch of queued data keys; returns how many. A key an erasure released turns its request's
     * receipt line DATA_KEY from SCHEDULED to REMOVED, in the transaction that forgets the queued key: the key is
     * destroyed before that commits, so the receipt never says destroyed too early, and if the commit fails the next
     * round destroys the key again (harmless) and writes the line then.
     */
    @Transactional
    public int shredBatch() {
        var queued = queue.lockQueued(BATCH);
        for (var key : queued) {
            dataKeys.destroy(key.dataKeyId);
            if (key.requestId != null) {
                receipt.keyDestroyed(key.requestId, Instant.now(clock));
            }
            queue.delete(key);
        }
        if (!queued.isEmpty()) {
            LOG.infof("destroyed %d data key(s)", queued.size());
        }
        return queued.size();
    }

    @Scheduled(identity = REWRAP, every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rewrapToActiveKek() {
        try {
            int moved;
            do {
                moved = dataKeys.rewrap(config.rewrapBatch());
                rewrap.beat();
                if (moved > 0) {
                    LOG.infof("rewrapped %d data key(s) with the active KEK", moved);
                }
            } while (!stopping && moved == config.rewrapBatch());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "data key rewrap failed, retrying next round: %s",
                    e.getClass().getSimpleName());
        } finally {
            rewrap.beat();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
