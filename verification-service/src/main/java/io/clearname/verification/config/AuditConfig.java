package io.clearname.verification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Audit settings ({@code audit.*} in application.properties). */
@ConfigMapping(prefix = "audit")
public interface AuditConfig {

    /** The SLA: a case is due this long after it was opened. */
    @WithDefault("P15D")
    Duration decisionWithin();
}
