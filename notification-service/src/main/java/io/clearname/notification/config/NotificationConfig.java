package io.clearname.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

/** Delivery, retry, retention and notice-content settings ({@code notification.*} in application.properties). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Dispatch dispatch();

    Retry retry();

    Delivery delivery();

    Sms sms();

    Mail mail();

    Content content();

    /**
     * How long a contact snapshot is kept after its request concluded (its ClearingConcluded arrived). Snapshots are
     * the only personal data of this service; a snapshot with a notice still being sent is kept until it ends.
     */
    @WithDefault("P30D")
    Period contactRetention();

    /** How often expired contact snapshots are looked for. */
    @WithDefault("1h")
    Duration purgeEvery();

    /**
     * How long a notice waits for its request's contact snapshot (ClearRequested) before it is given up as FAILED.
     * Events of different topics may arrive in any order, so a wait of seconds is normal; days mean the snapshot is
     * lost (its ClearRequested went to the dead-letter topic).
     */
    @WithDefault("P1D")
    Duration contactWait();

    interface Dispatch {
        /**
         * How long a dispatcher waits for new due jobs when it was not woken by a commit: the upper bound of the delay
         * between a retry falling due (or a job queued by another instance) and its attempt.
         */
        @WithDefault("500ms")
        Duration pollInterval();

        /**
         * How long a claimed job belongs to the dispatcher that claimed it. A dispatcher that dies or hangs mid-send
         * loses the job when the lease expires, and any instance retries it. Must exceed the longest single send: the
         * SMTP timeout ({@code quarkus.mailer.timeout}) and the gateway's connect plus read timeout; otherwise a send
         * still waiting for its answer is taken for dead and repeated.
         */
        @WithDefault("2m")
        Duration lease();

        /**
         * Sends in flight at once per channel and instance: the SMS gateway's concurrent requests, the SMTP
         * connections (keep {@code quarkus.mailer.max-pool-size} at least as large). A burst drains at this many
         * times the rate of one send.
         */
        @WithDefault("32")
        int maxInFlight();

        /** Jobs claimed (and answers recorded) per transaction, at most. */
        @WithDefault("64")
        int batchSize();

        /**
         * How often notices waiting for their contact snapshot are checked: released if it arrived in a transaction
         * that overlapped theirs, given up after {@code notification.contact-wait}.
         */
        @WithDefault("5s")
        Duration sweepEvery();
    }

    interface Retry {
        /** Wait after the first failed attempt; doubled after each further failure. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** Upper bound of one wait, however many attempts failed. */
        @WithDefault("1h")
        Duration maxBackoff();

        /**
         * Each wait is varied at random by up to this fraction either way (0.2: ±20 %), so that notices that failed
         * together (a gateway outage) are not retried in one burst.
         */
        @WithDefault("0.2")
        double jitter();

        /** Attempts before a job is given up as FAILED (and a FAILED UserNotified is published). */
        @WithDefault("5")
        int maxAttempts();
    }

    interface Delivery {
        /**
         * How long a notice waits after an attempt whose outcome is unknown (a send timed out, or lost its connection,
         * after the notice was handed over) before it is sent again, with the same Message-ID or Idempotency-Key. A
         * server that still answers within it settles the notice without a second send; a server that holds a
         * message longer than the send timeout plus this hold may deliver a second copy. Longer than the stalls a
         * server may come back from; short enough that a notice really lost goes out again the same day.
         */
        @WithDefault("10m")
        Duration unknownOutcomeHold();
    }

    interface Sms {
        /** The gateway's credential, sent as {@code Authorization: Bearer}. */
        String token();

        /** The sender id the gateway shows. */
        @WithDefault("clearname")
        String sender();
    }

    interface Mail {
        /**
         * The domain of each notice's stable {@code Message-ID} ({@code <key@domain>}), by which mail systems can drop
         * the one duplicate a crash between sending and recording may cause.
         */
        @WithDefault("notification.clearname.local")
        String messageIdDomain();
    }

    interface Content {
        /**
         * The audit period that verification-service works to ({@code audit.decision-within} there): the receipt
         * tells the person their decision is due this long after the request. Keep the two equal.
         */
        @WithDefault("P15D")
        Period expectedDecisionWithin();

        /** The time zone of the dates in notices. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();

        /** The name notices are signed with. */
        @WithDefault("clearname")
        String brand();

        /** Customer service's phone number, given in notices that may raise questions. */
        @WithDefault("400-100-5678")
        String customerServicePhone();

        /** Customer service's email address. */
        @WithDefault("support@clearname.local")
        String customerServiceEmail();
    }
}
