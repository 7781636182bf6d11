package io.clearname.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One attempt to send a job: written when it starts, completed when its answer is recorded. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    public enum Outcome {
        IN_FLIGHT,
        DELIVERED,
        /** A transient failure; the job was scheduled again. */
        RETRY,
        /** A permanent failure, or the last attempt failed. */
        FAILED,
        /** The dispatcher's lease expired without an answer (it died or hung); the job was tried again. */
        ABANDONED,
        /**
         * The notice may have been handed over but no answer says so: a timeout or a lost connection after the request
         * was sent. The job is held for {@code notification.delivery.unknown-outcome-hold} before it is sent again
         * with the same Message-ID or Idempotency-Key; a reply that still comes turns this into DELIVERED, RETRY or
         * FAILED.
         */
        UNKNOWN
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "job_id")
        public UUID jobId;

        @Column(name = "attempt")
        public int attempt;

        public Key() {}

        public Key(UUID jobId, int attempt) {
            this.jobId = jobId;
            this.attempt = attempt;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.attempt == attempt && Objects.equals(k.jobId, jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, attempt);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Outcome outcome;

    /** The gateway's HTTP status or the SMTP reply code, when there was one. */
    @Column(name = "reply_code")
    public Integer replyCode;

    @Column(length = 128)
    public String error;
}
