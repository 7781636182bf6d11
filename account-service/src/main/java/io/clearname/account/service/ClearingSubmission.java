package io.clearname.account.service;

import io.clearname.account.config.ClearingConfig;
import io.clearname.account.entity.Account;
import io.clearname.account.entity.ClearingRequest;
import io.clearname.account.entity.ClearingStatus;
import io.clearname.account.entity.RealName;
import io.clearname.account.repository.ClearingRequestRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.events.Acknowledgement;
import io.clearname.events.ClearRequested;
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

/**
 * Turns a person's submission into a clearing request and its {@code ClearRequested}: the Idempotency-Key, the
 * acknowledgements, the blockers, one active request per account.
 */
@ApplicationScoped
public class ClearingSubmission {

    private static final Logger LOG = Logger.getLogger(ClearingSubmission.class);

    /** What the person confirms, and an optional free-text reason. */
    public record Form(List<Acknowledgement> acknowledgements, String reason) {}

    private final AccountService accounts;
    private final RealNameRepository realNames;
    private final ClearingRequestRepository requests;
    private final RequestTimeline timeline;
    private final RealNameVault vault;
    private final Fingerprints fingerprints;
    private final OutboxWriter outbox;
    private final ClearingConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public ClearingSubmission(
            AccountService accounts,
            RealNameRepository realNames,
            ClearingRequestRepository requests,
            RequestTimeline timeline,
            RealNameVault vault,
            Fingerprints fingerprints,
            OutboxWriter outbox,
            ClearingConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.accounts = accounts;
        this.realNames = realNames;
        this.requests = requests;
        this.timeline = timeline;
        this.vault = vault;
        this.fingerprints = fingerprints;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The request an earlier submission with this key created, or a new one. */
    @Transactional
    public ClearingRequest submit(UUID accountId, String idempotencyKey, Form form) {
        Account account = accounts.require(accountId);
        String hash = hash(form);
        Optional<ClearingRequest> earlier = requests.findByIdempotencyKey(accountId, idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash.equals(hash)) {
                throw new ProblemException(
                        ProblemType.Common.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different request; use a new key.");
            }
            return earlier.get();
        }

        var given = form.acknowledgements() == null ? List.<Acknowledgement>of() : form.acknowledgements();
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
        timeline.append(
                request.id, now, "SUBMITTED", "Clearing requested; the audit decides by " + request.expectedDecisionBy);
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
        LOG.debugf("clearing %s submitted for account %s", request.id, accountId);
        return request;
    }

    /** What makes two submissions the same: the acknowledgements in any order, and the reason. */
    private static String hash(Form form) {
        var acks = form.acknowledgements() == null
                ? List.<String>of()
                : form.acknowledgements().stream().map(Enum::name).sorted().toList();
        String canonical = String.join(",", acks) + "|" + (form.reason() == null ? "" : form.reason());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
