package io.clearname.account.service;

import io.clearname.account.repository.DataKeyShreddingRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Destroys the data keys that erasures and re-bindings released, in the key store, then forgets them. The queue is in
 * the account database, written with the erasure, so a crash between the two leaves the key queued and the next round
 * destroys it; row locks make each key's destruction run on one instance at a time, and repeating it is harmless.
 * Also moves data keys to the active KEK after a rotation.
 */
@ApplicationScoped
public class KeyShredder {

    private static final Logger LOG = Logger.getLogger(KeyShredder.class);
    private static final int BATCH = 100;

    private final DataKeyShreddingRepository queue;
    private final DataKeys dataKeys;
    private final io.clearname.account.config.EncryptionConfig config;
    private volatile boolean stopping;

    public KeyShredder(
            DataKeyShreddingRepository queue, DataKeys dataKeys, io.clearname.account.config.EncryptionConfig config) {
        this.queue = queue;
        this.dataKeys = dataKeys;
        this.config = config;
    }

    @Scheduled(
            identity = "data-key-shredding",
            every = "${clearing.erasure-check-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void shredQueued() {
        try {
            while (!stopping && shredBatch() == BATCH) {
                LOG.debug("a full batch of data keys was destroyed, looking for more");
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warnf(
                        "data key shredding failed, retrying next round: %s",
                        e.getClass().getSimpleName());
                LOG.debug("data key shredding failure", e);
            }
        }
    }

    /** Destroys up to a batch of queued data keys; returns how many. */
    @Transactional
    public int shredBatch() {
        var queued = queue.lockQueued(BATCH);
        for (var key : queued) {
            dataKeys.destroy(key.dataKeyId);
            queue.delete(key);
        }
        if (!queued.isEmpty()) {
            LOG.infof("destroyed %d data key(s)", queued.size());
        }
        return queued.size();
    }

    @Scheduled(identity = "data-key-rewrap", every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rewrapToActiveKek() {
        try {
            int moved;
            do {
                moved = dataKeys.rewrap(config.rewrapBatch());
                if (moved > 0) {
                    LOG.infof("rewrapped %d data key(s) with the active KEK", moved);
                }
            } while (!stopping && moved == config.rewrapBatch());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "data key rewrap failed, retrying next round: %s",
                    e.getClass().getSimpleName());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
