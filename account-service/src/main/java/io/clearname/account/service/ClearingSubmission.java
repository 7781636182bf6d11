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
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /**
     * The answer to a submission: the request it created, as that submission reported it. A request always starts
     * SUBMITTED and its expected decision date never changes, so a retry's answer is exactly the first one, whatever
     * has happened to the request since.
     *
     * @param replayed whether an earlier submission with the same Idempotency-Key created the request
     */
    public record Accepted(UUID requestId, ClearingStatus status, Instant expectedDecisionBy, boolean replayed) {
        static Accepted firstAnswerFor(ClearingRequest request, boolean replayed) {
            return new Accepted(request.id, ClearingStatus.SUBMITTED, request.expectedDecisionBy, replayed);
        }
    }

    /**
     * Creates a clearing request, or answers as the earlier submission with this key (and body) was answered. Retries
     * sent at the same time get the same answer: only one of them creates the request.
     */
    public Accepted submit(UUID accountId, String idempotencyKey, Form form) {
        String hash = hash(form);
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(accountId, idempotencyKey, hash, form));
        } catch (ClearingRequestRepository.ConflictException e) {
            // A submission of the same account committed between this one's checks and its insert. This transaction
            // is rolled back; a new one sees what the other committed.
            LOG.debugf("clearing submission for account %s raced another (%s)", accountId, e.conflict());
            return QuarkusTransaction.requiringNew().call(() -> afterConflict(accountId, idempotencyKey, hash, e));
        }
    }

    private Accepted create(UUID accountId, String idempotencyKey, String hash, Form form) {
        Account account = accounts.require(accountId);
        Optional<ClearingRequest> earlier = requests.findByIdempotencyKey(accountId, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }

        var given = form.acknowledgements() == null ? List.<Acknowledgement>of() : form.acknowledgements();
        var missing = EnumSet.allOf(Acknowledgement.class);
        given.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw new ProblemException(
                    Problem.of(AccountProblems.ACKNOWLEDGEMENTS_MISSING, "Confirm every item before clearing.")
                            .with("missing", missing));
        }
        Optional<ClearingRequest> active = requests.findActive(accountId);
        if (active.isPresent() && active.get().idempotencyKey.equals(idempotencyKey)) {
            // A retry with this key, sent at the same time, committed its request after the lookup by key above.
            return replay(active.get(), hash);
        }
        Optional<RealName> realName = realNames.findByIdOptional(accountId);
        // The blockers the preflight shows, in the account's language: the person reads them in the 409.
        var blockers = Preflight.blockers(account, realName.isPresent(), active.isPresent(), account.locale);
        if (!blockers.isEmpty()) {
            boolean activeBlocks = blockers.stream().anyMatch(b -> b.code().equals(Preflight.ACTIVE_REQUEST));
            throw new ProblemException(Problem.of(
                            activeBlocks ? AccountProblems.CLEARING_ACTIVE : AccountProblems.CLEARING_BLOCKED,
                            activeBlocks
                                    ? "A clearing request is already in progress for this account."
                                    : "Resolve the blockers before clearing.")
                    .with("blockers", blockers));
        }

        // The precision PostgreSQL keeps: a replay reads back exactly the dates the first answer gave.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        var request = new ClearingRequest();
        request.id = UUID.randomUUID();
        request.accountId = accountId;
        request.status = ClearingStatus.SUBMITTED;
        request.idempotencyKey = idempotencyKey;
        request.requestHash = hash;
        request.submittedAt = now;
        request.expectedDecisionBy = now.plus(config.expectedDecisionWithin());
        // Flushed here: a concurrent submission that committed first makes this insert fail on a unique rule.
        requests.insert(request);
        timeline.append(
                request.id,
                now,
                "SUBMITTED",
                RequestTimeline.text(
                        account.locale, "submitted", RequestTimeline.time(request.expectedDecisionBy, account.locale)));
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
        return Accepted.firstAnswerFor(request, false);
    }

    /**
     * After losing a race: a retry with the same key gets the first answer (whichever unique rule reported the race,
     * since both hold for it); a request with another key that is now active is 409 {@code clearing-active}.
     */
    private Accepted afterConflict(
            UUID accountId, String idempotencyKey, String hash, ClearingRequestRepository.ConflictException race) {
        Optional<ClearingRequest> twin = requests.findByIdempotencyKey(accountId, idempotencyKey);
        if (twin.isPresent()) {
            return replay(twin.get(), hash);
        }
        if (race.conflict() == ClearingRequestRepository.Conflict.ANOTHER_ACTIVE_REQUEST) {
            Account account = accounts.require(accountId);
            throw new ProblemException(Problem.of(
                            AccountProblems.CLEARING_ACTIVE,
                            "A clearing request is already in progress for this account.")
                    .with(
                            "blockers",
                            Preflight.blockers(account, true, true, account.locale).stream()
                                    .filter(b -> b.code().equals(Preflight.ACTIVE_REQUEST))
                                    .toList()));
        }
        // The key's request existed when the insert ran, and requests are never deleted: not a race we know.
        throw new IllegalStateException("clearing_request insert conflicted, but no request has its key", race);
    }

    private static Accepted replay(ClearingRequest earlier, String hash) {
        if (!earlier.requestHash.equals(hash)) {
            throw new ProblemException(
                    ProblemType.Common.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key.");
        }
        return Accepted.firstAnswerFor(earlier, true);
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
