package io.clearname.account.service;

import io.clearname.events.Acknowledgement;
import java.time.Instant;
import java.util.List;

/**
 * What the person should know before clearing: whether they can, what stops them, and what they will lose. {@code
 * lastExportAt}: when they last downloaded their data export, null if never.
 */
public record PreflightReport(
        List<Blocker> blockers,
        List<Consequence> consequences,
        String backupReminder,
        String maskedPhone,
        String maskedEmail,
        List<Acknowledgement> requiredAcknowledgements,
        Instant expectedDecisionBy,
        Instant lastExportAt) {

    public boolean eligible() {
        return blockers.isEmpty();
    }

    /** Something to resolve first. {@code code}: NOT_VERIFIED, ACTIVE_REQUEST, WALLET_BALANCE, ... */
    public record Blocker(String code, String message, String resolution) {}

    /** What clearing will take away. {@code code}: VIP_LOST, CLOUD_STORAGE_UNCOVERED, REAL_NAME_SERVICES. */
    public record Consequence(String code, String detail) {}
}
