package io.clearname.verification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/**
 * Audit settings ({@code audit.*} in application.properties): the SLA and the thresholds of the rules. Windows are
 * half-open, {@code (requestedAt - window, requestedAt]}: something exactly one window old no longer counts.
 */
@ConfigMapping(prefix = "audit")
public interface AuditConfig {

    /** The SLA: a case is due this long after it was opened. */
    @WithDefault("P15D")
    Duration decisionWithin();

    /** Share of {@link #decisionWithin()}, in percent, after which an undecided case is escalated (at risk). */
    @WithDefault("80")
    int escalateAtPercent();

    /** How often the SLA scheduler looks for cases past their marks (read by {@code SlaScheduler}). */
    @WithDefault("1s")
    String slaCheckEvery();

    /**
     * How long a conclusion that arrived before its request is kept for the request to find; one whose request never
     * comes (dead-lettered, say) is forgotten after this.
     */
    @WithDefault("P30D")
    Duration earlyConclusionRetention();

    Restrictions restrictions();

    RepeatedClearing repeatedClearing();

    Velocity velocity();

    RecentVerification recentVerification();

    RecentSecurityChange recentSecurityChange();

    /** ACCOUNT_RESTRICTED. */
    interface Restrictions {
        /** Restrictions that reject a clearing for good; any other restriction sends the case to a reviewer. */
        @WithDefault("LEGAL_HOLD,UNDER_INVESTIGATION")
        Set<String> reject();
    }

    /** REPEATED_CLEARING: how often the same identity (fingerprint) was cleared within the window. */
    interface RepeatedClearing {
        @WithDefault("P365D")
        Duration window();

        /** This many earlier clearings send the case to a reviewer. */
        @WithDefault("2")
        int reviewAt();

        /** This many earlier clearings, or more, reject it. */
        @WithDefault("3")
        int rejectAt();
    }

    /** VELOCITY: requests of one account within the window, this one included. */
    interface Velocity {
        @WithDefault("PT24H")
        Duration window();

        /** More requests than this are rejected (RETRY). */
        @WithDefault("2")
        int maxRequests();
    }

    /** RECENT_VERIFICATION: a real name verified less than this before the request goes to a reviewer. */
    interface RecentVerification {
        @WithDefault("P7D")
        Duration within();
    }

    /** RECENT_SECURITY_CHANGE: a password, phone or email change less than this before the request. */
    interface RecentSecurityChange {
        @WithDefault("P14D")
        Duration within();
    }
}
