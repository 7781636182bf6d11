package io.clearname.kit.inbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * How long the inbox remembers applied events, and how it forgets them ({@code clearname.inbox.*}). The defaults are in
 * the kit's {@code META-INF/microprofile-config.properties}, with the reason for the retention.
 */
@ConfigMapping(prefix = "clearname.inbox")
public interface InboxPurgeConfig {

    /**
     * How long an applied event's id is kept. A redelivery older than this is applied again, so it must exceed the
     * longest time a record stays readable in a consumed topic (its {@code retention.ms} plus {@code segment.ms}) plus
     * the longest time a producer may publish a record again after the first copy was applied.
     */
    Duration retention();

    Purge purge();

    interface Purge {
        /** How often expired ids are deleted; {@code off} stops the purge on this instance. */
        String every();

        /** Rows deleted per transaction: small, so no batch holds its locks for long. */
        int batchSize();
    }
}
