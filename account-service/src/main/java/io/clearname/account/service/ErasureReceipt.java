package io.clearname.account.service;

import io.clearname.account.config.ReceiptConfig;
import io.clearname.account.entity.ErasureReceiptItem;
import io.clearname.account.entity.ErasureReceiptItem.Outcome;
import io.clearname.account.repository.AccountRepository;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.ErasureReceiptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The erasure receipt: what a clearing did with each category of data, across the suite and beyond it, where that data
 * is, and how long what is kept stays; in words the person reads, in the account's language (bundle {@code
 * i18n/receipt}). A line only says done what is done: the data key's destruction and the images' deletion come after
 * the erasure and are SCHEDULED until then.
 */
@ApplicationScoped
public class ErasureReceipt {

    /** Where the data of a line is. */
    public static final String ACCOUNT_SERVICE = "account-service";

    public static final String VERIFICATION_SERVICE = "verification-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";
    public static final String EVENT_LOG = "event-log";
    public static final String IMAGE_STORE = "image-store";

    static final String DATA_KEY = "DATA_KEY";
    private static final String BUNDLE = "receipt";

    private final ErasureReceiptRepository receipts;
    private final ClearingRequestRepository requests;
    private final AccountRepository accounts;
    private final ReceiptConfig config;

    public ErasureReceipt(
            ErasureReceiptRepository receipts,
            ClearingRequestRepository requests,
            AccountRepository accounts,
            ReceiptConfig config) {
        this.receipts = receipts;
        this.requests = requests;
        this.accounts = accounts;
        this.config = config;
    }

    /**
     * What one erasure did.
     *
     * @param names real-name rows deleted (0 or 1)
     * @param dataKeyQueued the real name's data key was queued for destruction
     * @param documents ID document references deleted, whose images the image store was asked to delete
     * @param revoked the rights taken away, as they were
     */
    record Erased(
            UUID requestId,
            String locale,
            Instant submittedAt,
            Instant at,
            long names,
            boolean dataKeyQueued,
            int documents,
            List<Entitlements.Revoked> revoked) {}

    /** Writes the receipt of an erasure; returns its lines in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ErasureReceiptItem> record(Erased erased) {
        var lines = new Lines(erased);
        lines.add("LEGAL_NAME", Outcome.REMOVED, ACCOUNT_SERVICE, "LEGAL_NAME.removed", erased.names());
        lines.add("ID_NUMBER", Outcome.REMOVED, ACCOUNT_SERVICE, "ID_NUMBER.removed", erased.names());
        if (erased.dataKeyQueued()) {
            lines.add(DATA_KEY, Outcome.SCHEDULED, ACCOUNT_SERVICE, "DATA_KEY.scheduled");
        }
        if (erased.documents() > 0) {
            lines.add(
                    "ID_DOCUMENT_REFERENCES",
                    Outcome.REMOVED,
                    ACCOUNT_SERVICE,
                    "ID_DOCUMENT_REFERENCES.removed",
                    erased.documents());
            lines.add(
                    "ID_DOCUMENT_IMAGES",
                    Outcome.SCHEDULED,
                    IMAGE_STORE,
                    "ID_DOCUMENT_IMAGES.scheduled",
                    erased.documents(),
                    erased.at().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        for (var revoked : erased.revoked()) {
            if (revoked.entitlement().equals(Entitlements.VIP)) {
                lines.add(
                        Entitlements.VIP,
                        Outcome.REVOKED,
                        ACCOUNT_SERVICE,
                        "VIP.revoked",
                        paidDaysLost(revoked, erased),
                        text(
                                erased.locale(),
                                revoked.autoRenewCancelled() ? "VIP.autoRenewCancelled" : "VIP.autoRenewOff"));
            } else {
                lines.add(
                        revoked.entitlement(),
                        Outcome.REVOKED,
                        ACCOUNT_SERVICE,
                        "CLOUD_STORAGE.revoked",
                        revoked.quotaBytes(),
                        revoked.usedBytes());
            }
        }
        lines.retained("ID_FINGERPRINT", VERIFICATION_SERVICE, config.fingerprintRetention(), erased.at());
        lines.retained("CONTACT_SNAPSHOT", NOTIFICATION_SERVICE, config.contactSnapshotRetention(), erased.at());
        // Counted from each complaint's filing, which this service does not know: a period without an end date.
        lines.retained("COMPLAINT_TEXTS", VERIFICATION_SERVICE, config.complaintRetention(), null);
        // The ClearRequested record was published at submission; the topic's retention counts from then.
        lines.retained("EVENT_LOG", EVENT_LOG, config.eventLogRetention(), erased.submittedAt());
        lines.add("CLEARING_RECORD", Outcome.RETAINED, ACCOUNT_SERVICE, "CLEARING_RECORD.retained");
        lines.add("CONTACT_POINTS", Outcome.RETAINED, ACCOUNT_SERVICE, "CONTACT_POINTS.retained");
        receipts.persist(lines.items);
        return lines.items;
    }

    /**
     * The data key released by request {@code requestId}'s erasure was destroyed at {@code at}: its line becomes
     * REMOVED with {@code doneAt}. Repeating it changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keyDestroyed(UUID requestId, Instant at) {
        var line = receipts.find(
                        "requestId = ?1 and category = ?2 and outcome = ?3", requestId, DATA_KEY, Outcome.SCHEDULED)
                .firstResultOptional();
        if (line.isEmpty()) {
            return;
        }
        String locale = requests.findByIdOptional(requestId)
                .flatMap(request -> accounts.findByIdOptional(request.accountId))
                .map(account -> account.locale)
                .orElse(null);
        line.get().outcome = Outcome.REMOVED;
        line.get().doneAt = at;
        line.get().detail = text(
                locale, "DATA_KEY.removed", at.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** An ISO-8601 period as people write it: {@code P365D} rather than {@code PT8760H}. */
    static String period(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private String paidDaysLost(Entitlements.Revoked vip, Erased erased) {
        if (vip.paidUntil() == null || !vip.paidUntil().isAfter(erased.at())) {
            return text(erased.locale(), "VIP.noPaidDays");
        }
        // A started day counts as lost: the person paid for it and cannot use it.
        long days = (Duration.between(erased.at(), vip.paidUntil()).toSeconds() + 86_399) / 86_400;
        return text(erased.locale(), "VIP.paidDaysLost", days);
    }

    private static String text(String locale, String key, Object... arguments) {
        return Texts.of(BUNDLE, key, locale, arguments);
    }

    /** The lines of one receipt as they are written. */
    private static final class Lines {
        private final Erased erased;
        private final List<ErasureReceiptItem> items = new ArrayList<>();

        Lines(Erased erased) {
            this.erased = erased;
        }

        ErasureReceiptItem add(String category, Outcome outcome, String service, String key, Object... arguments) {
            var item = ErasureReceiptItem.of(
                    erased.requestId(), category, outcome, service, text(erased.locale(), key, arguments));
            items.add(item);
            return item;
        }

        void retained(String category, String service, Duration period, Instant from) {
            var item = add(category, Outcome.RETAINED, service, category + ".retained", period.toDays());
            item.retainedFor = period(period);
            item.until = from == null ? null : from.plus(period);
        }
    }
}
