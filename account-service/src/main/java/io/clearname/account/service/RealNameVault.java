package io.clearname.account.service;

import io.clearname.account.entity.DataKeyShredding;
import io.clearname.account.entity.IdDocument;
import io.clearname.account.entity.RealName;
import io.clearname.account.repository.DataKeyShreddingRepository;
import io.clearname.account.service.DataKeys.DataKey;
import io.clearname.kit.crypto.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts and decrypts a real name's fields (legal name, ID number, document references) with its data key, and
 * queues the data key for destruction when the real name goes. Each value's associated data is its account and
 * field, so ciphertext moved to another row does not decrypt.
 */
@ApplicationScoped
public class RealNameVault {

    private final DataKeys dataKeys;
    private final DataKeyShreddingRepository shredding;
    private final Clock clock;

    public RealNameVault(DataKeys dataKeys, DataKeyShreddingRepository shredding, Clock clock) {
        this.dataKeys = dataKeys;
        this.shredding = shredding;
        this.clock = clock;
    }

    /** Seals a new real name under a new data key; a previous one of the account is queued for shredding. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DataKey seal(RealName realName, String legalName, String idNumber) {
        if (realName.dataKeyId != null) {
            release(realName.dataKeyId);
        }
        DataKey key = dataKeys.create();
        realName.dataKeyId = key.id();
        realName.legalNameCiphertext =
                AesGcm.encryptText(key.key(), legalName, place(realName.accountId, "legal_name"));
        realName.idNumberCiphertext = AesGcm.encryptText(key.key(), idNumber, place(realName.accountId, "id_number"));
        return key;
    }

    public void seal(DataKey key, IdDocument document, String storageRef) {
        document.storageRefCiphertext =
                AesGcm.encryptText(key.key(), storageRef, place(document.accountId, "storage_ref"));
    }

    public String legalName(RealName realName) {
        return open(realName, realName.legalNameCiphertext, "legal_name");
    }

    public String idNumber(RealName realName) {
        return open(realName, realName.idNumberCiphertext, "id_number");
    }

    /** Queues the data key for destruction once the caller's transaction commits (KeyShredder). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID dataKeyId) {
        release(dataKeyId, null);
    }

    /**
     * Queues the data key of a real name that clearing request {@code requestId} erases: KeyShredder marks the
     * request's receipt line DATA_KEY done when it destroys the key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID dataKeyId, UUID requestId) {
        var queued = shredding.findByIdOptional(dataKeyId);
        if (queued.isEmpty()) {
            shredding.persist(DataKeyShredding.of(dataKeyId, Instant.now(clock), requestId));
        } else if (queued.get().requestId == null) {
            queued.get().requestId = requestId;
        }
    }

    private String open(RealName realName, byte[] value, String field) {
        return open(realName.accountId, realName.dataKeyId, value, field)
                .orElseThrow(() -> new IllegalStateException(
                        "The data key of account " + realName.accountId + "'s real name is gone"));
    }

    /**
     * Decrypts a value of column {@code field} (legal_name, id_number, storage_ref) of the account's real name under
     * data key {@code dataKeyId}; empty once that key was destroyed.
     */
    public Optional<String> open(UUID accountId, UUID dataKeyId, byte[] value, String field) {
        return dataKeys.find(dataKeyId).map(key -> {
            try {
                return AesGcm.decryptText(key.key(), value, place(accountId, field));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A " + field + " of account " + accountId + " does not decrypt", e);
            }
        });
    }

    private static String place(UUID accountId, String field) {
        return "account:" + accountId + ":" + field;
    }
}
