package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import io.clearname.account.entity.Account;
import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.entity.ErasureReceiptItem;
import io.clearname.account.entity.RealName;
import io.clearname.account.entity.TimelineEntry;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.ErasureReceiptRepository;
import io.clearname.account.repository.IdDocumentRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.account.repository.TimelineRepository;
import io.clearname.account.rest.ClearingRequestView;
import io.clearname.account.rest.PreflightView;
import io.clearname.account.rest.SubmissionView;
import io.clearname.account.rest.SubmitClearingRequest;
import io.clearname.events.Acknowledgement;
import io.clearname.events.AuditCompleted;
import io.clearname.events.ClearRequested;
import io.clearname.events.ClearingConcluded;
import io.clearname.events.ReasonCode;
import io.clearname.events.UserNotified;
import io.clearname.kit.outbox.OutboxWriter;
import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Owns a clearing request's life: submission, the audit's outcome, erasure, and the notices on its timeline. */
@ApplicationScoped
public class ClearingService {

    private static final Logger LOG = Logger.getLogger(ClearingService.class);

    private final AccountService accounts;
    private final RealNameRepository realNames;
    private final ClearingRequestRepository requests;
    private final TimelineRepository timeline;
    private final IdDocumentRepository documents;
    private final ErasureReceiptRepository receipts;
    private final RealNameVault vault;
    private final OutboxWriter outbox;
    private final Fingerprints fingerprints;
    private final ClearingConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public ClearingService(
            AccountService accounts,
            RealNameRepository realNames,
            ClearingRequestRepository requests,
            TimelineRepository timeline,
            IdDocumentRepository documents,
            ErasureReceiptRepository receipts,
            RealNameVault vault,
            OutboxWriter outbox,
            Fingerprints fingerprints,
            ClearingConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.accounts = accounts;
        this.realNames = realNames;
        this.requests = requests;
        this.timeline = timeline;
        this.documents = documents;
        this.receipts = receipts;
        this.vault = vault;
        this.outbox = outbox;
        this.fingerprints = fingerprints;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The first submission's result for a key, or a new request. */
    public record Submission(SubmissionView view, boolean replayed) {}

    @Transactional
    public Submission submit(UUID accountId, String idempotencyKey, SubmitClearingRequest body) {
        Account account = accounts.require(accountId);
        String hash = hash(body);
        Optional<ClearingRequest> earlier = requests.findByIdempotencyKey(accountId, idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash.equals(hash)) {
                throw new ProblemException(
                        ProblemType.Common.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different request; use a new key.");
            }
            return new Submission(submissionView(earlier.get()), true);
        }

        var given = body.acknowledgements() == null ? List.<Acknowledgement>of() : body.acknowledgements();
        var missing = EnumSet.allOf(Acknowledgement.class);
        given.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw new ProblemException(
                    Problem.of(AccountProblems.ACKNOWLEDGEMENTS_MISSING, "Confirm every item before clearing.")
                            .with("missing", missing));
        }
        Optional<RealName> realName = realNames.findByIdOptional(accountId);
        var blockers = Preflight.blockers(
                account, realName.isPresent(), requests.findActive(accountId).isPresent());
        if (!blockers.isEmpty()) {
            boolean active = blockers.stream().anyMatch(b -> b.code().equals("ACTIVE_REQUEST"));
            throw new ProblemException(Problem.of(
                            active ? AccountProblems.CLEARING_ACTIVE : AccountProblems.CLEARING_BLOCKED,
                            active
                                    ? "A clearing request is already in progress for this account."
                                    : "Resolve the blockers before clearing.")
                    .with("blockers", blockers));
        }

        Instant now = Instant.now(clock);
        var request = new ClearingRequest();
        request.id = UUID.randomUUID();
        request.accountId = accountId;
        request.status = ClearingStatus.SUBMITTED;
        request.idempotencyKey = idempotencyKey;
        request.requestHash = hash;
        request.submittedAt = now;
        request.expectedDecisionBy = now.plus(config.expectedDecisionWithin());
        try {
            requests.persistAndFlush(request);
        } catch (PersistenceException e) {
            // The partial unique index refused a second active request submitted concurrently.
            throw new ProblemException(Problem.of(
                            AccountProblems.CLEARING_ACTIVE,
                            "A clearing request is already in progress for this account.")
                    .with(
                            "blockers",
                            Preflight.blockers(account, true, true).stream()
                                    .filter(b -> b.code().equals("ACTIVE_REQUEST"))
                                    .toList()));
        }
        append(request.id, now, "SUBMITTED", "Clearing requested; the audit decides by " + request.expectedDecisionBy);
        outbox.append(new ClearRequested(
                request.id,
                accountId,
                now,
                account.locale,
                new ClearRequested.Contact(account.phone, account.email),
                new ClearRequested.AuditSnapshot(
                        account.createdAt,
                        Duration.between(account.createdAt, now).toDays(),
                        realName.get().verifiedAt,
                        account.lastSecurityChangeAt,
                        account.restrictionList(),
                        fingerprints.of(vault.idNumber(realName.get()))),
                List.copyOf(given)));
        metrics.counter("clearname.clearing.submitted").increment();
        LOG.infof("clearing %s submitted for account %s", request.id, accountId);
        return new Submission(submissionView(request), false);
    }

