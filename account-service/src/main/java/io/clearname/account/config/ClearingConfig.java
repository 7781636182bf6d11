package io.clearname.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Clearing settings ({@code clearing.*} in application.properties). */
@ConfigMapping(prefix = "clearing")
public interface ClearingConfig {

    /** The decision date promised at submission: submission time plus this. */
    @WithDefault("P15D")
    Duration expectedDecisionWithin();

    /**
     * Secret pepper of the HMAC-SHA256 identity fingerprint sent to verification-service: it lets the audit recognise
     * the same ID number across requests without ever seeing it. Must be the same on every instance and kept secret.
     */
    String idFingerprintPepper();
}
