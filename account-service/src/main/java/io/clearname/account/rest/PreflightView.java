package io.clearname.account.rest;

import io.clearname.account.service.PreflightReport;
import io.clearname.events.Acknowledgement;
import java.time.Instant;
import java.util.List;

/**
 * What the person should know before clearing: whether they can, what stops them, and what they will lose, every text
 * in {@code language}.
 */
public record PreflightView(
        String language,
        boolean eligible,
        List<Blocker> blockers,
        List<Consequence> consequences,
        String backupReminder,
        Contact notifyAt,
        List<Acknowledgement> requiredAcknowledgements,
        List<AcknowledgementText> acknowledgements,
        Instant expectedDecisionBy,
        Instant lastExportAt) {

    public static PreflightView of(PreflightReport report) {
        return new PreflightView(
                report.language(),
                report.eligible(),
                report.blockers().stream()
                        .map(b -> new Blocker(b.code(), b.message(), b.resolution()))
                        .toList(),
                report.consequences().stream()
                        .map(c -> new Consequence(c.code(), c.detail()))
                        .toList(),
                report.backupReminder(),
                new Contact(report.maskedPhone(), report.maskedEmail()),
                report.requiredAcknowledgements(),
                report.acknowledgements().stream()
                        .map(a -> new AcknowledgementText(a.code(), a.text()))
                        .toList(),
                report.expectedDecisionBy(),
                report.lastExportAt());
    }

    /**
     * Something to resolve first. {@code code}: NOT_VERIFIED, ACTIVE_REQUEST, LEGAL_HOLD, UNDER_INVESTIGATION,
     * WALLET_BALANCE, OUTSTANDING_CREDIT, AUTO_RENEW_ACTIVE.
     */
    public record Blocker(String code, String message, String resolution) {}

    /** What clearing will take away. {@code code}: VIP_LOST, CLOUD_STORAGE_UNCOVERED, REAL_NAME_SERVICES. */
    public record Consequence(String code, String detail) {}

    /** The masked phone number and email the notices will go to. */
    public record Contact(String phone, String email) {}

    /** An acknowledgement a submission must carry, with the words the person confirms. */
    public record AcknowledgementText(Acknowledgement code, String text) {}
}
