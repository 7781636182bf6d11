package io.clearname.kit.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/** {@code clearname.rate-limit.<action>.limit} and {@code .window}; an action without configuration is unlimited. */
@ConfigMapping(prefix = "clearname.rate-limit")
public interface RateLimitConfig {

    @WithParentName
    Map<String, Limit> actions();

    interface Limit {
        /** Calls allowed per window. */
        int limit();

        /** The fixed window the calls are counted in. */
        @WithDefault("PT1H")
        Duration window();
    }
}
