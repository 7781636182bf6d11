package io.clearname.account.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearname.account.config.ExportConfig;
import io.clearname.account.entity.Account;
import io.clearname.account.entity.DataExport;
import io.clearname.account.repository.AccountRepository;
import io.clearname.account.repository.DataExportRepository;
import io.clearname.account.repository.IdDocumentRepository;
import io.clearname.account.repository.RealNameRepository;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The person's data export: a JSON file of everything the service keeps about their account, the real name decrypted,
 * so they can keep a copy before clearing it. At most {@code account.export.max-per-day} per account in any 24 hours,
 * counted from the exports recorded in {@code data_export}; a refused export records nothing. The file is not kept:
 * only its id, time, size and SHA-256, so the person can check a copy later.
 */
@ApplicationScoped
public class DataExports {

    private static final Logger LOG = Logger.getLogger(DataExports.class);
    private static final Duration DAY = Duration.ofHours(24);

    private final AccountRepository accounts;
    private final RealNameRepository realNames;
    private final IdDocumentRepository documents;
    private final RealNameVault vault;
    private final ClearingQueries queries;
    private final DataExportRepository exports;
    private final ExportConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public DataExports(
            AccountRepository accounts,
            RealNameRepository realNames,
            IdDocumentRepository documents,
            RealNameVault vault,
            ClearingQueries queries,
            DataExportRepository exports,
            ExportConfig config,
            ObjectMapper json,
            Clock clock) {
        this.accounts = accounts;
        this.realNames = realNames;
        this.documents = documents;
        this.vault = vault;
        this.queries = queries;
        this.exports = exports;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** A file produced: its bytes and what identifies them. */
    public record ExportFile(UUID exportId, Instant exportedAt, byte[] content, byte[] sha256) {}

    /** An export as it is listed: the file's id, time, size and SHA-256 (lowercase hex). */
    public record ExportRecord(UUID exportId, Instant exportedAt, long sizeBytes, String sha256) {}

    /**
     * Produces the account's export now and records it.
     *
     * @throws ExportRateLimitedException when the account exported {@code max-per-day} times in the last 24 hours
     */
    @Transactional
    public ExportFile export(UUID accountId) {
        // The account's row lock makes concurrent exports of one account count one after the other.
        Account account = accounts.findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No such account."));
        // To the microsecond, as the database keeps it: the file and the list of exports give the same time.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<DataExport> recent = exports.since(accountId, now.minus(DAY));
        int limit = config.maxPerDay();
        if (recent.size() >= limit) {
            Instant slot = recent.get(recent.size() - limit).exportedAt.plus(DAY);
            throw new ExportRateLimitedException(limit, Duration.between(now, slot));
        }
        UUID exportId = UUID.randomUUID();
        byte[] content = serialize(document(exportId, now, account));
        byte[] sha256 = sha256(content);
        var export = new DataExport();
        export.id = exportId;
        export.accountId = accountId;
        export.exportedAt = now;
        export.sizeBytes = content.length;
        export.sha256 = HexFormat.of().formatHex(sha256);
        exports.persist(export);
        LOG.infof("export %s of account %s: %d bytes", exportId, accountId, content.length);
        return new ExportFile(exportId, now, content, sha256);
    }

    /** The account's exports, newest first. */
    public List<ExportRecord> list(UUID accountId) {
        return exports.of(accountId).stream()
                .map(e -> new ExportRecord(e.id, e.exportedAt, e.sizeBytes, e.sha256))
                .toList();
    }

    private ExportDocument document(UUID exportId, Instant now, Account account) {
        var details = queries.list(account.id);
        boolean clearing = details.stream().anyMatch(d -> d.request().status.active());
        var realName = realNames
                .findByIdOptional(account.id)
                .map(r -> new ExportDocument.RealNamePart(
                        (clearing ? RealNameStatus.Status.CLEARING : RealNameStatus.Status.VERIFIED).name(),
                        vault.legalName(r),
                        vault.idNumber(r),
                        r.verifiedAt))
                .orElse(null);
        UUID dataKey =
                realNames.findByIdOptional(account.id).map(r -> r.dataKeyId).orElse(null);
        var documentParts = documents.of(account.id).stream()
                .map(d -> new ExportDocument.DocumentPart(
                        d.id,
                        d.category.name(),
                        d.addedAt,
                        dataKey == null
                                ? null
                                : vault.open(account.id, dataKey, d.storageRefCiphertext, "storage_ref")
                                        .orElse(null)))
                .toList();
        return new ExportDocument(
                ExportDocument.FORMAT,
                exportId,
                now,
                account.id,
                Texts.of("export", "about", account.locale),
                new ExportDocument.AccountPart(account.phone, account.email, account.locale, account.createdAt),
                realName,
                documentParts,
                new ExportDocument.EntitlementsPart(
                        new ExportDocument.Vip(account.vipPaid, account.vipExpiresAt, account.vipAutoRenew),
                        new ExportDocument.CloudStorage(account.cloudQuotaBytes, account.cloudUsedBytes),
                        account.walletBalanceCents,
                        account.outstandingCreditCents),
                details.stream().map(DataExports::request).toList(),
                details.stream()
                        .flatMap(d -> d.timeline().stream()
                                .filter(e -> "USER_NOTIFIED".equals(e.type))
                                .map(e -> new ExportDocument.NoticePart(d.request().id, e.at, e.detail)))
                        .toList());
    }

    private static ExportDocument.RequestPart request(ClearingDetails details) {
        var r = details.request();
        return new ExportDocument.RequestPart(
                r.id,
                r.status.name(),
                r.submittedAt,
                r.expectedDecisionBy,
                r.coolingOffEndsAt,
                r.concludedAt,
                details.reasons(),
                r.decisionMessage,
                details.timeline().stream()
                        .map(e -> new ExportDocument.TimelinePart(e.at, e.type, e.detail))
                        .toList(),
                details.receipt().stream()
                        .map(i -> new ExportDocument.ReceiptPart(
                                i.category, i.outcome.name(), i.detail, i.service, i.retainedFor, i.until, i.doneAt))
                        .toList(),
                details.revocations().stream()
                        .map(v -> new ExportDocument.RevocationPart(
                                v.entitlement,
                                v.paidUntil,
                                v.autoRenewCancelled,
                                v.quotaBytes,
                                v.usedBytes,
                                v.revokedAt))
                        .toList());
    }

    private byte[] serialize(ExportDocument document) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            // Never the exception's message: it could quote a value of the document.
            throw new IllegalStateException("The export could not be written as JSON", null);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
