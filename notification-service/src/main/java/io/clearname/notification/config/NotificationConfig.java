package io.clearname.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delivery settings ({@code notification.*} in application.properties). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Dispatch dispatch();

    Retry retry();

    interface Dispatch {
        /**
         * How often the dispatcher looks for due jobs: the upper bound of the delay between a ClearingConcluded and its
         * notice. Read by the {@code @Scheduled} expression of {@code DeliveryScheduler}; Quarkus' scheduler checks its
         * triggers once a second, so less than 1s has no effect.
         */
        @WithDefault("1s")
        Duration every();

        /**
         * Jobs claimed and sent per transaction. Their rows stay locked while the mails go out: keep batch-size times
         * {@code quarkus.mailer.timeout} below the transaction timeout, so a slow SMTP server cannot make a batch roll
         * back after its mails went out (they would be sent again).
         */
        @WithDefault("5")
        int batchSize();
    }

    interface Retry {
        /** Wait after the first failed attempt; doubled after each further failure. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** Upper bound of one wait, however many attempts failed. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** Attempts before a job is given up as FAILED (and a FAILED UserNotified is published). */
        @WithDefault("5")
        int maxAttempts();
    }
}
