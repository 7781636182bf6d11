package io.clearname.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Outbox relay settings ({@code clearname.outbox.*}). */
@ConfigMapping(prefix = "clearname.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code ce_source} of what this service publishes; the application name by default. */
    @WithDefault("${quarkus.application.name}")
    String source();

    Relay relay();

    interface Relay {
        /**
         * How long the relay waits for new rows when it was not woken by a commit: the upper bound of publish latency
         * for rows written by another instance.
         */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Rows published per round, whatever their buckets; all are acknowledged before the next round. */
        @WithDefault("500")
        int batchSize();

        /** Wait after a failed round (broker unreachable), before trying again. */
        @WithDefault("1s")
        Duration retryBackoff();

        /**
         * Number of ordering buckets. A key always falls in the same bucket, and one instance at a time holds a bucket,
         * so per-key order holds with any number of instances. Must be the same on every instance.
         */
        @WithDefault("32")
        int buckets();
    }
}
