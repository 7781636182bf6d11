package io.clearname.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the other services and the event log keep what a clearing leaves behind, as the erasure receipt states it
 * ({@code clearing.receipt.*} in application.properties). This service enforces none of them: each must match the
 * setting of the service that does, or the receipt tells the person something untrue.
 */
@ConfigMapping(prefix = "clearing.receipt")
public interface ReceiptConfig {

    /** verification-service's {@code audit.repeated-clearing.window}: how long the ID fingerprint is kept. */
    @WithDefault("P365D")
    Duration fingerprintRetention();

    /** notification-service's {@code notification.contact-retention}: the contact snapshot, after the outcome. */
    @WithDefault("P30D")
    Duration contactSnapshotRetention();

    /** verification-service's purge of complaint texts and answers, counted from when a complaint was filed. */
    @WithDefault("P365D")
    Duration complaintRetention();

    /** The {@code retention.ms} of the {@code clear-requested} topic (deploy/k8s/base/kafka/topics.yaml). */
    @WithDefault("P7D")
    Duration eventLogRetention();
}
