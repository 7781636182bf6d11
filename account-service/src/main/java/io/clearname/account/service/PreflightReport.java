package io.clearname.account.service;

import io.clearname.events.Acknowledgement;
import java.time.Instant;
import java.util.List;

/**
 * What the person should know before clearing: whether they can, what stops them, and what they will lose, with
 * every text in {@code language} ({@code en} or {@code zh-CN}). {@code lastExportAt}: when they last downloaded their
 * data export, null if never.
 */
public record PreflightReport(
        String language,
        List<Blocker> blockers,
        List<Consequence> consequences,
        String backupReminder,
        String maskedPhone,
        String maskedEmail,
        List<AcknowledgementText> acknowledgements,
        Instant expectedDecisionBy,
        Instant lastExportAt) {

    public boolean eligible() {
        return blockers.isEmpty();
    }

    /** The acknowledgements a submission must carry, in order. */
    public List<Acknowledgement> requiredAcknowledgements() {
        return acknowledgements.stream().map(AcknowledgementText::code).toList();
    }

    /**
     * Something to resolve first. {@code code}: NOT_VERIFIED, ACTIVE_REQUEST, LEGAL_HOLD, UNDER_INVESTIGATION,
     * WALLET_BALANCE, OUTSTANDING_CREDIT, AUTO_RENEW_ACTIVE.
     */
    public record Blocker(String code, String message, String resolution) {}

    /** What clearing will take away. {@code code}: VIP_LOST, CLOUD_STORAGE_UNCOVERED, REAL_NAME_SERVICES. */
    public record Consequence(String code, String detail) {}

    /** An acknowledgement with the words the person confirms. */
    public record AcknowledgementText(Acknowledgement code, String text) {}
}
