package io.clearname.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The person's data export ({@code account.export.*} in application.properties). */
@ConfigMapping(prefix = "account.export")
public interface ExportConfig {

    /** Exports an account may download in any 24 hours; the next one is refused until the oldest of them is a day old. */
    @WithDefault("5")
    int maxPerDay();
}