    /** What the person should know before clearing; the same blockers refuse a submission. */
    @Transactional
    public PreflightView preflight(UUID accountId) {
        Account account = accounts.require(accountId);
        Instant now = Instant.now(clock);
        var blockers = Preflight.blockers(
                account,
                realNames.findByIdOptional(accountId).isPresent(),
                requests.findActive(accountId).isPresent());
        return new PreflightView(
                blockers.isEmpty(),
                blockers,
                Preflight.consequences(account, now),
                Preflight.BACKUP_REMINDER,
                new PreflightView.Contact(Preflight.maskPhone(account.phone), Preflight.maskEmail(account.email)),
                List.of(Acknowledgement.values()),
                now.plus(config.expectedDecisionWithin()));
    }

    /** Applies the audit's decision. Only a SUBMITTED request moves; anything else is a late or repeated event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAuditCompleted(AuditCompleted event) {
        Optional<ClearingRequest> found = requests.lockById(event.requestId());
        if (found.isEmpty() || !found.get().accountId.equals(event.accountId())) {
            LOG.warnf("AuditCompleted for unknown request %s ignored", event.requestId());
            return;
        }
        ClearingRequest request = found.get();
        if (request.status != ClearingStatus.SUBMITTED) {
            LOG.infof("AuditCompleted for request %s in state %s ignored", request.id, request.status);
            return;
        }
        Instant now = Instant.now(clock);
        request.decisionMessage = truncate(event.userMessage(), 512);
        request.reasons = truncate(
                event.reasons() == null
                        ? ""
                        : String.join(
                                ",",
                                event.reasons().stream()
                                        .map(r -> r.code() + ":" + r.finality())
                                        .toList()),
                512);
        if (event.decision() == AuditCompleted.Decision.APPROVED) {
            request.status = ClearingStatus.APPROVED;
            request.coolingOffEndsAt = now.plus(config.coolingOff());
            if (config.coolingOff().isZero()) {
                append(request.id, now, "APPROVED", "The audit approved the clearing (" + event.decidedBy() + ")");
                clear(request, now);
            } else {
                append(
                        request.id,
                        now,
                        "APPROVED",
                        "The audit approved the clearing (" + event.decidedBy() + "); the real name is erased at "
                                + request.coolingOffEndsAt + " unless you withdraw before then");
            }
        } else {
            conclude(request, ClearingStatus.REJECTED, now, event.userMessage());
            outbox.append(new ClearingConcluded(
                    request.id,
                    request.accountId,
                    ClearingConcluded.Outcome.REJECTED,
                    event.reasons() == null ? List.of() : event.reasons(),
                    List.of(),
                    now));
        }
    }

    /**
     * Erases the real names of approved requests whose cooling-off is over. Each request is locked with SKIP LOCKED,
     * so several instances (or a withdrawal in progress) never erase one twice; a restart loses nothing, since what is
     * due is read from the database.
     *
     * @return how many requests were cleared
     */
    @Transactional
    public int eraseDue(int limit) {
        Instant now = Instant.now(clock);
        List<ClearingRequest> due = requests.lockDueForErasure(now, limit);
        due.forEach(request -> clear(request, now));
        return due.size();
    }

