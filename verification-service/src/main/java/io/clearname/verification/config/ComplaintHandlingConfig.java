package io.clearname.verification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How complaints and appeals are handled ({@code complaints.*} in application.properties): when each is due, how long
 * an overturned appeal protects the next request, and how long complaints are kept.
 */
@ConfigMapping(prefix = "complaints")
public interface ComplaintHandlingConfig {

    /** An appeal (a second review of a rejection) is due this long after the complaint that opened it. */
    @WithDefault("P10D")
    Duration appealDueWithin();

    /** A complaint customer service answers is due this long after it was filed. */
    @WithDefault("P5D")
    Duration answerDueWithin();

    /**
     * After an OVERTURNED appeal, the account's next request opened within this window is not rejected for the reasons
     * set aside.
     */
    @WithDefault("P30D")
    Duration appealWindow();

    /** Complaints (text and answer) are deleted this long after they were filed. */
    @WithDefault("P365D")
    Duration retention();
}
