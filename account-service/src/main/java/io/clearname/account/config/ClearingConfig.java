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
     * Time between approval and erasure, during which the person may still withdraw. Zero erases at approval.
     */
    @WithDefault("PT24H")
    Duration coolingOff();

    /** How often approved requests are checked for the end of their cooling-off (read by the ErasureScheduler). */
    @WithDefault("1s")
    String erasureCheckEvery();

    /**
     * Secret pepper of the HMAC-SHA256 identity fingerprint sent to verification-service: it lets the audit recognise
     * the same ID number across requests without ever seeing it. Must be the same on every instance and kept secret.
     */
    String idFingerprintPepper();
}
