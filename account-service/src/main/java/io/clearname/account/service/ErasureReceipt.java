package io.clearname.account.service;

import io.clearname.account.entity.ErasureReceiptItem;
import io.clearname.account.entity.ErasureReceiptItem.Outcome;
import io.clearname.account.repository.ErasureReceiptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The erasure receipt: what a clearing did with each category of data, in words the person reads. */
@ApplicationScoped
public class ErasureReceipt {

    private final ErasureReceiptRepository receipts;

    public ErasureReceipt(ErasureReceiptRepository receipts) {
        this.receipts = receipts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID requestId, long names, long images, List<String> revoked) {
        item(
                requestId,
                "LEGAL_NAME",
                Outcome.REMOVED,
                names + " record deleted and its encryption key destroyed, so backups cannot restore it");
        item(
                requestId,
                "ID_NUMBER",
                Outcome.REMOVED,
                names + " record deleted; the audit keeps only a keyed fingerprint");
        item(requestId, "ID_DOCUMENT_IMAGES", Outcome.REMOVED, images + " image reference(s) deleted");
        for (String entitlement : revoked) {
            item(
                    requestId,
                    entitlement,
                    Outcome.REVOKED,
                    entitlement.equals(Entitlements.VIP)
                            ? "VIP membership cancelled, auto-renewal off"
                            : "cloud storage no longer covered by a plan");
        }
        item(
                requestId,
                "CLEARING_RECORD",
                Outcome.RETAINED,
                "this request and its timeline are kept, without personal data, to account for the clearing");
        item(
                requestId,
                "CONTACT_POINTS",
                Outcome.RETAINED,
                "phone number and email stay with the account for sign-in and notices");
    }

    private void item(UUID requestId, String category, Outcome outcome, String detail) {
        receipts.persist(ErasureReceiptItem.of(requestId, category, outcome, detail));
    }
}
