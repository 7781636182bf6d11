package io.clearname.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a consumer waits between attempts at a record whose processing failed for a reason that passes
 * ({@link TransientFailures}): the wait starts at {@link #initialDelay()} and doubles up to {@link #maxDelay()}, with a
 * fifth of jitter, for as long as the failure lasts.
 */
@ConfigMapping(prefix = "clearname.consumer.retry")
public interface ConsumerRetryConfig {

    @WithDefault("PT0.1S")
    Duration initialDelay();

    @WithDefault("PT10S")
    Duration maxDelay();
}