    /**
     * Withdraws an active request: 409 once it has concluded. The row lock orders a withdrawal against an approval or
     * an erasure of the same request, so exactly one of them wins.
     */
    @Transactional
    public ClearingRequestView withdraw(UUID accountId, UUID requestId) {
        ClearingRequest request = requests.lockById(requestId)
                .filter(r -> r.accountId.equals(accountId))
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such clearing request."));
        if (!request.status.active()) {
            throw new ProblemException(Problem.of(
                            AccountProblems.NOT_WITHDRAWABLE,
                            "The request has concluded (" + request.status + ") and can no longer be withdrawn.")
                    .with("requestStatus", request.status));
        }
        Instant now = Instant.now(clock);
        conclude(request, ClearingStatus.WITHDRAWN, now, "You withdrew the request; your real name is kept");
        outbox.append(new ClearingConcluded(
                request.id, request.accountId, ClearingConcluded.Outcome.WITHDRAWN, List.of(), List.of(), now));
        LOG.infof("clearing %s concluded: WITHDRAWN", request.id);
        return view(request, accounts.require(accountId).locale);
    }

    /**
     * Erases the real name and the ID document references for good, revokes what depended on them, records the
     * erasure receipt and concludes the request.
     */
    private void clear(ClearingRequest request, Instant now) {
        // Crypto-shredding: the data key goes too (KeyShredder, right after this commits), so copies of the ciphertext
        // in backups of this database can no longer be read.
        realNames.findByIdOptional(request.accountId).ifPresent(r -> vault.release(r.dataKeyId));
        long names = realNames.delete("accountId", request.accountId);
        long images = documents.deleteOf(request.accountId);
        List<String> revoked = revokeEntitlements(accounts.require(request.accountId));
        receipt(request.id, names, images, revoked);
        conclude(
                request,
                ClearingStatus.CLEARED,
                now,
                "Real-name data erased: name and ID number (" + names + " record), " + images
                        + " document image reference(s)"
                        + (revoked.isEmpty() ? "" : "; revoked: " + String.join(", ", revoked)));
        outbox.append(new ClearingConcluded(
                request.id, request.accountId, ClearingConcluded.Outcome.CLEARED, List.of(), revoked, now));
        LOG.infof("clearing %s concluded: CLEARED", request.id);
    }

    private void receipt(UUID requestId, long names, long images, List<String> revoked) {
        var removed = ErasureReceiptItem.Outcome.REMOVED;
        receipts.persist(ErasureReceiptItem.of(
                requestId,
                "LEGAL_NAME",
                removed,
                names + " record deleted and its encryption key destroyed, so backups cannot restore it"));
        receipts.persist(ErasureReceiptItem.of(
                requestId, "ID_NUMBER", removed, names + " record deleted; the audit keeps only a keyed fingerprint"));
        receipts.persist(ErasureReceiptItem.of(
                requestId, "ID_DOCUMENT_IMAGES", removed, images + " image reference(s) deleted"));
        for (String entitlement : revoked) {
            receipts.persist(ErasureReceiptItem.of(
                    requestId,
                    entitlement,
                    ErasureReceiptItem.Outcome.REVOKED,
                    entitlement.equals("VIP")
                            ? "VIP membership cancelled, auto-renewal off"
                            : "cloud storage no longer covered by a plan"));
        }
        receipts.persist(ErasureReceiptItem.of(
                requestId,
                "CLEARING_RECORD",
                ErasureReceiptItem.Outcome.RETAINED,
                "this request and its timeline are kept, without personal data, to account for the clearing"));
        receipts.persist(ErasureReceiptItem.of(
                requestId,
                "CONTACT_POINTS",
                ErasureReceiptItem.Outcome.RETAINED,
                "phone number and email stay with the account for sign-in and notices"));
    }

    /** VIP is cancelled with its auto-renewal, cloud storage is no longer covered. */
    private static List<String> revokeEntitlements(Account account) {
        List<String> revoked = new java.util.ArrayList<>();
        if (account.vipPaid || account.vipAutoRenew) {
            revoked.add("VIP");
            account.vipPaid = false;
            account.vipAutoRenew = false;
            account.vipExpiresAt = null;
        }
        if (account.cloudQuotaBytes > 0) {
            revoked.add("CLOUD_STORAGE");
            account.cloudQuotaBytes = 0;
        }
        return revoked;
    }

    private void conclude(ClearingRequest request, ClearingStatus status, Instant now, String detail) {
        request.status = status;
        request.concludedAt = now;
        append(request.id, now, status.name(), detail);
        metrics.timer("clearname.clearing.concluded", "outcome", status.name())
                .record(Duration.between(request.submittedAt, now));
    }

    /** Puts a delivered or failed notice on the request's timeline, once per notification. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onUserNotified(UserNotified event) {
        if (requests.findByIdOptional(event.requestId()).isEmpty()) {
            LOG.warnf("UserNotified for unknown request %s ignored", event.requestId());
            return;
        }
        append(
                event.requestId(),
                event.notifiedAt() == null ? Instant.now(clock) : event.notifiedAt(),
                "USER_NOTIFIED",
                event.channel() + " " + event.status() + " after " + event.attempts() + " attempt(s)");
    }

    @Transactional
    public ClearingRequestView get(UUID accountId, UUID requestId) {
        String locale = accounts.require(accountId).locale;
        return requests.findOwned(accountId, requestId)
                .map(r -> view(r, locale))
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such clearing request."));
    }

    @Transactional
    public List<ClearingRequestView> list(UUID accountId) {
        String locale = accounts.require(accountId).locale;
        return requests.listOwned(accountId).stream().map(r -> view(r, locale)).toList();
    }

    private ClearingRequestView view(ClearingRequest request, String locale) {
        return new ClearingRequestView(
                request.id,
                request.status,
                request.submittedAt,
                request.expectedDecisionBy,
                request.coolingOffEndsAt,
                request.concludedAt,
                reasonsOf(request, locale),
                request.decisionMessage,
                timeline.of(request.id).stream()
                        .map(e -> new ClearingRequestView.TimelineEntryView(e.at, e.type, e.detail))
                        .toList(),
                receipts.of(request.id).stream()
                        .map(i -> new ClearingRequestView.ReceiptItemView(i.category, i.outcome.name(), i.detail))
                        .toList());
    }

    /** The audit's reason codes, each with the text the person reads in the account's language. */
    private static List<ClearingRequestView.Reason> reasonsOf(ClearingRequest request, String locale) {
        if (request.reasons == null || request.reasons.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(request.reasons.split(","))
                .map(r -> r.split(":", 2))
                .map(parts -> new ClearingRequestView.Reason(
                        parts[0], parts.length > 1 ? parts[1] : null, ReasonCode.textOf(parts[0], locale)))
                .toList();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private void append(UUID requestId, Instant at, String type, String detail) {
        timeline.persist(TimelineEntry.of(requestId, at, type, detail));
    }

    private static SubmissionView submissionView(ClearingRequest request) {
        return new SubmissionView(request.id, request.status, request.expectedDecisionBy);
    }

    private static String hash(SubmitClearingRequest body) {
        var acks = body.acknowledgements() == null
                ? List.<String>of()
                : body.acknowledgements().stream().map(Enum::name).sorted().toList();
        String canonical = String.join(",", acks) + "|" + (body.reason() == null ? "" : body.reason());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
